import type { FastifyInstance } from "fastify";
import { compareResolutions } from "../../compare/compare.js";
import type { FindingKind } from "../../compare/duplicates.js";
import { comparisonJson } from "../../compare/format/json.js";
import { symbolFromInput } from "../../model/symbols.js";
import type { Resolution } from "../../model/types.js";
import { httpError, type RouteContext } from "../app.js";
import { errors } from "../schemas.js";

const symbolString = { type: "string", minLength: 1, maxLength: 200 } as const;

/** Comparison of two stored versions, and the registry-wide duplication report (compare/). */
interface DuplicatesQuery {
  kind?: FindingKind;
  actor?: string;
  from?: number;
  to?: number;
  limit?: number;
  offset?: number;
  mandates?: number;
}

const FINDING_KINDS: readonly FindingKind[] = ["duplicate", "renewed-verbatim", "report-every-session", "no-review-or-end"];

/** The year a General Assembly session opens (in September): the first in 1946, the 79th in 2024. */
const sessionYear = (session: number) => 1945 + session;

export async function compareRoutes(app: FastifyInstance, { store, duplication }: RouteContext): Promise<void> {
  const load = async (symbol: string): Promise<Resolution> => {
    const stored = await store.getDocument(symbol);
    if (!stored) throw httpError(404, `no document ${symbolFromInput(symbol)} in the registry`);
    return stored.document;
  };

  app.get<{ Querystring: { from: string; to: string } }>(
    "/diff",
    {
      schema: {
        summary: "Aligned paragraphs with word-level changes and mandate changes between two stored resolutions",
        tags: ["compare"],
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["from", "to"],
          properties: { from: symbolString, to: symbolString },
        },
        response: { 200: { type: "object", additionalProperties: true }, ...errors(400, 404) },
      },
    },
    async (request) => comparisonJson(compareResolutions(await load(request.query.from), await load(request.query.to))),
  );

  app.get<{ Querystring: DuplicatesQuery }>(
    "/duplicates",
    {
      schema: {
        summary: "Ranked report of duplicated mandates, verbatim renewals, reports asked every session and mandates without review or end date",
        description: "Computed once per state of the registry (a write makes the next request start a new scan; meanwhile the previous report is served with stale: true).",
        tags: ["compare"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            kind: { type: "string", enum: [...FINDING_KINDS] },
            actor: { type: "string", maxLength: 200, description: "words of the actor's name (case-insensitive)" },
            from: { type: "integer", minimum: 1945, maximum: 2200, description: "findings with a resolution adopted in or after this year (its session's first year)" },
            to: { type: "integer", minimum: 1945, maximum: 2200, description: "findings with a resolution adopted in or before this year" },
            limit: { type: "integer", minimum: 1, maximum: 10_000, default: 100 },
            offset: { type: "integer", minimum: 0, maximum: 1_000_000, default: 0 },
            mandates: { type: "integer", minimum: 1, maximum: 100_000, default: 20, description: "mandates listed per finding (mandateCount gives them all)" },
          },
        },
        response: { 200: { type: "object", additionalProperties: true }, ...errors(400) },
      },
    },
    async (request) => {
      const { kind, actor, from, to, limit = 100, offset = 0, mandates = 20 } = request.query;
      const { report, computedAt, stale } = await duplication.get();
      const words = actor?.toLowerCase().trim();
      const findings = report.findings.filter(
        (f) =>
          (!kind || f.kind === kind) &&
          (!words || f.mandates.some((m) => m.actor.toLowerCase().includes(words))) &&
          (from === undefined && to === undefined
            ? true
            : f.mandates.some((m) => m.session !== null && (from === undefined || sessionYear(m.session) >= from) && (to === undefined || sessionYear(m.session) <= to))),
      );
      const page = findings.slice(offset, offset + limit).map((f) => ({ ...f, mandateCount: f.mandates.length, mandates: f.mandates.slice(0, mandates) }));
      return { ...report, total: findings.length, findings: page, computedAt, stale };
    },
  );
}

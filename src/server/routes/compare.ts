import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { Finding, FindingKind } from "../../compare/duplicates.js";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { httpError } from "../guards.js";
import { HEAVY_RATE, SEARCH_RATE } from "../load-shedding.js";
import { unavailable } from "../read-pool.js";
import { errors, stringEnum, text } from "../schemas.js";

const symbolString = Type.String({ minLength: 1, maxLength: 200 });

/** Comparison of two stored versions, and the registry-wide duplication report (compare/). */

const FINDING_KINDS: readonly FindingKind[] = ["duplicate", "renewed-verbatim", "report-every-session", "no-review-or-end"];

/**
 * A finding as JSON text: its fields with the count of its mandates, and each mandate apart, so
 * that a page of the report is joined from text written once per finding rather than written
 * anew for every request (500 findings of 100 mandates each are a megabyte).
 */
interface FindingText {
  /** `{"kind":...,"mandateCount":N` without its closing brace. */
  head: string;
  mandates: string[];
}

const findingTexts = new WeakMap<Finding, FindingText>();

function findingText(finding: Finding): FindingText {
  let text = findingTexts.get(finding);
  if (!text) {
    const { mandates, ...fields } = finding;
    text = { head: JSON.stringify({ ...fields, mandateCount: mandates.length }).slice(0, -1), mandates: mandates.map((m) => JSON.stringify(m)) };
    findingTexts.set(finding, text);
  }
  return text;
}

/** The year a General Assembly session opens (in September): the first in 1946, the 79th in 2024. */
const sessionYear = (session: number) => 1945 + session;

export async function compareRoutes(app: FastifyInstance, { reads, duplication }: RouteContext): Promise<void> {
  typed(app).get(
    "/diff",
    {
      config: { rateLimit: HEAVY_RATE },
      schema: {
        summary: "Aligned paragraphs with word-level changes and mandate changes between two stored resolutions",
        tags: ["compare"],
        querystring: Type.Object({ from: symbolString, to: symbolString }, { additionalProperties: false }),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(400, 404, 503) },
      },
    },
    async (request) => {
      const answer = await reads.run("diff", { from: request.query.from, to: request.query.to });
      if ("missing" in answer) throw httpError(404, `no document ${answer.missing} in the registry`);
      return answer.comparison;
    },
  );

  typed(app).get(
    "/duplicates",
    {
      config: { rateLimit: SEARCH_RATE },
      schema: {
        summary: "Ranked report of duplicated mandates, verbatim renewals, reports asked every session and mandates without review or end date",
        description:
          "Computed once per state of the registry, in a worker thread (a write makes the next request start a new scan; meanwhile the previous report is served with stale: true). " +
          "Until the first report of a registry exists, the answer is 503 with Retry-After.",
        tags: ["compare"],
        querystring: Type.Object(
          {
            kind: Type.Optional(stringEnum(FINDING_KINDS)),
            actor: Type.Optional(text(200, "words of the actor's name (case-insensitive)")),
            from: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2200, description: "findings with a resolution adopted in or after this year (its session's first year)" })),
            to: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2200, description: "findings with a resolution adopted in or before this year" })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
            mandates: Type.Integer({ minimum: 1, maximum: 100, default: 20, description: "mandates listed per finding (mandateCount counts them all)" }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errors(400, 503) },
      },
    },
    async (request, reply) => {
      const { kind, actor, from, to, limit, offset, mandates } = request.query;
      const found = await duplication.current();
      if ("computing" in found) {
        throw unavailable(`the duplication report is being computed, retry in ${found.retryAfterSeconds} s`, found.retryAfterSeconds);
      }
      const { report, computedAt, stale } = found;
      const words = actor?.toLowerCase().trim();
      const findings = report.findings.filter(
        (f) =>
          (!kind || f.kind === kind) &&
          (!words || f.mandates.some((m) => m.actor.toLowerCase().includes(words))) &&
          (from === undefined && to === undefined
            ? true
            : f.mandates.some((m) => m.session !== null && (from === undefined || sessionYear(m.session) >= from) && (to === undefined || sessionYear(m.session) <= to))),
      );
      const page = findings.slice(offset, offset + limit).map((f) => {
        const text = findingText(f);
        return `${text.head},"mandates":[${text.mandates.slice(0, mandates).join(",")}]}`;
      });
      const { findings: _all, ...fields } = report;
      const head = JSON.stringify({ ...fields, total: findings.length, computedAt, stale }).slice(0, -1);
      return reply.type(JSON_TYPE).send(`${head},"findings":[${page.join(",")}]}`);
    },
  );
}

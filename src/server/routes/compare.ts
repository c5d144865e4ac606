import type { FastifyInstance } from "fastify";
import { compareResolutions } from "../../compare/compare.js";
import { findDuplication } from "../../compare/duplicates.js";
import { comparisonJson, duplicationJson } from "../../compare/format/json.js";
import { symbolFromInput } from "../../model/symbols.js";
import type { Resolution } from "../../model/types.js";
import { allDocuments } from "../../registry/all-documents.js";
import { httpError, type RouteContext } from "../app.js";
import { errors } from "../schemas.js";

const symbolString = { type: "string", minLength: 1, maxLength: 200 } as const;

/** Comparison of two stored versions, and the registry-wide duplication report (compare/). */
export async function compareRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
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

  app.get<{ Querystring: { limit?: number } }>(
    "/duplicates",
    {
      schema: {
        summary: "Ranked report of duplicated mandates, verbatim renewals, reports asked every session and mandates without review or end date",
        tags: ["compare"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { limit: { type: "integer", minimum: 1, maximum: 10_000, default: 100 } },
        },
        response: { 200: { type: "object", additionalProperties: true }, ...errors(400) },
      },
    },
    async (request) => {
      const docs = await allDocuments(store);
      const report = duplicationJson(findDuplication(docs));
      return { ...report, findings: report.findings.slice(0, request.query.limit ?? 100) };
    },
  );
}

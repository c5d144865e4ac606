import type { FastifyInstance } from "fastify";
import { symbolFromInput } from "../../model/symbols.js";
import type { CitationDirection, Language } from "../../registry/store.js";
import { httpError, type RouteContext } from "../app.js";
import { documentFilters, errors, symbolParams } from "../schemas.js";

interface CitationQuerystring {
  direction: CitationDirection;
  depth: number;
  language?: Language;
}

const node = {
  type: "object",
  properties: { symbol: { type: "string" }, title: { type: ["string", "null"] }, session: { type: ["integer", "null"] }, inRegistry: { type: "boolean" } },
} as const;
const edge = {
  type: "object",
  properties: { from: { type: "string" }, to: { type: "string" }, ref: { type: "string" }, kind: { type: "string" }, text: { type: "string" } },
} as const;

export async function citationRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Params: { symbol: string }; Querystring: CitationQuerystring }>(
    "/documents/:symbol/citations",
    {
      schema: {
        summary: "Citation graph around a document: what it cites (out), what cites it (in), or both, followed to a depth",
        tags: ["citations"],
        params: symbolParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            direction: { type: "string", enum: ["out", "in", "both"], default: "both" },
            depth: { type: "integer", minimum: 1, maximum: 5, default: 1, description: "1 = direct citations; more follows chains" },
            language: documentFilters.language,
          },
        },
        response: {
          200: {
            type: "object",
            properties: { root: { type: "string" }, nodes: { type: "array", items: node }, edges: { type: "array", items: edge }, truncated: { type: "boolean" } },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { direction, depth, language } = request.query;
      const graph = await store.citations(request.params.symbol, { direction, depth, ...(language ? { language } : {}) });
      if (!graph) throw httpError(404, `no document ${symbolFromInput(request.params.symbol)} in the registry`);
      return graph;
    },
  );
}

import type { FastifyInstance } from "fastify";
import { toReadingView } from "../../export/reading.js";
import { symbolFromInput } from "../../model/symbols.js";
import { fileName, type Language } from "../../registry/store.js";
import { httpError, type RouteContext } from "../app.js";
import { documentFilters, errors, ref, symbolParams } from "../schemas.js";

/**
 * What the resolution page shows, in one answer: the reading view (src/export/reading.ts), the
 * versions, which cited documents the registry holds, and what cites this one.
 */
export async function readingRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Params: { symbol: string }; Querystring: { language?: Language; version?: number } }>(
    "/documents/:symbol/reading",
    {
      schema: {
        summary: "A document laid out for reading: paragraphs cut into runs marking citations, footnote call-outs and mandates; versions; held citations; cited by",
        tags: ["documents"],
        params: symbolParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { language: documentFilters.language, version: { type: "integer", minimum: 1 } },
        },
        response: {
          200: {
            type: "object",
            properties: {
              summary: ref("DocumentSummary"),
              version: { type: "integer", description: "the version shown" },
              versions: { type: "array", items: ref("Version") },
              reading: { type: "object", additionalProperties: true, description: "the reading view (src/export/reading.ts)" },
              held: { type: "array", items: { type: "string" }, description: "cited symbols the registry holds" },
              citedBy: {
                type: "array",
                items: { type: "object", properties: { symbol: { type: "string" }, title: { type: ["string", "null"] }, session: { type: ["integer", "null"] } } },
              },
            },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { symbol } = request.params;
      const { language, version } = request.query;
      const stored = await store.getDocument(symbol, { ...(language ? { language } : {}), ...(version ? { version } : {}) });
      if (!stored) throw httpError(404, `no document ${symbolFromInput(symbol)}${version ? ` version ${version}` : ""} in the registry`);
      const graph = await store.citations(stored.summary.symbol, { direction: "both", depth: 1, language: stored.summary.language });
      const root = stored.summary.symbol;
      const citing = new Set((graph?.edges ?? []).filter((e) => e.to === root && e.from !== root).map((e) => e.from));
      const nodes = graph?.nodes ?? [];
      return {
        summary: stored.summary,
        version: version ?? stored.summary.version,
        // A file name, never the folder it was read from.
        versions: stored.versions.map((v) => ({ ...v, sourceName: fileName(v.sourceName) })),
        reading: toReadingView(stored.document),
        held: nodes.filter((n) => n.inRegistry && n.symbol !== root).map((n) => n.symbol),
        citedBy: nodes.filter((n) => citing.has(n.symbol)).map((n) => ({ symbol: n.symbol, title: n.title, session: n.session })),
      };
    },
  );
}

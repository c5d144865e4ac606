import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { toReadingView } from "../../export/reading.js";
import { fileName } from "../../registry/store.js";
import { type RouteContext, typed } from "../app.js";
import { httpError } from "../guards.js";
import { DocumentSummarySchema, documentFilters, errors, nullable, ref, symbolParams, VersionSchema } from "../schemas.js";
import { symbolFromInput } from "../../model/symbols.js";

/**
 * What the resolution page shows, in one answer: the reading view (src/export/reading.ts), the
 * versions, which cited documents the registry holds, and what cites this one.
 */
export async function readingRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  typed(app).get(
    "/documents/:symbol/reading",
    {
      schema: {
        summary: "A document laid out for reading: paragraphs cut into runs marking citations, footnote call-outs and mandates; versions; held citations; cited by",
        tags: ["documents"],
        params: symbolParams,
        querystring: Type.Object(
          { language: documentFilters.language, version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            summary: ref(DocumentSummarySchema),
            version: Type.Integer({ description: "the version shown" }),
            versions: Type.Array(ref(VersionSchema)),
            reading: Type.Object({}, { additionalProperties: true, description: "the reading view (src/export/reading.ts)" }),
            held: Type.Array(Type.String(), { description: "cited symbols the registry holds" }),
            citedBy: Type.Array(Type.Object({ symbol: Type.String(), title: nullable(Type.String()), session: nullable(Type.Integer()) })),
          }),
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

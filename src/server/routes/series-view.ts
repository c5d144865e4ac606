import type { FastifyInstance } from "fastify";
import { seriesJson } from "../../compare/format/json.js";
import { seriesView } from "../../compare/series.js";
import { symbolFromInput } from "../../model/symbols.js";
import type { Resolution } from "../../model/types.js";
import { seriesGaps } from "../../compare/series-gaps.js";
import { httpError, type RouteContext } from "../app.js";
import { errors, ref, symbolParams } from "../schemas.js";

/**
 * One series around a document, for the series page: its members, the earlier versions their
 * recalling paragraphs name but the registry does not hold (gaps), and the life of each
 * paragraph and mandate across the members (compare/series.ts).
 */
export async function seriesViewRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Params: { symbol: string } }>(
    "/series/:symbol",
    {
      schema: {
        summary: "The series holding a document: members, gaps named by their recalling paragraphs, and each paragraph's and mandate's life",
        tags: ["series"],
        params: symbolParams,
        response: {
          200: {
            type: "object",
            properties: {
              series: ref("Series"),
              gaps: {
                type: "array",
                items: { type: "object", properties: { symbol: { type: "string" }, session: { type: ["integer", "null"] }, namedBy: { type: "array", items: { type: "string" } } } },
              },
              view: { type: "object", additionalProperties: true, description: "paragraph and mandate lives (mandates series --json)" },
            },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const symbol = symbolFromInput(request.params.symbol);
      const [series] = await store.series(symbol);
      if (!series) throw httpError(404, `no series in the registry holds ${symbol}`);
      const docs: Resolution[] = [];
      for (const member of series.members) {
        const stored = await store.getDocument(member.symbol, { language: series.language });
        if (stored) docs.push(stored.document);
      }
      const held = new Set<string>();
      for (const doc of docs) {
        const graph = doc.meta.symbol ? await store.citations(doc.meta.symbol, { direction: "out", depth: 1, language: series.language }) : null;
        for (const node of graph?.nodes ?? []) if (node.inRegistry) held.add(node.symbol);
      }
      return { series, gaps: seriesGaps(docs, (s) => held.has(s)), view: seriesJson(seriesView(docs, series.title)) };
    },
  );
}

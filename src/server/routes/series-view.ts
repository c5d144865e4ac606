import type { FastifyInstance } from "fastify";
import { canonicalSymbol } from "../../registry/symbols.js";
import { httpError, JSON_TYPE, type RouteContext } from "../app.js";
import { errors, ref, symbolParams } from "../schemas.js";
import { HEAVY_RATE } from "../load-shedding.js";

/**
 * One series around a document, for the series page: its members, the earlier versions their
 * recalling paragraphs name but the registry does not hold (gaps), and the life of each
 * paragraph and mandate across the members (compare/series.ts).
 */
export async function seriesViewRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  app.get<{ Params: { symbol: string } }>(
    "/series/:symbol",
    {
      config: { rateLimit: HEAVY_RATE },
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
    async (request, reply) => {
      const symbol = canonicalSymbol(request.params.symbol);
      const page = await reads.json("seriesPage", { symbol });
      if (page === null) throw httpError(404, `no series in the registry holds ${symbol}`);
      return reply.type(JSON_TYPE).send(page);
    },
  );
}

import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { httpError } from "../guards.js";
import { asReply } from "../read-pool.js";
import { errors, nullable, ref, SeriesSchema, symbolParams } from "../schemas.js";
import { HEAVY_RATE } from "../load-shedding.js";
import { symbolFromInput } from "../../model/symbols.js";

/**
 * One series around a document, for the series page: its members, the earlier versions their
 * recalling paragraphs name but the registry does not hold (gaps), and the life of each
 * paragraph and mandate across the members (compare/series.ts).
 */
export async function seriesViewRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/series/:symbol",
    {
      config: { rateLimit: HEAVY_RATE },
      schema: {
        summary: "The series holding a document: members, gaps named by their recalling paragraphs, and each paragraph's and mandate's life",
        tags: ["series"],
        params: symbolParams,
        response: {
          200: Type.Object({
            series: ref(SeriesSchema),
            gaps: Type.Array(Type.Object({ symbol: Type.String(), session: nullable(Type.Integer()), namedBy: Type.Array(Type.String()) })),
            view: Type.Object({}, { additionalProperties: true, description: "paragraph and mandate lives (mandates series --json)" }),
          }),
          ...errors(400, 404, 503),
        },
      },
    },
    async (request, reply) => {
      const symbol = symbolFromInput(request.params.symbol);
      const page = await reads.json("seriesPage", { symbol });
      if (page === null) throw httpError(404, `no series in the registry holds ${symbol}`);
      return reply.type(JSON_TYPE).send(asReply(page));
    },
  );
}

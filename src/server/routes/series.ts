import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { asReply } from "../read-pool.js";
import { documentFilters, errors, ref, SeriesSchema } from "../schemas.js";

export async function seriesRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/series",
    {
      schema: {
        summary: "Recurring series: the series holding a document (q = a symbol) or whose title matches (q = words), members in order",
        tags: ["series"],
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 300 }), language: documentFilters.language }, { additionalProperties: false }),
        response: { 200: Type.Object({ series: Type.Array(ref(SeriesSchema)) }), ...errors(400) },
      },
    },
    async (request, reply) => {
      const { q, language } = request.query;
      return reply.type(JSON_TYPE).send(asReply(await reads.json("series", { q, ...(language ? { language } : {}) })));
    },
  );
}

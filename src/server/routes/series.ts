import type { FastifyInstance } from "fastify";
import type { Language } from "../../registry/store.js";
import { JSON_TYPE, type RouteContext } from "../app.js";
import { documentFilters, errors, ref } from "../schemas.js";

export async function seriesRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  app.get<{ Querystring: { q: string; language?: Language } }>(
    "/series",
    {
      schema: {
        summary: "Recurring series: the series holding a document (q = a symbol) or whose title matches (q = words), members in order",
        tags: ["series"],
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["q"],
          properties: { q: { type: "string", minLength: 1, maxLength: 300 }, language: documentFilters.language },
        },
        response: {
          200: { type: "object", properties: { series: { type: "array", items: ref("Series") } } },
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const { q, language } = request.query;
      return reply.type(JSON_TYPE).send(`{"series":${await reads.json("series", { q, ...(language ? { language } : {}) })}}`);
    },
  );
}

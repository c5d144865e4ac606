import type { FastifyInstance } from "fastify";
import { JSON_TYPE, type RouteContext } from "../app.js";
import { errors } from "../schemas.js";

/** Held symbols near one the registry does not hold (the "not found" page's suggestions). */
export async function symbolRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  app.get<{ Querystring: { near: string; limit: number } }>(
    "/symbols/nearest",
    {
      schema: {
        summary: "The held symbols nearest a symbol: same session or year, closest numbers first",
        tags: ["documents"],
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["near"],
          properties: { near: { type: "string", minLength: 1, maxLength: 100 }, limit: { type: "integer", minimum: 1, maximum: 50, default: 8 } },
        },
        response: {
          200: {
            type: "object",
            properties: {
              symbol: { type: "string" },
              nearest: {
                type: "array",
                items: { type: "object", properties: { symbol: { type: "string" }, title: { type: ["string", "null"] }, session: { type: ["integer", "null"] } } },
              },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request, reply) => reply.type(JSON_TYPE).send(await reads.json("nearestSymbols", { near: request.query.near, limit: request.query.limit })),
  );
}

import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { asReply } from "../read-pool.js";
import { errors, nullable } from "../schemas.js";

/** Held symbols near one the registry does not hold (the "not found" page's suggestions). */
export async function symbolRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/symbols/nearest",
    {
      schema: {
        summary: "The held symbols nearest a symbol: same session or year, closest numbers first",
        tags: ["documents"],
        querystring: Type.Object(
          { near: Type.String({ minLength: 1, maxLength: 100 }), limit: Type.Integer({ minimum: 1, maximum: 50, default: 8 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            symbol: Type.String(),
            nearest: Type.Array(Type.Object({ symbol: Type.String(), title: nullable(Type.String()), session: nullable(Type.Integer()) })),
          }),
          ...errors(400),
        },
      },
    },
    async (request, reply) => reply.type(JSON_TYPE).send(asReply(await reads.json("nearestSymbols", { near: request.query.near, limit: request.query.limit }))),
  );
}

import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { asReply } from "../read-pool.js";
import { errors } from "../schemas.js";

const count = Type.Integer();

export async function statisticsRoutes(app: FastifyInstance, { store, reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/stats",
    {
      schema: {
        summary: "Counts: documents and mandates by session, mandates by actor, reports due per session",
        tags: ["statistics"],
        response: {
          200: Type.Object({
            documents: count,
            versions: count,
            paragraphs: count,
            citations: count,
            mandates: count,
            bySession: Type.Array(Type.Object({ session: count, documents: count, mandates: count })),
            byActor: Type.Array(Type.Object({ actor: Type.String(), mandates: count, reports: count })),
            reportsDueBySession: Type.Array(Type.Object({ session: count, reports: count })),
          }),
          ...errors(503),
        },
      },
    },
    async (_request, reply) => reply.type(JSON_TYPE).send(asReply(await reads.json("statistics", null))),
  );

  typed(app).get(
    "/health",
    {
      schema: {
        summary: "Liveness: the back end and how many documents it holds",
        tags: ["statistics"],
        response: { 200: Type.Object({ status: Type.String(), dialect: Type.String(), documents: count }) },
      },
    },
    async () => ({ status: "ok", dialect: store.dialect, documents: await store.countDocuments() }),
  );
}

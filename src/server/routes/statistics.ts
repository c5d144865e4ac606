import type { FastifyInstance } from "fastify";
import { JSON_TYPE, type RouteContext } from "../app.js";

const counts = (key: string, ...fields: string[]) => ({
  type: "array",
  items: { type: "object", properties: Object.fromEntries([[key, { type: key === "actor" ? "string" : "integer" }], ...fields.map((f) => [f, { type: "integer" }])]) },
});

export async function statisticsRoutes(app: FastifyInstance, { store, reads }: RouteContext): Promise<void> {
  app.get(
    "/stats",
    {
      schema: {
        summary: "Counts: documents and mandates by session, mandates by actor, reports due per session",
        tags: ["statistics"],
        response: {
          200: {
            type: "object",
            properties: {
              documents: { type: "integer" },
              versions: { type: "integer" },
              paragraphs: { type: "integer" },
              citations: { type: "integer" },
              mandates: { type: "integer" },
              bySession: counts("session", "documents", "mandates"),
              byActor: counts("actor", "mandates", "reports"),
              reportsDueBySession: counts("session", "reports"),
            },
          },
        },
      },
    },
    async (_request, reply) => reply.type(JSON_TYPE).send(await reads.json("statistics", null)),
  );

  app.get(
    "/health",
    {
      schema: {
        summary: "Liveness: the back end and how many documents it holds",
        tags: ["statistics"],
        response: { 200: { type: "object", properties: { status: { type: "string" }, dialect: { type: "string" }, documents: { type: "integer" } } } },
      },
    },
    async () => ({ status: "ok", dialect: store.dialect, documents: await store.countDocuments() }),
  );
}

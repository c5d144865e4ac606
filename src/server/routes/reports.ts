import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { sittingSession } from "../../model/reports-due.js";
import { type RouteContext, typed } from "../app.js";
import { withRole } from "../auth.js";
import { httpError } from "../guards.js";
import { entitySchema, failures, mandateIdParams, MandateTargetSchema, ReportDeliverySchema } from "../lifecycle-schemas.js";
import { nullable, ref, sessionSchema } from "../schemas.js";
import { unwrap } from "./accounts.js";

/** Sessions the overdue list looks back by default: three biennial cycles. Older reports were most likely delivered without the registry being told. */
const DEFAULT_LOOK_BACK = 6;

/** Reports mandates ask for: the overdue ones (a session closed without a delivery recorded), and recording a delivery. */

export async function reportRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  typed(app).get(
    "/reports/overdue",
    {
      schema: {
        summary: "Reports overdue today: due at a session that has closed (session N closes in September of 1946 + N) with no delivery recorded; recurring reports fall due again; newest first",
        tags: ["reports"],
        querystring: Type.Object(
          {
            entity: Type.Optional(entitySchema("only the reports of mandates addressed to or reviewed for this entity")),
            since: Type.Optional(Type.Integer({ ...sessionSchema, description: "only reports due at this session or later (default: six sessions before the one sitting; 1 for all)" })),
            limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
            offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            sitting: Type.Integer({ description: "the session sitting today" }),
            since: Type.Integer({ description: "the earliest due session listed" }),
            total: Type.Integer(),
            limit: Type.Integer(),
            offset: Type.Integer(),
            items: Type.Array(Type.Object({ mandate: ref(MandateTargetSchema), session: Type.Integer(), entities: Type.Array(Type.String()) })),
          }),
          ...failures(400, 404),
        },
      },
    },
    async (request) => {
      const { limit, offset, entity, since } = request.query;
      const today = new Date().toISOString();
      const resolved = entity ? await store.lifecycle.resolveEntity(entity) : null;
      if (entity && !resolved) throw httpError(404, `no entity "${entity.slice(0, 80)}" in the registry: name it as the registry names actors (UNIDO)`);
      const sitting = sittingSession(today);
      const from = since ?? Math.max(1, sitting - DEFAULT_LOOK_BACK);
      const page = await store.lifecycle.overdueReports({ today, since: from, ...(resolved ? { entity: resolved } : {}) }, { limit, offset });
      return { sitting, since: from, ...page };
    },
  );

  typed(app).put(
    "/mandates/:id/reports/:session",
    {
      schema: {
        summary: "Record that the report due at a session was delivered (its symbol), or not (null); needs the editor of the mandate's entity or an admin, and the version the edit was made against",
        tags: ["reports"],
        params: Type.Object({ ...mandateIdParams.properties, session: sessionSchema }),
        body: Type.Object(
          { symbol: nullable(Type.String({ maxLength: 100 })), note: Type.Optional(Type.String({ maxLength: 2000 })), version: Type.Optional(Type.Integer({ minimum: 0 })) },
          { additionalProperties: false },
        ),
        response: { 200: ref(ReportDeliverySchema), ...failures(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const me = withRole(request, "editor", "admin");
      const outcome = await store.lifecycle.setDelivery(request.params.id, request.params.session, { symbol: request.body.symbol, note: request.body.note ?? "", version: request.body.version ?? 0 }, me);
      return unwrap(outcome);
    },
  );
}

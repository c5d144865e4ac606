import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { auditCsv } from "../../export/lifecycle.js";
import type { AuditEntry } from "../../registry/lifecycle/index.js";
import { type RouteContext, typed } from "../app.js";
import { signedIn } from "../auth.js";
import { AuditEntrySchema, emailSchema, failures, mandateId } from "../lifecycle-schemas.js";
import { ref } from "../schemas.js";

/**
 * The audit trail, newest first, per mandate or per user, for signed-in users (it names who
 * changed what), as JSON pages or CSV.
 */

const filters = {
  mandate: Type.Optional(Type.String({ ...mandateId, description: "one mandate's changes" })),
  user: Type.Optional(Type.String({ ...emailSchema, description: "one user's changes (their email)" })),
};

const CSV_PAGE = 5000;

export async function auditRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  typed(app).get(
    "/audit",
    {
      schema: {
        summary: "Every change: who, when, how (web, token, CLI, import, carry-over), what, before and after; newest first (signed-in users)",
        tags: ["audit"],
        querystring: Type.Object(
          { ...filters, limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), offset: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(ref(AuditEntrySchema)) }),
          ...failures(400, 401),
        },
      },
    },
    async (request) => {
      signedIn(request);
      const { limit, offset, ...filter } = request.query;
      return store.lifecycle.audit(filter, { limit, offset });
    },
  );

  typed(app).get(
    "/audit.csv",
    {
      schema: {
        summary: "The audit trail as CSV (the same filters), newest first",
        tags: ["audit"],
        querystring: Type.Object(filters, { additionalProperties: false }),
        response: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...failures(400, 401) },
      },
    },
    async (request, reply) => {
      signedIn(request);
      const entries: AuditEntry[] = [];
      for (let offset = 0; ; offset += CSV_PAGE) {
        const page = await store.lifecycle.audit(request.query, { limit: CSV_PAGE, offset });
        entries.push(...page.items);
        if (page.items.length < CSV_PAGE) break;
      }
      return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="audit.csv"').send(auditCsv(entries));
    },
  );
}

import type { FastifyInstance } from "fastify";
import { auditCsv } from "../../export/lifecycle.js";
import type { AuditEntry } from "../../registry/lifecycle/index.js";
import type { RouteContext } from "../app.js";
import { signedIn } from "../auth.js";
import { failures, lref } from "../lifecycle-schemas.js";

/**
 * The audit trail, newest first, per mandate or per user, for signed-in users (it names who
 * changed what), as JSON pages or CSV.
 */

const filters = {
  mandate: { type: "string", pattern: "^u?[0-9a-f]{16}$", description: "one mandate's changes" },
  user: { type: "string", maxLength: 254, description: "one user's changes (their email)" },
} as const;

const CSV_PAGE = 5000;

export async function auditRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Querystring: { mandate?: string; user?: string; limit: number; offset: number } }>(
    "/audit",
    {
      schema: {
        summary: "Every change: who, when, how (web, token, CLI, import, carry-over), what, before and after; newest first (signed-in users)",
        tags: ["audit"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { ...filters, limit: { type: "integer", minimum: 1, maximum: 500, default: 50 }, offset: { type: "integer", minimum: 0, maximum: 10_000_000, default: 0 } },
        },
        response: {
          200: { type: "object", properties: { total: { type: "integer" }, limit: { type: "integer" }, offset: { type: "integer" }, items: { type: "array", items: lref("AuditEntry") } } },
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

  app.get<{ Querystring: { mandate?: string; user?: string } }>(
    "/audit.csv",
    {
      schema: {
        summary: "The audit trail as CSV (the same filters), newest first",
        tags: ["audit"],
        querystring: { type: "object", additionalProperties: false, properties: filters },
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

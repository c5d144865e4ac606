import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { reviewCsv, summaryCsv } from "../../export/lifecycle.js";
import { checkReview, DECISIONS, type Decision, type ImplementationStatus, STATUSES } from "../../model/lifecycle.js";
import { MAX_IMPORT_BYTES, readDecisionCsv } from "../../model/lifecycle-import.js";
import { describeProblems } from "../../model/problems.js";
import type { Problem } from "../../model/types.js";
import type { EntityMandate, EntityMandateFilter, SummaryBy } from "../../registry/lifecycle/index.js";
import { symbolFromInput } from "../../model/symbols.js";
import type { RouteContext } from "../app.js";
import { httpFailure, withRole } from "../auth.js";
import { failures, lref, mandateIdParams, reviewBody } from "../lifecycle-schemas.js";
import { sessionSchema } from "../schemas.js";
import { unwrap } from "./accounts.js";

/**
 * The review of mandates: a mandate with its decisions, reports and who may edit it; recording a
 * decision (PUT, with the version it was made against: 409 when stale); an entity's mandates with
 * their decisions (JSON and CSV: the file the import reads back); mandates an entity records that
 * the registry does not hold; orphaned decisions; summaries per entity or series; the CSV import.
 */

/** Input refused: 400 naming every problem (and each by its code). */
export function refusedInput(problems: readonly Problem[]): Error {
  return Object.assign(httpFailure(400, describeProblems(problems)), { problems });
}

type ReviewQuery = { entity?: string; session?: number; symbol?: string; decided?: boolean; decision?: Decision; status?: ImplementationStatus; needsConfirmation?: boolean; limit: number; offset: number };

const reviewFilters = {
  entity: { type: "string", maxLength: 300, description: "the entity, as the registry names actors (default: the signed-in editor's first)" },
  session: sessionSchema,
  symbol: { type: "string", maxLength: 100 },
  decided: { type: "boolean", description: "only mandates with (true) or without (false) a decision of the entity" },
  decision: { type: "string", enum: [...DECISIONS] },
  status: { type: "string", enum: [...STATUSES] },
  needsConfirmation: { type: "boolean" },
} as const;

const CSV_PAGE = 500;

export async function reviewRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));

  /** The entity a listing is about: the one asked for (resolved), else the signed-in editor's first. */
  const entityOf = async (request: FastifyRequest, asked: string | undefined): Promise<string> => {
    if (asked) {
      const entity = await store.lifecycle.resolveEntity(asked);
      if (!entity) throw httpFailure(404, `no entity "${asked.slice(0, 80)}" in the registry: name it as the registry names actors (UNIDO)`);
      return entity;
    }
    const first = request.principal?.entities[0];
    if (!first) throw httpFailure(400, "name the entity (entity=UNIDO): you answer for none");
    return first;
  };
  const filterOf = async (request: FastifyRequest, q: Omit<ReviewQuery, "limit" | "offset">): Promise<EntityMandateFilter> => {
    const { entity, symbol, ...rest } = q;
    return { ...rest, entity: await entityOf(request, entity), ...(symbol ? { symbol: symbolFromInput(symbol) } : {}) };
  };

  app.get<{ Params: { id: string } }>(
    "/mandates/:id",
    {
      schema: {
        summary: "One mandate by its stable id: what it asks, its decisions per entity, its reports, and the entities you may record decisions for",
        tags: ["reviews"],
        params: mandateIdParams,
        response: {
          200: {
            type: "object",
            properties: {
              mandate: lref("MandateTarget"),
              reviews: { type: "array", items: lref("Review") },
              reports: { anyOf: [{ type: "null" }, lref("MandateReports")] },
              editable: { type: "array", items: { type: "string" }, description: "entities you may record decisions for on this mandate" },
            },
          },
          ...failures(404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const mandate = await store.lifecycle.mandateTarget(id);
      const reviews = await store.lifecycle.reviewsOf(id);
      if (!mandate && !reviews.length) throw httpFailure(404, `no mandate ${id} in the registry`);
      return {
        mandate: mandate ?? { id, ...reviews[0]!.mandate, sub: null, actorCanonical: null, session: null, report: false, dueSession: null, recurrence: null, unlistedFor: null },
        reviews,
        reports: mandate ? await store.lifecycle.reportsOf(id, new Date().toISOString()) : null,
        editable: mandate ? await store.lifecycle.editableEntities(id, request.principal) : [],
      };
    },
  );

  app.put<{ Params: { id: string }; Body: Record<string, unknown> }>(
    "/mandates/:id/review",
    {
      schema: {
        summary: "Record an entity's decision on a mandate: needs the editor of that entity (or an admin), and the version the edit was made against (409 with the current decision when stale)",
        tags: ["reviews"],
        params: mandateIdParams,
        body: reviewBody,
        response: { 200: { type: "object", properties: { review: lref("Review"), changed: { type: "boolean" } } }, ...failures(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply: FastifyReply) => {
      const me = withRole(request, "editor", "admin");
      const checked = checkReview(request.body);
      if (!checked.ok) throw refusedInput(checked.problems);
      const outcome = await store.lifecycle.setReview(request.params.id, checked.value, me);
      if (!outcome.ok && outcome.status === 409) return reply.status(409).send({ statusCode: 409, error: "Conflict", message: outcome.message, current: "current" in outcome ? outcome.current : null });
      return unwrap(outcome as Exclude<typeof outcome, { status: 409 }>);
    },
  );

  app.get<{ Querystring: ReviewQuery }>(
    "/reviews",
    {
      schema: {
        summary: "An entity's mandates (addressed to it or reviewed for it) with every entity's decisions, newest first",
        tags: ["reviews"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { ...reviewFilters, limit: { type: "integer", minimum: 1, maximum: 500, default: 50 }, offset: { type: "integer", minimum: 0, maximum: 1_000_000, default: 0 } },
        },
        response: {
          200: {
            type: "object",
            properties: {
              entity: { type: "string" },
              total: { type: "integer" },
              limit: { type: "integer" },
              offset: { type: "integer" },
              items: { type: "array", items: { type: "object", properties: { mandate: lref("MandateTarget"), reviews: { type: "array", items: lref("Review") } } } },
            },
          },
          ...failures(400, 404),
        },
      },
    },
    async (request) => {
      const { limit, offset, ...q } = request.query;
      const filter = await filterOf(request, q);
      return { entity: filter.entity, ...(await store.lifecycle.entityMandates(filter, { limit, offset })) };
    },
  );

  app.get<{ Querystring: Omit<ReviewQuery, "limit" | "offset"> }>(
    "/reviews.csv",
    {
      schema: {
        summary: "An entity's mandates and decisions as CSV, ids and versions included: fill it in and send it back to POST /api/reviews/import",
        tags: ["reviews"],
        querystring: { type: "object", additionalProperties: false, properties: reviewFilters },
        response: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...failures(400, 404) },
      },
    },
    async (request, reply) => {
      const filter = await filterOf(request, request.query);
      const items: EntityMandate[] = [];
      for (let offset = 0; ; offset += CSV_PAGE) {
        const page = await store.lifecycle.entityMandates(filter, { limit: CSV_PAGE, offset });
        items.push(...page.items);
        if (page.items.length < CSV_PAGE) break;
      }
      const rows = items.map(({ mandate, reviews }) => ({
        mandate: { ...mandate, actor: mandate.actorCanonical ?? mandate.actor },
        entity: filter.entity,
        review: reviews.find((r) => r.entity === filter.entity) ?? null,
      }));
      return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="reviews.csv"').send(reviewCsv(rows));
    },
  );

  app.get<{ Querystring: { entity?: string } }>(
    "/reviews/orphaned",
    {
      schema: {
        summary: "Decisions whose mandate the registry no longer holds (a new extraction does not find it): kept, with the mandate as it was",
        tags: ["reviews"],
        querystring: { type: "object", additionalProperties: false, properties: { entity: reviewFilters.entity } },
        response: { 200: { type: "object", properties: { items: { type: "array", items: lref("Review") } } }, ...failures(404) },
      },
    },
    async (request) => ({ items: await store.lifecycle.orphanedReviews(request.query.entity ? await entityOf(request, request.query.entity) : undefined) }),
  );

  const summarySchema = {
    type: "object",
    additionalProperties: false,
    properties: { by: { type: "string", enum: ["entity", "series"], default: "entity" }, entity: reviewFilters.entity },
  } as const;
  const summaryOf = async (request: FastifyRequest<{ Querystring: { by: SummaryBy; entity?: string } }>) =>
    store.lifecycle.summary(request.query.by, request.query.entity ? await entityOf(request, request.query.entity) : undefined);

  app.get<{ Querystring: { by: SummaryBy; entity?: string } }>(
    "/reviews/summary",
    {
      schema: {
        summary: "The review summarised per entity or per series: mandates retained, flagged for review, proposed for removal, undecided",
        tags: ["reviews"],
        querystring: summarySchema,
        response: {
          200: {
            type: "object",
            properties: {
              by: { type: "string" },
              rows: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    group: { type: "string" }, symbol: { type: ["string", "null"] }, mandates: { type: "integer" }, retained: { type: "integer" }, flagged: { type: "integer" },
                    removal: { type: "integer" }, undecided: { type: "integer" }, needsConfirmation: { type: "integer" }, orphaned: { type: "integer" },
                  },
                },
              },
            },
          },
          ...failures(404),
        },
      },
    },
    async (request) => ({ by: request.query.by, rows: await summaryOf(request) }),
  );

  app.get<{ Querystring: { by: SummaryBy; entity?: string } }>(
    "/reviews/summary.csv",
    {
      schema: {
        summary: "The review summary as CSV",
        tags: ["reviews"],
        querystring: summarySchema,
        response: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...failures(404) },
      },
    },
    async (request, reply) =>
      reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="review-summary-by-${request.query.by}.csv"`).send(summaryCsv(await summaryOf(request))),
  );

  app.post<{ Body: string | { csv: string } }>(
    "/reviews/import",
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        summary: "Import decisions from a CSV (text/csv, or JSON {csv}): every row checked, every bad row named by its line, and all or nothing stored",
        tags: ["reviews"],
        response: { 200: { type: "object", properties: { saved: { type: "integer" }, unchanged: { type: "integer" } } }, ...failures(400, 401, 403) },
      },
    },
    async (request) => {
      const me = withRole(request, "editor", "admin");
      const body = request.body;
      const text = typeof body === "string" ? body : body && typeof body === "object" && typeof body.csv === "string" ? body.csv : null;
      if (text === null) throw httpFailure(400, "send the CSV as text/csv, or as JSON {\"csv\": \"...\"}");
      const read = readDecisionCsv(text);
      // a file that cannot be read as decisions at all (header, quoting) names that alone
      if (!read.rows.length && read.problems.length) throw refusedInput(read.problems);
      const outcome = await store.lifecycle.importDecisions(read.rows, me, read.problems);
      if (!outcome.ok) throw refusedInput(outcome.problems);
      return { saved: outcome.saved, unchanged: outcome.unchanged };
    },
  );

  app.get<{ Querystring: { entity?: string } }>(
    "/unlisted-mandates",
    {
      schema: {
        summary: "Mandates entities recorded that the registry does not hold, with their decisions",
        tags: ["reviews"],
        querystring: { type: "object", additionalProperties: false, properties: { entity: reviewFilters.entity } },
        response: { 200: { type: "object", properties: { items: { type: "array", items: { type: "object", properties: { mandate: lref("MandateTarget"), reviews: { type: "array", items: lref("Review") } } } } } }, ...failures(404) },
      },
    },
    async (request) => ({ items: await store.lifecycle.unlistedMandates(request.query.entity ? await entityOf(request, request.query.entity) : undefined) }),
  );

  app.post<{ Body: { entity: string; symbol: string; paragraph: string; description: string } }>(
    "/unlisted-mandates",
    {
      schema: {
        summary: "Record a mandate your entity implements that the registry does not hold, citing its resolution and paragraph; review it like the others by its id",
        tags: ["reviews"],
        body: {
          type: "object",
          additionalProperties: false,
          required: ["entity", "symbol", "paragraph", "description"],
          properties: { entity: { type: "string", maxLength: 300 }, symbol: { type: "string", maxLength: 100 }, paragraph: { type: "string", maxLength: 100 }, description: { type: "string", maxLength: 4000 } },
        },
        response: { 201: lref("MandateTarget"), ...failures(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const me = withRole(request, "editor", "admin");
      return reply.status(201).send(unwrap(await store.lifecycle.addUnlisted(request.body, me)));
    },
  );

}

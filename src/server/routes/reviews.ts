import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { reviewCsv, summaryCsv } from "../../export/lifecycle.js";
import { checkReview, DECISIONS, LIMITS, STATUSES } from "../../model/lifecycle.js";
import { MAX_IMPORT_BYTES, readDecisionCsv } from "../../model/lifecycle-import.js";
import { describeProblems } from "../../model/problems.js";
import type { Problem } from "../../model/types.js";
import type { EntityMandate, EntityMandateFilter, Principal, SummaryBy } from "../../registry/lifecycle/index.js";
import { symbolFromInput } from "../../model/symbols.js";
import { type RouteContext, typed } from "../app.js";
import { withRole } from "../auth.js";
import { httpError } from "../guards.js";
import {
  entitySchema,
  failures,
  MandateReportsSchema,
  mandateIdParams,
  MandateTargetSchema,
  MandateWithReviewsSchema,
  reviewBody,
  ReviewSchema,
  SummaryRowSchema,
} from "../lifecycle-schemas.js";
import { ref, sessionSchema, stringEnum } from "../schemas.js";
import { unwrap } from "./accounts.js";

/**
 * The review of mandates: a mandate with its decisions, reports and who may edit it; recording a
 * decision (PUT, with the version it was made against: 409 when stale); an entity's mandates with
 * their decisions (JSON and CSV: the file the import reads back); mandates an entity records that
 * the registry does not hold; orphaned decisions; summaries per entity or series; the CSV import.
 */

/** Input refused: 400 naming every problem (and each by its code). */
export function refusedInput(problems: readonly Problem[]): Error {
  return Object.assign(httpError(400, describeProblems(problems)), { problems });
}

const entityFilter = Type.Optional(entitySchema("the entity, as the registry names actors (default: the signed-in editor's first)"));
const reviewFilters = {
  entity: entityFilter,
  session: Type.Optional(sessionSchema),
  symbol: Type.Optional(Type.String({ maxLength: 100 })),
  decided: Type.Optional(Type.Boolean({ description: "only mandates with (true) or without (false) a decision of the entity" })),
  decision: Type.Optional(stringEnum(DECISIONS)),
  status: Type.Optional(stringEnum(STATUSES)),
  needsConfirmation: Type.Optional(Type.Boolean()),
};
const ReviewFilters = Type.Object(reviewFilters, { additionalProperties: false });
const EntityQuery = Type.Object({ entity: entityFilter }, { additionalProperties: false });
const SummaryQuery = Type.Object({ by: stringEnum<SummaryBy>(["entity", "series"], { default: "entity" }), entity: entityFilter }, { additionalProperties: false });

const CSV_PAGE = 500;

/** The CSV of an import: the text/csv body as it is, or the `csv` field of a JSON body; null for anything else. */
function csvOf(body: unknown): string | null {
  if (typeof body === "string") return body;
  return body && typeof body === "object" && "csv" in body && typeof body.csv === "string" ? body.csv : null;
}

export async function reviewRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.addContentTypeParser("text/csv", { parseAs: "string", bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));

  /** The entity a listing is about: the one asked for (resolved), else the signed-in editor's first. */
  const entityOf = async (principal: Principal | null, asked: string | undefined): Promise<string> => {
    if (asked) {
      const entity = await store.lifecycle.resolveEntity(asked);
      if (!entity) throw httpError(404, `no entity "${asked.slice(0, 80)}" in the registry: name it as the registry names actors (UNIDO)`);
      return entity;
    }
    const first = principal?.entities[0];
    if (!first) throw httpError(400, "name the entity (entity=UNIDO): you answer for none");
    return first;
  };
  const filterOf = async (principal: Principal | null, q: Static<typeof ReviewFilters>): Promise<EntityMandateFilter> => {
    const { entity, symbol, ...rest } = q;
    return { ...rest, entity: await entityOf(principal, entity), ...(symbol ? { symbol: symbolFromInput(symbol) } : {}) };
  };

  typed(app).get(
    "/mandates/:id",
    {
      schema: {
        summary: "One mandate by its stable id: what it asks, its decisions per entity, its reports, and the entities you may record decisions for",
        tags: ["reviews"],
        params: mandateIdParams,
        response: {
          200: Type.Object({
            mandate: ref(MandateTargetSchema),
            reviews: Type.Array(ref(ReviewSchema)),
            reports: Type.Union([Type.Null(), ref(MandateReportsSchema)]),
            editable: Type.Array(Type.String(), { description: "entities you may record decisions for on this mandate" }),
          }),
          ...failures(404),
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const mandate = await store.lifecycle.mandateTarget(id);
      const reviews = await store.lifecycle.reviewsOf(id);
      if (!mandate && !reviews.length) throw httpError(404, `no mandate ${id} in the registry`);
      return {
        mandate: mandate ?? { id, ...reviews[0]!.mandate, sub: null, actorCanonical: null, session: null, report: false, dueSession: null, recurrence: null, unlistedFor: null },
        reviews,
        reports: mandate ? await store.lifecycle.reportsOf(id, new Date().toISOString()) : null,
        editable: mandate ? await store.lifecycle.editableEntities(id, request.principal) : [],
      };
    },
  );

  typed(app).put(
    "/mandates/:id/review",
    {
      schema: {
        summary: "Record an entity's decision on a mandate: needs the editor of that entity (or an admin), and the version the edit was made against (409 with the current decision when stale)",
        tags: ["reviews"],
        params: mandateIdParams,
        body: reviewBody,
        response: { 200: Type.Object({ review: ref(ReviewSchema), changed: Type.Boolean() }), ...failures(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const me = withRole(request, "editor", "admin");
      const checked = checkReview(request.body);
      if (!checked.ok) throw refusedInput(checked.problems);
      const outcome = await store.lifecycle.setReview(request.params.id, checked.value, me);
      return unwrap(outcome);
    },
  );

  typed(app).get(
    "/reviews",
    {
      schema: {
        summary: "An entity's mandates (addressed to it or reviewed for it) with every entity's decisions, newest first",
        tags: ["reviews"],
        querystring: Type.Object(
          { ...reviewFilters, limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ entity: Type.String(), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(MandateWithReviewsSchema) }),
          ...failures(400, 404),
        },
      },
    },
    async (request) => {
      const { limit, offset, ...q } = request.query;
      const filter = await filterOf(request.principal, q);
      return { entity: filter.entity, ...(await store.lifecycle.entityMandates(filter, { limit, offset })) };
    },
  );

  typed(app).get(
    "/reviews.csv",
    {
      schema: {
        summary: "An entity's mandates and decisions as CSV, ids and versions included: fill it in and send it back to POST /api/reviews/import",
        tags: ["reviews"],
        querystring: ReviewFilters,
        response: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...failures(400, 404) },
      },
    },
    async (request, reply) => {
      const filter = await filterOf(request.principal, request.query);
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

  typed(app).get(
    "/reviews/orphaned",
    {
      schema: {
        summary: "Decisions whose mandate the registry no longer holds (a new extraction does not find it): kept, with the mandate as it was",
        tags: ["reviews"],
        querystring: EntityQuery,
        response: { 200: Type.Object({ items: Type.Array(ref(ReviewSchema)) }), ...failures(404) },
      },
    },
    async (request) => ({ items: await store.lifecycle.orphanedReviews(request.query.entity ? await entityOf(request.principal, request.query.entity) : undefined) }),
  );

  const summaryOf = async (principal: Principal | null, { by, entity }: Static<typeof SummaryQuery>) =>
    store.lifecycle.summary(by, entity ? await entityOf(principal, entity) : undefined);

  typed(app).get(
    "/reviews/summary",
    {
      schema: {
        summary: "The review summarised per entity or per series: mandates retained, flagged for review, proposed for removal, undecided",
        tags: ["reviews"],
        querystring: SummaryQuery,
        response: { 200: Type.Object({ by: Type.String(), rows: Type.Array(SummaryRowSchema) }), ...failures(404) },
      },
    },
    async (request) => ({ by: request.query.by, rows: await summaryOf(request.principal, request.query) }),
  );

  typed(app).get(
    "/reviews/summary.csv",
    {
      schema: {
        summary: "The review summary as CSV",
        tags: ["reviews"],
        querystring: SummaryQuery,
        response: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...failures(404) },
      },
    },
    async (request, reply) =>
      reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="review-summary-by-${request.query.by}.csv"`).send(summaryCsv(await summaryOf(request.principal, request.query))),
  );

  typed(app).post(
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
      const text = csvOf(request.body);
      if (text === null) throw httpError(400, "send the CSV as text/csv, or as JSON {\"csv\": \"...\"}");
      const read = readDecisionCsv(text);
      // a file that cannot be read as decisions at all (header, quoting) names that alone
      if (!read.rows.length && read.problems.length) throw refusedInput(read.problems);
      const outcome = await store.lifecycle.importDecisions(read.rows, me, read.problems);
      if (!outcome.ok) throw refusedInput(outcome.problems);
      return { saved: outcome.saved, unchanged: outcome.unchanged };
    },
  );

  typed(app).get(
    "/unlisted-mandates",
    {
      schema: {
        summary: "Mandates entities recorded that the registry does not hold, with their decisions",
        tags: ["reviews"],
        querystring: EntityQuery,
        response: { 200: Type.Object({ items: Type.Array(MandateWithReviewsSchema) }), ...failures(404) },
      },
    },
    async (request) => ({ items: await store.lifecycle.unlistedMandates(request.query.entity ? await entityOf(request.principal, request.query.entity) : undefined) }),
  );

  typed(app).post(
    "/unlisted-mandates",
    {
      schema: {
        summary: "Record a mandate your entity implements that the registry does not hold, citing its resolution and paragraph; review it like the others by its id",
        tags: ["reviews"],
        body: Type.Object(
          { entity: entitySchema(), symbol: Type.String({ maxLength: 100 }), paragraph: Type.String({ maxLength: 100 }), description: Type.String({ maxLength: LIMITS.description }) },
          { additionalProperties: false },
        ),
        response: { 201: ref(MandateTargetSchema), ...failures(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const me = withRole(request, "editor", "admin");
      return reply.status(201).send(unwrap(await store.lifecycle.addUnlisted(request.body, me)));
    },
  );

}

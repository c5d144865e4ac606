import type { FastifyInstance } from "fastify";
import { csv } from "../../export/opendata.js";
import { MANDATE_GROUPS, type MandateGroup } from "../../registry/mandate-groups.js";
import { MANDATE_SORTS, type MandateFilter, type MandateRecord, type Page } from "../../registry/store.js";
import type { RouteContext } from "../app.js";
import { documentFilters, errors, paging, ref, sessionSchema } from "../schemas.js";

type MandateQuerystring = Omit<MandateFilter, "dueSession"> & Page & { due?: number };

/** The filters of the mandate table, shared by its rows, its CSV and its counts. */
const filterProperties = {
  actor: { type: "string", maxLength: 200, description: "as written or canonical; abbreviations such as UNIDO are resolved" },
  verb: { type: "string", maxLength: 100 },
  due: { ...sessionSchema, description: "session by which the action or report is due" },
  report: { type: "boolean", description: "only mandates that ask for a report (true) or that do not (false)" },
  session: { ...sessionSchema, description: "session of the resolution giving the mandate" },
  symbol: { type: "string", maxLength: 100 },
  body: documentFilters.body,
  language: documentFilters.language,
  minForce: { type: "integer", minimum: 1, maximum: 5, description: "verbs at least this strong: 1 invites, encourages .. 5 decides, directs" },
  reviewOrEnd: { type: "boolean", description: "only mandates with (true) or without (false) a review or end clause" },
  sort: { type: "string", enum: [...MANDATE_SORTS], default: "newest" },
} as const;

function filterOf(query: MandateQuerystring): MandateFilter {
  const { limit: _limit, offset: _offset, due, ...filter } = query;
  return { ...filter, ...(due !== undefined ? { dueSession: due } : {}) };
}

/** Rows served in one CSV download: every mandate of the corpus fits. */
const CSV_MAX_ROWS = 200_000;
const CSV_PAGE = 5_000;

export const MANDATE_CSV_COLUMNS = [
  "symbol", "language", "session", "paragraph", "sub", "actor", "actor_canonical", "actor_type", "verb", "category", "force", "action",
  "report", "report_to", "deliverable", "due_session", "deadline", "recurrence", "has_review_or_end",
  "due_date", "decision", "end_date", "end_duration", "review_session", "review_date", "review_recurrence",
] as const;

function csvRow(m: MandateRecord) {
  return [
    m.symbol, m.language, m.session, m.ref, m.sub, m.actor, m.actorCanonical, m.actorType, m.verb, m.category, m.force, m.action,
    m.report, m.reportTo, m.deliverable, m.dueSession, m.deadline, m.recurrence, m.hasReviewOrEnd,
    m.dueDate, m.decision, m.end?.date ?? null, m.end?.duration ?? null, m.review?.session ?? null, m.review?.date ?? null, m.review?.recurrence ?? null,
  ];
}

export async function mandateRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Querystring: MandateQuerystring }>(
    "/mandates",
    {
      schema: {
        summary: "What resolutions ask of whom: mandates by actor, verb and its strength, session due, report, review or end clause; sorted and paged",
        tags: ["mandates"],
        querystring: { type: "object", additionalProperties: false, properties: { ...filterProperties, ...paging } },
        response: {
          200: {
            type: "object",
            properties: { total: { type: "integer" }, limit: { type: "integer" }, offset: { type: "integer" }, items: { type: "array", items: ref("Mandate") } },
          },
          ...errors(400),
        },
      },
    },
    async (request) => store.mandates(filterOf(request.query), { limit: request.query.limit, offset: request.query.offset }),
  );

  app.get<{ Querystring: Omit<MandateQuerystring, "limit" | "offset"> }>(
    "/mandates.csv",
    {
      schema: {
        summary: "Every mandate the filters select, in the table's order, as CSV (RFC 4180, a header line)",
        tags: ["mandates"],
        querystring: { type: "object", additionalProperties: false, properties: filterProperties },
        response: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400) },
      },
    },
    async (request, reply) => {
      const filter = filterOf({ ...request.query, limit: CSV_PAGE, offset: 0 });
      const rows: MandateRecord[] = [];
      for (let offset = 0; offset < CSV_MAX_ROWS; offset += CSV_PAGE) {
        const page = await store.mandates(filter, { limit: CSV_PAGE, offset });
        rows.push(...page.items);
        if (page.items.length < CSV_PAGE) break;
      }
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="mandates.csv"')
        .send(csv(MANDATE_CSV_COLUMNS, rows.map(csvRow)));
    },
  );

  app.get<{ Querystring: Omit<MandateQuerystring, "limit" | "offset"> & { by: string; limit: number } }>(
    "/mandates/groups",
    {
      schema: {
        summary: "Mandates counted by group (session, due, body, committee, actor, verb, force), largest first, under the table's filters",
        tags: ["mandates"],
        querystring: {
          type: "object",
          additionalProperties: false,
          required: ["by"],
          properties: {
            ...filterProperties,
            by: { type: "string", pattern: `^(${MANDATE_GROUPS.join("|")})(,(${MANDATE_GROUPS.join("|")}))*$`, description: `comma-separated: ${MANDATE_GROUPS.join(", ")}` },
            limit: { type: "integer", minimum: 1, maximum: 1000, default: 200 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              groups: {
                type: "array",
                items: {
                  type: "object",
                  properties: { key: { type: "object", additionalProperties: { type: ["string", "integer", "null"] } }, mandates: { type: "integer" }, reports: { type: "integer" } },
                },
              },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const { by, limit, ...rest } = request.query;
      return { groups: await store.mandateGroups(filterOf({ ...rest, limit: 1, offset: 0 }), by.split(",") as MandateGroup[], limit) };
    },
  );
}

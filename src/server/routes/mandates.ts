import type { FastifyInstance } from "fastify";
import { Readable } from "node:stream";
import { MANDATE_GROUPS, type MandateGroup } from "../../registry/mandate-groups.js";
import { MANDATE_SORTS, type MandateFilter, type Page } from "../../registry/store.js";
import { JSON_TYPE, type RouteContext } from "../app.js";
import { documentFilters, errors, paging, ref, sessionSchema } from "../schemas.js";
import { HEAVY_RATE } from "../load-shedding.js";

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

/**
 * Rows served in one CSV download: every mandate of the corpus fits. The download is written
 * page by page as the read pool reads them, so neither the rows nor the text are held whole
 * (the corpus's 51,574 mandates are 22 MB of CSV).
 */
const CSV_MAX_ROWS = 200_000;
const CSV_PAGE = 5_000;

export async function mandateRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
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
    async (request, reply) =>
      reply.type(JSON_TYPE).send(await reads.json("mandates", { filter: filterOf(request.query), page: { limit: request.query.limit, offset: request.query.offset } })),
  );

  app.get<{ Querystring: Omit<MandateQuerystring, "limit" | "offset"> }>(
    "/mandates.csv",
    {
      config: { rateLimit: HEAVY_RATE },
      schema: {
        summary: "Every mandate the filters select, in the table's order, as CSV (RFC 4180, a header line)",
        tags: ["mandates"],
        querystring: { type: "object", additionalProperties: false, properties: filterProperties },
        response: { 200: { description: "CSV", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400) },
      },
    },
    async (request, reply) => {
      const filter = filterOf({ ...request.query, limit: CSV_PAGE, offset: 0 });
      // The first page is read before answering, so that a refused or failed read is an error answer, not a cut download.
      const first = await reads.run("mandatesCsv", { filter, page: { limit: CSV_PAGE, offset: 0 }, header: true });
      async function* lines() {
        yield first.text;
        if (first.rows < CSV_PAGE) return;
        for (let offset = CSV_PAGE; offset < CSV_MAX_ROWS; offset += CSV_PAGE) {
          const page = await reads.run("mandatesCsv", { filter, page: { limit: CSV_PAGE, offset }, header: false });
          yield page.text;
          if (page.rows < CSV_PAGE) return;
        }
      }
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", 'attachment; filename="mandates.csv"')
        .send(Readable.from(lines()));
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
    async (request, reply) => {
      const { by, limit, ...rest } = request.query;
      const groups = await reads.json("mandateGroups", { filter: filterOf({ ...rest, limit: 1, offset: 0 }), by: by.split(",") as MandateGroup[], limit });
      return reply.type(JSON_TYPE).send(`{"groups":${groups}}`);
    },
  );
}

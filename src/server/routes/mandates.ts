import { Readable } from "node:stream";
import { type Static, Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { MANDATE_GROUPS, type MandateGroup } from "../../registry/mandate-groups.js";
import { MANDATE_SORTS, type MandateFilter, type MandateSort } from "../../registry/store.js";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { asReply } from "../read-pool.js";
import { documentFilters, errors, MandateSchema, paging, ref, sessionSchema, stringEnum, text } from "../schemas.js";
import { HEAVY_RATE } from "../load-shedding.js";

/** The CSV answer: text to a client (and in OpenAPI), a stream of its pages to the handler that writes it. */
const csvStream = Type.Unsafe<Readable>({ type: "string", description: "RFC 4180 text, sent page by page" });

/** The filters of the mandate table, shared by its rows, its CSV and its counts. */
const filterProperties = {
  actor: Type.Optional(text(200, "as written or canonical; abbreviations such as UNIDO are resolved")),
  verb: Type.Optional(text(100)),
  due: Type.Optional(Type.Integer({ ...sessionSchema, description: "session by which the action or report is due" })),
  report: Type.Optional(Type.Boolean({ description: "only mandates that ask for a report (true) or that do not (false)" })),
  session: Type.Optional(Type.Integer({ ...sessionSchema, description: "session of the resolution giving the mandate" })),
  symbol: Type.Optional(text(100)),
  body: documentFilters.body,
  language: documentFilters.language,
  minForce: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: "verbs at least this strong: 1 invites, encourages .. 5 decides, directs" })),
  reviewOrEnd: Type.Optional(Type.Boolean({ description: "only mandates with (true) or without (false) a review or end clause" })),
  sort: stringEnum<MandateSort>(MANDATE_SORTS, { default: "newest" }),
};
const Filters = Type.Object(filterProperties);

/** The table's filters as the store reads them (`due` is the store's `dueSession`). */
function filterOf({ due, ...filter }: Static<typeof Filters>): MandateFilter {
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
  typed(app).get(
    "/mandates",
    {
      schema: {
        summary: "What resolutions ask of whom: mandates by actor, verb and its strength, session due, report, review or end clause; sorted and paged",
        tags: ["mandates"],
        querystring: Type.Object({ ...filterProperties, ...paging }, { additionalProperties: false }),
        response: {
          200: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(ref(MandateSchema)) }),
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const { limit, offset, ...filters } = request.query;
      return reply.type(JSON_TYPE).send(asReply(await reads.json("mandates", { filter: filterOf(filters), page: { limit, offset } })));
    },
  );

  typed(app).get(
    "/mandates.csv",
    {
      config: { rateLimit: HEAVY_RATE },
      schema: {
        summary: "Every mandate the filters select, in the table's order, as CSV (RFC 4180, a header line)",
        tags: ["mandates"],
        querystring: Type.Object(filterProperties, { additionalProperties: false }),
        response: { 200: { description: "CSV", content: { "text/csv": { schema: csvStream } } }, ...errors(400) },
      },
    },
    async (request, reply) => {
      const filter = filterOf(request.query);
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

  typed(app).get(
    "/mandates/groups",
    {
      schema: {
        summary: "Mandates counted by group (session, due, body, committee, actor, verb, force), largest first, under the table's filters",
        tags: ["mandates"],
        querystring: Type.Object(
          {
            ...filterProperties,
            by: Type.String({ pattern: `^(${MANDATE_GROUPS.join("|")})(,(${MANDATE_GROUPS.join("|")}))*$`, description: `comma-separated: ${MANDATE_GROUPS.join(", ")}` }),
            limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            groups: Type.Array(
              Type.Object({
                key: Type.Record(Type.String(), Type.Union([Type.String(), Type.Integer(), Type.Null()])),
                mandates: Type.Integer(),
                reports: Type.Integer(),
              }),
            ),
          }),
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const { by, limit, ...rest } = request.query;
      const groups = await reads.json("mandateGroups", { filter: filterOf(rest), by: by.split(",") as MandateGroup[], limit });
      return reply.type(JSON_TYPE).send(asReply(groups));
    },
  );
}

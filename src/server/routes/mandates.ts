import type { FastifyInstance } from "fastify";
import type { MandateFilter, Page } from "../../registry/store.js";
import type { RouteContext } from "../app.js";
import { documentFilters, errors, paging, ref, sessionSchema } from "../schemas.js";

type MandateQuerystring = Omit<MandateFilter, "dueSession"> & Page & { due?: number };

export async function mandateRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Querystring: MandateQuerystring }>(
    "/mandates",
    {
      schema: {
        summary: "What resolutions ask of whom: mandates by actor, verb, session due and report",
        tags: ["mandates"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            actor: { type: "string", maxLength: 200, description: "as written or canonical; abbreviations such as UNIDO are resolved" },
            verb: { type: "string", maxLength: 100 },
            due: { ...sessionSchema, description: "session by which the action or report is due" },
            report: { type: "boolean", description: "only mandates that ask for a report (true) or that do not (false)" },
            session: { ...sessionSchema, description: "session of the resolution giving the mandate" },
            symbol: { type: "string", maxLength: 100 },
            body: documentFilters.body,
            language: documentFilters.language,
            ...paging,
          },
        },
        response: {
          200: {
            type: "object",
            properties: { total: { type: "integer" }, limit: { type: "integer" }, offset: { type: "integer" }, items: { type: "array", items: ref("Mandate") } },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const { limit, offset, due, ...filter } = request.query;
      return store.mandates({ ...filter, ...(due !== undefined ? { dueSession: due } : {}) }, { limit, offset });
    },
  );
}

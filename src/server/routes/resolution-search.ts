import type { FastifyInstance } from "fastify";
import { PARAGRAPH_KINDS } from "../../model/paragraphs.js";
import { searchResolutions } from "../../registry/resolution-search.js";
import { MAX_QUERY_LENGTH } from "../../registry/search-query.js";
import type { Page, SearchFilter } from "../../registry/store.js";
import { badInput, type RouteContext } from "../app.js";
import { documentFilters, errors, facetList, ref } from "../schemas.js";
import { facetNames } from "./search.js";

type Querystring = SearchFilter & Page & { q: string; facets: string };

/** Search by resolution (src/registry/resolution-search.ts): what the search page shows. */
export async function resolutionSearchRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Querystring: Querystring }>(
    "/search/resolutions",
    {
      schema: {
        summary: "Resolutions matching a search, title matches first, each with its best paragraphs; facets count matching paragraphs",
        description:
          "The query language of /search. Resolutions are grouped from the 300 best paragraphs; a query that is a held symbol " +
          "(79/222, A/RES/79/222, S/RES/2719 (2023)) is returned in `symbol`.",
        tags: ["search"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: { type: "string", maxLength: MAX_QUERY_LENGTH, default: "" },
            ...documentFilters,
            kind: { type: "string", enum: [...PARAGRAPH_KINDS] },
            verb: { type: "string", maxLength: 100 },
            actor: { type: "string", maxLength: 200 },
            hasReportDue: { type: "boolean" },
            facets: facetList,
            limit: { type: "integer", minimum: 1, maximum: 50, default: 10 },
            offset: { type: "integer", minimum: 0, maximum: 1000, default: 0 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              symbol: { type: ["string", "null"] },
              total: { type: "integer" },
              paragraphs: { type: "integer" },
              paragraphsExact: { type: "boolean" },
              items: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    symbol: { type: "string" },
                    language: { type: "string" },
                    title: { type: ["string", "null"] },
                    session: { type: ["integer", "null"] },
                    body: { type: "string" },
                    titleMatch: { type: "boolean" },
                    score: { type: "number" },
                    matches: { type: "integer" },
                    paragraphs: { type: "array", items: ref("SearchHit") },
                  },
                },
              },
              facets: { type: "object", additionalProperties: ref("FacetCounts") },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const { q, facets, limit, offset, ...filter } = request.query;
      const outcome = await searchResolutions(store, { query: q, filter, page: { limit, offset }, facets: facetNames(facets) });
      if (!outcome.ok) throw badInput(outcome.problems);
      return outcome.result;
    },
  );
}

import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { MAX_QUERY_LENGTH } from "../../registry/search-query.js";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { SEARCH_RATE } from "../load-shedding.js";
import { asReply } from "../read-pool.js";
import { errors, FacetCountsSchema, facetList, nullable, ref, SearchHitSchema, searchFilters } from "../schemas.js";
import { facetNames } from "./search.js";

/** Search by resolution (src/registry/resolution-search.ts): what the search page shows. */
export async function resolutionSearchRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/search/resolutions",
    {
      config: { rateLimit: SEARCH_RATE },
      schema: {
        summary: "Resolutions matching a search, title matches first, each with its best paragraphs; facets count matching paragraphs",
        description:
          "The query language of /search. Resolutions are grouped from the 300 best paragraphs; a query that is a held symbol " +
          "(79/222, A/RES/79/222, S/RES/2719 (2023)) is returned in `symbol`.",
        tags: ["search"],
        querystring: Type.Object(
          {
            q: Type.String({ maxLength: MAX_QUERY_LENGTH, default: "" }),
            ...searchFilters,
            facets: facetList,
            limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
            offset: Type.Integer({ minimum: 0, maximum: 1000, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            symbol: nullable(Type.String()),
            total: Type.Integer(),
            paragraphs: Type.Integer(),
            paragraphsExact: Type.Boolean(),
            items: Type.Array(
              Type.Object({
                symbol: Type.String(),
                language: Type.String(),
                title: nullable(Type.String()),
                session: nullable(Type.Integer()),
                body: Type.String(),
                titleMatch: Type.Boolean(),
                score: Type.Number(),
                matches: Type.Integer(),
                paragraphs: Type.Array(ref(SearchHitSchema)),
              }),
            ),
            facets: Type.Record(Type.String(), ref(FacetCountsSchema)),
          }),
          ...errors(400, 503),
        },
      },
    },
    async (request, reply) => {
      const { q, facets, limit, offset, ...filter } = request.query;
      return reply.type(JSON_TYPE).send(asReply(await reads.json("searchResolutions", { query: q, filter, page: { limit, offset }, facets: facetNames(facets) })));
    },
  );
}

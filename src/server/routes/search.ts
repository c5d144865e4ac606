import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { MAX_QUERY_LENGTH } from "../../registry/search-query.js";
import { FACETS, type FacetName } from "../../registry/store.js";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { SEARCH_RATE } from "../load-shedding.js";
import { asReply } from "../read-pool.js";
import { errors, FacetCountsSchema, facetList, paging, ref, SearchHitSchema, searchFilters } from "../schemas.js";

/** "all", "none" or a comma list (already validated by the schema's pattern). */
export function facetNames(list: string): FacetName[] {
  if (list === "all") return [...FACETS];
  if (list === "none") return [];
  return list.split(",") as FacetName[];
}

export async function searchRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/search",
    {
      config: { rateLimit: SEARCH_RATE },
      schema: {
        summary: "Full-text search over paragraphs, ranked, with highlighted snippets, filters and facet counts",
        description:
          'Words must all match; "quoted phrases", prefix* (the words as written that begin so, accents aside: sustainab* finds sustainable), ' +
          "-excluded words and OR between words are understood. " +
          "An empty q lists the paragraphs the filters select, newest first. Hits are ranked by relevance (BM25) among the 500 " +
          "newest matching paragraphs; total is exact up to 500 (see totalExact), or up to 10,000 with facets, which count the newest 10,000 matches.",
        tags: ["search"],
        querystring: Type.Object(
          { q: Type.String({ maxLength: MAX_QUERY_LENGTH, default: "" }), ...searchFilters, facets: facetList, ...paging },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            total: Type.Integer({ description: "matching paragraphs; a lower bound when totalExact is false" }),
            totalExact: Type.Boolean({ description: "false when the matches were counted only up to the cap (500, or 10,000 with facets)" }),
            hits: Type.Array(ref(SearchHitSchema)),
            facets: Type.Partial(Type.Record(Type.Union(FACETS.map((f) => Type.Literal(f))), ref(FacetCountsSchema))),
          }),
          ...errors(400, 503),
        },
      },
    },
    async (request, reply) => {
      const { q, facets, limit, offset, ...filter } = request.query;
      return reply.type(JSON_TYPE).send(asReply(await reads.json("search", { query: q, filter, page: { limit, offset }, facets: facetNames(facets) })));
    },
  );
}

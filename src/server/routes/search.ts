import type { FastifyInstance } from "fastify";
import { MAX_QUERY_LENGTH } from "../../registry/search-query.js";
import { PARAGRAPH_KINDS } from "../../model/paragraphs.js";
import { FACETS, type FacetName, type Page, type SearchFilter } from "../../registry/store.js";
import { badInput, type RouteContext } from "../app.js";
import { documentFilters, errors, facetList, paging, ref } from "../schemas.js";

type SearchQuerystring = SearchFilter & Page & { q: string; facets: string };

/** "all", "none" or a comma list (already validated by the schema's pattern). */
export function facetNames(list: string): FacetName[] {
  if (list === "all") return [...FACETS];
  if (list === "none") return [];
  return list.split(",") as FacetName[];
}

export async function searchRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Querystring: SearchQuerystring }>(
    "/search",
    {
      schema: {
        summary: "Full-text search over paragraphs, ranked, with highlighted snippets, filters and facet counts",
        description:
          'Words must all match; "quoted phrases", prefix* (the words as written that begin so, accents aside: sustainab* finds sustainable), ' +
          "-excluded words and OR between words are understood. " +
          "An empty q lists the paragraphs the filters select, newest first. Hits are ranked by relevance (BM25) among the 500 " +
          "newest matching paragraphs; total is exact up to 500 (see totalExact), or up to 10,000 with facets, which count the newest 10,000 matches.",
        tags: ["search"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            q: { type: "string", maxLength: MAX_QUERY_LENGTH, default: "" },
            ...documentFilters,
            kind: { type: "string", enum: [...PARAGRAPH_KINDS] },
            verb: { type: "string", maxLength: 100, description: "normalised operative verb or preambular starter" },
            actor: { type: "string", maxLength: 200, description: "paragraphs with a mandate to this actor" },
            hasReportDue: { type: "boolean", description: "paragraphs asking for a report due at a named session" },
            facets: facetList,
            ...paging,
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              total: { type: "integer", description: "matching paragraphs; a lower bound when totalExact is false" },
              totalExact: { type: "boolean", description: "false when the matches were counted only up to the cap (500, or 10,000 with facets)" },
              hits: { type: "array", items: ref("SearchHit") },
              facets: { type: "object", properties: Object.fromEntries(FACETS.map((f) => [f, ref("FacetCounts")])) },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const { q, facets, limit, offset, ...filter } = request.query;
      const outcome = await store.search({ query: q, filter, page: { limit, offset }, facets: facetNames(facets) });
      if (!outcome.ok) throw badInput(outcome.problems);
      return outcome.result;
    },
  );
}

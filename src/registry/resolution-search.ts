import { looksLikeSymbol, symbolFromInput } from "../model/symbols.js";
import type { Problem } from "../model/types.js";
import type { DocumentFilter, FacetName, Page, SearchFilter, SearchHit, SearchResult, Store } from "./store.js";

/**
 * Search by resolution, as a reader asks: the paragraph search (Store.search) grouped by the
 * document its hits belong to, resolutions whose title holds the words first ("industrial
 * development cooperation" puts that series on top, newest first), then the others by their
 * best paragraph. A query that is a held symbol in any usual form (79/222, A/RES/79/222,
 * S/RES/2719 (2023)) names the document to open instead. A query the paragraph search refuses
 * is refused here with the same problems.
 */

/** Paragraph hits grouped into resolutions: enough for several pages of ten resolutions. */
const HIT_WINDOW = 300;
/** Best paragraphs shown under each resolution. */
const PARAGRAPHS_SHOWN = 3;
/** Title matches looked up; more are counted among the paragraph matches only. */
const TITLE_MATCHES = 60;

export interface ResolutionHit {
  symbol: string;
  language: string;
  title: string | null;
  session: number | null;
  body: string;
  /** The title holds the query's words. */
  titleMatch: boolean;
  /** Best paragraph score (BM25, comparable within one answer). */
  score: number;
  /** Matching paragraphs among the ranked window. */
  matches: number;
  paragraphs: SearchHit[];
}

export interface ResolutionSearchResult {
  /** A held document the query names by its symbol: the page opens it. */
  symbol: string | null;
  /** Resolutions found (among the newest HIT_WINDOW matching paragraphs, and the title matches). */
  total: number;
  /** Matching paragraphs, as Store.search counts them. */
  paragraphs: number;
  paragraphsExact: boolean;
  items: ResolutionHit[];
  facets: SearchResult["facets"];
}

export type ResolutionSearchOutcome = { ok: true; result: ResolutionSearchResult } | { ok: false; problems: Problem[] };

/** The words of a query as they would stand in a title: no operators, quotes or prefixes; null when it has operators. */
function titlePhrase(query: string): string | null {
  if (/(^|\s)-\S|\sOR\s|\*/.test(query)) return null;
  const phrase = query.replace(/["\u201c\u201d]/g, " ").replace(/\s+/g, " ").trim();
  return phrase.length >= 3 ? phrase : null;
}

const documentKey = (h: { symbol: string; language: string }) => `${h.symbol}\u0000${h.language}`;

export async function searchResolutions(
  store: Store,
  request: { query: string; filter: SearchFilter; page: Page; facets: readonly FacetName[] },
): Promise<ResolutionSearchOutcome> {
  const query = request.query.trim();
  let symbol: string | null = null;
  if (query && looksLikeSymbol(query)) {
    const held = await store.getDocument(symbolFromInput(query), request.filter.language ? { language: request.filter.language } : {});
    if (held) symbol = held.summary.symbol;
  }
  const searched = await store.search({ query, filter: request.filter, page: { limit: HIT_WINDOW, offset: 0 }, facets: request.facets });
  if (!searched.ok) return searched;
  const found = searched.result;
  const groups = new Map<string, ResolutionHit>();
  for (const hit of found.hits) {
    const key = documentKey(hit);
    let group = groups.get(key);
    if (!group) {
      group = { symbol: hit.symbol, language: hit.language, title: hit.title, session: hit.session, body: hit.body, titleMatch: false, score: hit.score, matches: 0, paragraphs: [] };
      groups.set(key, group);
    }
    group.matches++;
    group.score = Math.max(group.score, hit.score);
    if (group.paragraphs.length < PARAGRAPHS_SHOWN) group.paragraphs.push(hit);
  }

  const phrase = query ? titlePhrase(query) : null;
  // Paragraph-level filters (kind, verb, report due) cannot hold for a title: only resolutions with such paragraphs are shown.
  const paragraphFilters = request.filter.kind !== undefined || request.filter.verb !== undefined || request.filter.hasReportDue !== undefined;
  if (phrase) {
    const { kind: _kind, verb: _verb, hasReportDue: _report, ...documentFilter } = request.filter;
    const titled = await store.listDocuments({ ...(documentFilter as DocumentFilter), title: phrase }, { limit: TITLE_MATCHES, offset: 0 });
    for (const summary of titled.items) {
      const key = documentKey(summary);
      const group = groups.get(key);
      if (group) group.titleMatch = true;
      else if (!paragraphFilters) {
        groups.set(key, { ...summary, titleMatch: true, score: 0, matches: 0, paragraphs: [] });
      }
    }
  }
  const ranked = [...groups.values()].sort(
    (a, b) =>
      Number(b.titleMatch) - Number(a.titleMatch) ||
      (a.titleMatch ? (b.session ?? 0) - (a.session ?? 0) : 0) ||
      b.score - a.score ||
      b.matches - a.matches ||
      (b.session ?? 0) - (a.session ?? 0) ||
      a.symbol.localeCompare(b.symbol),
  );
  const items = ranked.slice(request.page.offset, request.page.offset + request.page.limit);
  // A title match older than the ranked window still shows its best paragraphs: its session's matches hold them.
  for (const item of items) {
    if (item.paragraphs.length || !query) continue;
    const inSession = await store.search({
      query,
      filter: { ...request.filter, language: item.language as SearchFilter["language"], ...(item.session !== null ? { session: item.session } : {}) },
      page: { limit: HIT_WINDOW, offset: 0 },
      facets: [],
    });
    if (!inSession.ok) return inSession;
    const own = inSession.result.hits.filter((h) => h.symbol === item.symbol);
    item.paragraphs = own.slice(0, PARAGRAPHS_SHOWN);
    item.matches = own.length;
    item.score = own[0]?.score ?? 0;
  }
  return { ok: true, result: { symbol, total: ranked.length, paragraphs: found.total, paragraphsExact: found.totalExact, items, facets: found.facets } };
}

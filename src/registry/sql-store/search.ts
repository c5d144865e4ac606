import { problem } from "../../model/problems.js";
import type { Language, Problem } from "../../model/types.js";
import type { Fragment, IdRange } from "../dialect.js";
import { type Candidate, excerpt, SCORED_PREFIX, scoreCandidates, type TermStatistics, termKey } from "../ranking.js";
import { DOCUMENT_SPAN, documentOfParagraph, PARAGRAPH_ID_SPAN, paragraphBase, recencyOf } from "../rows.js";
import { parseSearch, type SearchExpression, type SearchTerm } from "../search-query.js";
import { expandPrefixes, MAX_EXPANDED_WORDS, MAX_PREFIX_WORDS, MAX_PREFIXES, prefixesOf } from "../search-words.js";
import {
  type FacetCount,
  type FacetName,
  type SearchFilter,
  type SearchHit,
  type SearchOutcome,
  type SearchRequest,
  type SearchResult,
} from "../store.js";
import { wordsBeginning } from "../word-rows.js";
import { PLACE_COLUMNS, placeOf, type SqlContext, str } from "./context.js";
import { actorCondition, conditionsOnDocuments, placeholders, where } from "./filters.js";

const FACET_LIMIT = 30;

/** The words of the registry each prefix of a search begins (`de*` -> development, delegation, ...). */
type PrefixWords = ReadonlyMap<string, readonly string[]>;

/** Full-text hits are ranked among this many newest matches. */
const RANK_WINDOW = 500;
/**
 * Totals are counted exactly up to here ("500+" beyond) unless facets are asked for: the
 * matches ranked, and one more. Counting to 1,000 fetched twice the matches for the searches
 * that have that many, the slowest: at 50,000 documents p95 went from 17.9-26.2 to 16.2-16.7 ms.
 */
const TOTAL_CAP = RANK_WINDOW;
/** Facets count at most this many (newest) matches: exact below, a sample of the newest above. */
const FACET_SAMPLE = 10_000;
/** Deepest hit served (offset + limit). */
const MAX_RESULT_WINDOW = 10_000;
const FREQUENCY_CAP = 10_000;
const STATISTICS_TTL_MS = 60_000;

/**
 * Full-text search over the paragraphs: the matches as the filters select them, ranked among the
 * newest, with their excerpts and facet counts. Keeps the term counts that ranking weighs by.
 */
export class ParagraphSearch {
  constructor(private readonly context: SqlContext) {}

  /** Drops the terms' match counts: paragraphs were written. */
  forgetTermFrequencies(): void {
    this.termFrequencies.clear();
  }

  /**
   * The paragraph ids a session or year filter allows, as a half-open range (ids begin with the
   * document's recency, then its id): a year gives its recency; a session, the ids of its
   * documents (one indexed lookup). Undefined when neither filter is set.
   */
  private async paragraphIdBounds(filter: SearchFilter): Promise<IdRange | undefined> {
    let range: IdRange | undefined;
    const narrow = (next: IdRange) => {
      range = range ? { from: Math.max(range.from, next.from), to: Math.min(range.to, next.to) } : next;
    };
    if (filter.year !== undefined) {
      const recency = recencyOf({ year: filter.year, session: null });
      narrow({ from: paragraphBase(recency, 0), to: paragraphBase(recency, DOCUMENT_SPAN - 1) + PARAGRAPH_ID_SPAN });
    }
    if (filter.session !== undefined) {
      const [row] = await this.context.db.all("SELECT MIN(d.paragraph_base) AS lo, MAX(d.paragraph_base) AS hi FROM documents d WHERE d.session = ?", [
        filter.session,
      ]);
      narrow(row?.lo === null || row?.lo === undefined ? { from: 0, to: 0 } : { from: Number(row.lo), to: Number(row.hi) + PARAGRAPH_ID_SPAN });
    }
    return range;
  }

  /**
   * The matching paragraphs as rows `(id, document_id)`, filters applied. What drives the query:
   * the full-text match when there are words or a kind or verb the dialect indexes (matched
   * there, newest first, which stops after the page's matches), else the documents the filters
   * select and their paragraph id ranges, else the paragraphs table. A session or year filter
   * also bounds the full-text match to the paragraph ids those documents can have, so that an
   * old session is not reached by reading every newer match. CROSS JOIN keeps SQLite from
   * probing the full-text index once per row; PostgreSQL reads it as a plain join.
   */
  private async matches(expression: SearchExpression | null, filter: SearchFilter, prefixWords: PrefixWords = new Map()): Promise<Fragment> {
    const documentConditions = conditionsOnDocuments(this.context.sql, filter);
    const tags = this.context.sql.indexesParagraphTags ? { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.verb ? { verb: filter.verb } : {}) } : {};
    const tagsIndexed = Object.keys(tags).length > 0;
    const match =
      expression || !documentConditions.length || tagsIndexed
        ? this.context.sql.matchParagraphs(expression && (await this.indexExpression(expression, filter.language, prefixWords)), filter.language, tags, await this.paragraphIdBounds(filter))
        : null;
    const tagsMatched = match !== null && this.context.sql.indexesParagraphTags;
    const paragraphConditions: Fragment[] = [];
    if (filter.kind && !tagsMatched) paragraphConditions.push({ sql: "p.kind = ?", params: [filter.kind] });
    if (filter.verb && !tagsMatched) paragraphConditions.push({ sql: "p.phrase = ?", params: [filter.verb.toLowerCase()] });
    let from: string;
    const fromParams: unknown[] = [];
    let id = "p.id";
    const joins: Fragment[] = [];
    if (match) {
      from = `(${match.sql}) m`;
      fromParams.push(...match.params);
      id = "m.id";
      if (documentConditions.length) {
        from += " CROSS JOIN documents d";
        joins.push({ sql: `d.id = ${documentOfParagraph(id)}`, params: [] });
      }
      if (paragraphConditions.length) {
        from += " CROSS JOIN paragraphs p";
        joins.push({ sql: "p.id = m.id", params: [] });
      }
    } else if (documentConditions.length) {
      const base = "d.paragraph_base";
      from = "documents d CROSS JOIN paragraphs p";
      // The range drives SQLite (documents first, then each one's paragraphs by id); the same
      // document id read from the paragraph id lets PostgreSQL hash-join instead of testing
      // every paragraph against every document's range.
      joins.push({ sql: `p.id >= ${base} AND p.id < ${base} + ${PARAGRAPH_ID_SPAN} AND d.id = ${documentOfParagraph("p.id")}`, params: [] });
    } else {
      from = "paragraphs p";
    }
    const conditions = [...joins, ...documentConditions, ...paragraphConditions];
    if (filter.actor) {
      const actor = actorCondition(filter.actor);
      conditions.push({ sql: `EXISTS (SELECT 1 FROM mandates x WHERE x.paragraph_id = ${id} AND ${actor.sql})`, params: actor.params });
    }
    if (filter.hasReportDue !== undefined) {
      conditions.push({
        sql: `${filter.hasReportDue ? "" : "NOT "}EXISTS (SELECT 1 FROM mandates x WHERE x.paragraph_id = ${id} AND x.report = 1 AND x.due_session IS NOT NULL)`,
        params: [],
      });
    }
    const w = where(conditions);
    return { sql: `SELECT ${id} AS id, ${documentOfParagraph(id)} AS document_id FROM ${from}${w.sql}`, params: [...fromParams, ...w.params] };
  }

  /**
   * Hits ranked by relevance among the newest RANK_WINDOW matches (all of them when fewer), or
   * newest first without words. The total is exact up to TOTAL_CAP, or up to FACET_SAMPLE when
   * facets are asked for; facets count the newest FACET_SAMPLE matches (all of them when fewer).
   */
  async search(request: SearchRequest): Promise<SearchOutcome> {
    const parsed = parseSearch(request.query);
    if (!parsed.ok) return parsed;
    const { limit, offset } = request.page;
    if (offset + limit > MAX_RESULT_WINDOW) {
      return { ok: false, problems: [problem("search-beyond-window", `hits beyond the first ${MAX_RESULT_WINDOW} are not served; narrow the search with words or filters`)] };
    }
    const expression = parsed.expression;
    const prefixes = expression ? await this.prefixWords(expression) : { words: new Map<string, string[]>() };
    if ("problem" in prefixes) return { ok: false, problems: [prefixes.problem] };
    const hits = await this.matches(expression, request.filter, prefixes.words);
    // One pass over the newest matches serves the window, the page and the capped total.
    const windowSize = expression ? Math.max(RANK_WINDOW, offset + limit) : offset + limit;
    const wanted = request.facets.length ? windowSize : Math.max(windowSize, TOTAL_CAP + 1);
    const newest = (await this.context.db.all(`SELECT id FROM (${hits.sql}) h ORDER BY id LIMIT ?`, [...hits.params, wanted])).map((r) => Number(r.id));
    let page: { id: number; score: number }[];
    if (!expression) {
      page = newest.slice(offset, offset + limit).map((id) => ({ id, score: 0 }));
    } else {
      const window = newest.slice(0, windowSize);
      const candidates = await this.candidates(window);
      const stats = await this.termStatistics(expression, request.filter.language, prefixes.words);
      const scores = scoreCandidates(expression, window.map((id) => candidates.get(id) ?? { text: "", length: 0 }), stats);
      page = window
        .map((id, i) => ({ id, score: Math.round(scores[i]! * 1e4) / 1e4 }))
        .sort((a, b) => b.score - a.score || a.id - b.id)
        .slice(offset, offset + limit);
    }
    const cap = request.facets.length ? FACET_SAMPLE : TOTAL_CAP;
    const counted = request.facets.length ? await this.aggregates(hits, request.facets) : { total: newest.length, facets: {} };
    const result: SearchResult = {
      total: Math.min(counted.total, cap),
      totalExact: counted.total <= cap,
      hits: await this.describeHits(page, expression),
      facets: counted.facets,
    };
    return { ok: true, result };
  }

  private async candidates(ids: readonly number[]): Promise<Map<number, Candidate>> {
    const found = new Map<number, Candidate>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.context.db.all(`SELECT id, text FROM paragraphs WHERE id IN (${placeholders(chunk)})`, chunk);
      for (const r of rows) {
        const text = String(r.text);
        found.set(Number(r.id), { text: text.slice(0, SCORED_PREFIX), length: text.length });
      }
    }
    return found;
  }

  private readonly termFrequencies = new Map<string, { frequency: number; at: number }>();
  private paragraphTotal = { count: 0, at: -Infinity };

  /**
   * Paragraph count and each term's match count (capped at FREQUENCY_CAP: beyond it a word no
   * longer tells paragraphs apart), cached for STATISTICS_TTL_MS and dropped on every write.
   */
  private async termStatistics(expression: SearchExpression, language: Language | undefined, prefixWords: PrefixWords): Promise<TermStatistics> {
    const now = Date.now();
    if (now - this.paragraphTotal.at > STATISTICS_TTL_MS) {
      const [row] = await this.context.db.all("SELECT COUNT(*) AS n FROM paragraphs");
      this.paragraphTotal = { count: Number(row!.n), at: now };
    }
    const documentFrequency = new Map<string, number>();
    const terms = expression.all.flat();
    // One term's weight is the same for every candidate: it cannot change the order.
    if (terms.length === 1) return { paragraphs: 1, documentFrequency };
    for (const term of terms) {
      const key = termKey(term);
      const cacheKey = `${language ?? ""}\u0000${key}`;
      let cached = this.termFrequencies.get(cacheKey);
      if (!cached || now - cached.at > STATISTICS_TTL_MS) {
        const match = this.context.sql.matchParagraphs(await this.indexExpression({ all: [[term]], none: [] }, language, prefixWords), language)!;
        const [row] = await this.context.db.all(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM (${match.sql}) t LIMIT ?) x`, [...match.params, FREQUENCY_CAP]);
        cached = { frequency: Number(row!.n), at: now };
        if (this.termFrequencies.size >= 10_000) this.termFrequencies.clear();
        this.termFrequencies.set(cacheKey, cached);
      }
      documentFrequency.set(key, cached.frequency);
    }
    return { paragraphs: Math.max(this.paragraphTotal.count, 1), documentFrequency };
  }

  /**
   * The words each prefix of the search begins (search-words.ts), read once for the whole search,
   * or the problem that refuses the search when its prefixes are over their budget.
   */
  private async prefixWords(expression: SearchExpression): Promise<{ words: PrefixWords } | { problem: Problem }> {
    const prefixes = prefixesOf(expression);
    if (prefixes.length > MAX_PREFIXES) {
      return { problem: problem("search-too-many-prefixes", `a search may hold at most ${MAX_PREFIXES} prefixes (word*); this one holds ${prefixes.length}`) };
    }
    const found = new Map<string, readonly string[]>();
    let expanded = 0;
    for (const prefix of prefixes) {
      const words = await wordsBeginning(this.context.db, prefix);
      if (!words) {
        return { problem: problem("search-prefix-too-broad", `the prefix ${prefix}* begins more than ${MAX_PREFIX_WORDS.toLocaleString("en")} words of the registry (the limit); give it more letters`) };
      }
      expanded += words.length;
      if (expanded > MAX_EXPANDED_WORDS) {
        return {
          problem: problem(
            "search-prefix-too-broad",
            `the prefixes of this search begin more than ${MAX_EXPANDED_WORDS.toLocaleString("en")} words of the registry together (the limit); give them more letters or use fewer`,
          ),
        };
      }
      found.set(prefix, words);
    }
    return { words: found };
  }

  /**
   * The expression the full-text index is asked: prefixes expanded into the dictionary's words
   * (search-words.ts), or, where the engine's own prefix search is fast, into the prefix as the
   * words begin it and the words it would miss.
   */
  private async indexExpression(expression: SearchExpression, language: Language | undefined, prefixWords: PrefixWords): Promise<SearchExpression> {
    const prefixes = prefixesOf(expression);
    if (!prefixes.length) return expression;
    const expansions = new Map<string, SearchTerm[]>();
    const asWords = (words: readonly string[]): SearchTerm[] => words.map((word) => ({ type: "word", word, prefix: false }));
    for (const prefix of prefixes) {
      // read by prefixWords, which refused any prefix over the budget: none is left to the engine's slow prefix search
      const words = prefixWords.get(prefix);
      if (!words) continue;
      expansions.set(prefix, this.context.sql.prefixTerms ? await this.context.sql.prefixTerms(this.context.db, prefix, words, language) : asWords(words));
    }
    return expandPrefixes(expression, expansions);
  }

  private async describeHits(page: { id: number; score: number }[], expression: SearchExpression | null): Promise<SearchHit[]> {
    if (!page.length) return [];
    const ids = page.map((r) => Number(r.id));
    const details = new Map(
      (
        await this.context.db.all(
          `SELECT p.id, p.phrase, p.text, ${PLACE_COLUMNS}
           FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id IN (${placeholders(ids)})`,
          ids,
        )
      ).map((r) => [Number(r.id), r]),
    );
    return page.flatMap((hit) => {
      const r = details.get(Number(hit.id));
      if (!r) return []; // replaced by a newer version between the two reads
      return [{
        ...placeOf(r),
        phrase: str(r.phrase),
        snippet: excerpt(String(r.text), expression),
        score: Number(hit.score),
      }];
    });
  }

  /** Total and facet counts in one statement over the materialised newest hits. */
  private async aggregates(hits: Fragment, facets: readonly FacetName[]): Promise<{ total: number; facets: SearchResult["facets"] }> {
    // CROSS JOIN: the (few) hits drive every count; the planner would rather walk an index of the joined table.
    const byDocument = (facet: string, column: string) =>
      `SELECT '${facet}', ${column}, COUNT(*) FROM hits h CROSS JOIN documents d WHERE d.id = h.document_id AND ${column} IS NOT NULL GROUP BY ${column}`;
    const branches: Record<FacetName, string> = {
      body: byDocument("body", "d.body"),
      language: byDocument("language", "d.language"),
      session: byDocument("session", "CAST(d.session AS TEXT)"),
      year: byDocument("year", "CAST(d.year AS TEXT)"),
      committee: byDocument("committee", "d.committee"),
      agendaItem: byDocument("agendaItem", "d.agenda_item"),
      kind: "SELECT 'kind', p.kind, COUNT(*) FROM hits h CROSS JOIN paragraphs p WHERE p.id = h.id GROUP BY p.kind",
      verb: "SELECT 'verb', p.phrase, COUNT(*) FROM hits h CROSS JOIN paragraphs p WHERE p.id = h.id AND p.phrase IS NOT NULL GROUP BY p.phrase",
      actor:
        // by key, as the actor filter reads them: "Counter-Terrorism Committee" and "Counter Terrorism Committee" are one
        "SELECT 'actor', MIN(COALESCE(x.actor_canonical, x.actor)), COUNT(DISTINCT h.id) FROM hits h CROSS JOIN mandates x WHERE x.paragraph_id = h.id GROUP BY x.actor_key",
      sdg: "SELECT 'sdg', g.goal, COUNT(*) FROM hits h CROSS JOIN document_goals g WHERE g.document_id = h.document_id GROUP BY g.goal",
      hasReportDue: `SELECT 'hasReportDue', CASE WHEN EXISTS (SELECT 1 FROM mandates x WHERE x.paragraph_id = h.id AND x.report = 1 AND x.due_session IS NOT NULL)
                       THEN 'true' ELSE 'false' END, COUNT(*) FROM hits h GROUP BY 2`,
    };
    const wanted = [...new Set(facets)];
    const union = ["SELECT 'total' AS facet, '' AS value, COUNT(*) AS n FROM hits", ...wanted.map((f) => branches[f])].join(" UNION ALL ");
    const rows = await this.context.db.all(
      `WITH hits AS MATERIALIZED (SELECT id, document_id FROM (${hits.sql}) h ORDER BY id LIMIT ${FACET_SAMPLE + 1})
       SELECT facet, value, n FROM (
         SELECT facet, value, n, ROW_NUMBER() OVER (PARTITION BY facet ORDER BY n DESC, value) AS rank FROM (${union}) counted
       ) ranked WHERE rank <= ${FACET_LIMIT} ORDER BY facet, rank`,
      hits.params,
    );
    const result: SearchResult["facets"] = {};
    for (const f of wanted) result[f] = [];
    let total = 0;
    for (const r of rows) {
      if (r.facet === "total") total = Number(r.n);
      else (result[r.facet as FacetName] as FacetCount[]).push({ value: String(r.value), count: Number(r.n) });
    }
    return { total, facets: result };
  }
}

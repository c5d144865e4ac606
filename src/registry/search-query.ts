/**
 * The search box's little language, parsed once into a value that each dialect renders into its
 * own full-text syntax (FTS5 MATCH strings, PostgreSQL tsquery calls). Users never write engine
 * syntax, so nothing they type can break a query:
 *
 *   industrial development      both words (in any order)
 *   "small island developing"   the phrase
 *   develop*                    a prefix
 *   UNIDO OR UNCTAD             either
 *   -Palestine                  not this
 *
 * Words are runs of letters and digits; a bare token with inner punctuation
 * ("Secretary-General", "70/1") is the phrase of its words, as the indexes tokenise it. A bare
 * resolution symbol, in any form a user may type it ("A/RES/79/222", "a/res/79/222",
 * "S_RES_2719_2023", "S/RES/2719 (2023)"), is the phrase of its short form ("79 222",
 * "2719 2023"), by which texts cite it; quoted, it is the phrase of its words as typed.
 *
 * A query that cannot be searched is refused with a problem of the catalogue, as a value.
 */

import { problem } from "../model/problems.js";
import { looksLikeSymbol, shortForm, symbolFromInput } from "../model/symbols.js";
import type { Problem } from "../model/types.js";

export type SearchTerm =
  | { type: "word"; word: string; prefix: boolean }
  /**
   * `written`: a resolution's short form as texts print it ("70/1"), for an engine that reads
   * its punctuation into its tokens (PostgreSQL's parser reads "70/1" as one token).
   */
  | { type: "phrase"; words: string[]; written?: string };

export interface SearchExpression {
  /** Every group must match; a group matches when any of its terms does. */
  all: SearchTerm[][];
  /** No paragraph may match any of these. */
  none: SearchTerm[];
}

export type ParsedSearch = { ok: true; expression: SearchExpression | null } | { ok: false; problems: Problem[] };

export const MAX_QUERY_LENGTH = 500;
const MAX_TERMS = 32;
export const MAX_WORD = 64;

/**
 * Words too common to narrow a search; dropped from bare words (not from phrases) unless nothing
 * else is left. PostgreSQL's configurations drop them too; SQLite's FTS5 indexes them.
 */
const STOPWORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "into", "is", "it", "its",
  "of", "on", "or", "that", "the", "their", "these", "this", "to", "was", "were", "which", "will", "with",
]);

const WORD = /[\p{L}\p{N}]+/gu;
/** A quoted phrase (straight or typographic quotes), the OR keyword, or any other run of non-space. */
const PIECE = /(-?)(?:["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?|(\S+))/gu;

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letters and digits among the UTF-16 code units, learnt as they are met: 1 yes, 2 no. */
const WORD_UNITS = new Uint8Array(65_536);

/**
 * Code units of the letter or digit starting at `i` (2 for a surrogate pair), or 0: `WORD` one
 * character at a time, for scanners that walk a text without a pattern.
 */
export function wordWidthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  let known = WORD_UNITS[c]!;
  if (known === 0) WORD_UNITS[c] = known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

/** The words of a text as the search box reads them: NFKC, lower case, runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return (text.normalize("NFKC").toLowerCase().match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD));
}

interface Piece {
  term: SearchTerm;
  negated: boolean;
  /** A bare single word that may be dropped as a stopword. */
  droppable: boolean;
}

function pieceOf(quoted: string | undefined, bare: string | undefined, negated: boolean): Piece | null {
  if (quoted !== undefined) {
    const words = wordsOf(quoted);
    if (!words.length) return null;
    return { term: words.length === 1 ? { type: "word", word: words[0]!, prefix: false } : { type: "phrase", words }, negated, droppable: false };
  }
  const token = bare ?? "";
  const resolution = !token.endsWith("*") && looksLikeSymbol(token) ? shortForm(symbolFromInput(token)) : null;
  const words = wordsOf(resolution ?? token);
  if (!words.length) return null;
  if (words.length > 1) return { term: { type: "phrase", words, ...(resolution ? { written: resolution } : {}) }, negated, droppable: false };
  const prefix = token.endsWith("*");
  return { term: { type: "word", word: words[0]!, prefix }, negated, droppable: !prefix && STOPWORDS.has(words[0]!) };
}

/** "S/RES/2719 (2023)" -> "S/RES/2719(2023)": a symbol's bracketed year or session kept in one token with it. */
const SPACED_QUALIFIER = /(\S\d) +(\((?:\d{4}|[IVXL]{1,7})\))/gi;

export function parseSearch(input: string): ParsedSearch {
  if (input.length > MAX_QUERY_LENGTH) return { ok: false, problems: [problem("search-too-long", `the query is longer than ${MAX_QUERY_LENGTH} characters`)] };
  input = input.replace(SPACED_QUALIFIER, "$1$2");
  const groups: Piece[][] = [];
  const none: SearchTerm[] = [];
  let joinNext = false;
  for (const m of input.matchAll(PIECE)) {
    const [, minus, quoted, bare] = m;
    if (bare === "OR") {
      joinNext = groups.length > 0;
      continue;
    }
    const piece = pieceOf(quoted, bare, minus === "-");
    if (!piece) continue;
    if (piece.negated) none.push(piece.term);
    else if (joinNext) groups[groups.length - 1]!.push(piece);
    else groups.push([piece]);
    joinNext = false;
  }
  const meaningful = groups.filter((g) => g.some((p) => !p.droppable));
  const kept = meaningful.length ? meaningful : groups;
  if (!kept.length) {
    if (!none.length) return { ok: true, expression: null };
    return { ok: false, problems: [problem("search-only-exclusions", "a search needs at least one word to look for, not only words to exclude")] };
  }
  if (kept.reduce((n, g) => n + g.length, 0) + none.length > MAX_TERMS) {
    return { ok: false, problems: [problem("search-too-many-terms", `a search may hold at most ${MAX_TERMS} terms`)] };
  }
  return { ok: true, expression: { all: kept.map((g) => g.map((p) => p.term)), none } };
}

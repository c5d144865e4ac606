import { type SearchExpression, type SearchTerm, wordWidthAt } from "./search-query.js";

/**
 * Relevance of candidate paragraphs, computed here rather than by the database's rank
 * function: both engines' built-in ranks (FTS5 bm25, ts_rank) read every match of every query
 * term, which at tens of thousands of documents costs far more than the search itself. The
 * store hands over a bounded window of candidates (the newest matches) with the openings of
 * their texts, and this module scores them with BM25: term frequency saturated by k1,
 * normalised by paragraph length, weighted by inverse document frequency from cached, capped
 * term counts.
 *
 * Words are found by their folded stems ("policies" and "policy" by "polic", "developing" by
 * "develop"), close to the indexes' stemming; a candidate always matched its required terms in
 * the index, so each counts at least once even where the folding differs.
 */

const K1 = 1.2;
const B = 0.75;

/** Endings folded away, longest first; the first that leaves a stem of four letters or more applies. */
const SUFFIXES = ["ations", "ation", "ments", "ment", "ings", "edly", "ies", "ied", "ing", "es", "ed", "ly", "s", "e", "y"];

/** "policies" = "policy" -> "polic", "developing" = "development" -> "develop", "States" = "state" -> "stat". */
export function fold(word: string): string {
  const w = word.toLowerCase();
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

/**
 * The stems a term is found by: a word's folded stem (a prefix as typed), a phrase's in a row.
 * A word occurs where its stem starts a word, whatever letters follow (so "develop" finds
 * "developing" and "development"); a phrase where its words do so in a row, separated by
 * anything but letters and digits. Case is ignored.
 */
export function stemsOf(term: SearchTerm): string[] {
  return term.type === "word" ? [term.prefix ? term.word : fold(term.word)] : term.words.map(fold);
}

/** Code units of the character ending at `i` (2 for a surrogate pair). */
function widthBefore(text: string, i: number): number {
  return i >= 2 && (text.charCodeAt(i - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800 ? 2 : 1;
}

/** Whether the character ending just before `at` is a letter or digit. */
function wordCharBefore(text: string, at: number): boolean {
  return at > 0 && wordWidthAt(text, at - widthBefore(text, at)) > 0;
}

/** End of the run of letters and digits from `i`. */
function wordEnd(text: string, i: number): number {
  for (let w = wordWidthAt(text, i); w > 0; w = wordWidthAt(text, i)) i += w;
  return i;
}

/** End of the run of other characters from `i`. */
function gapEnd(text: string, i: number): number {
  while (i < text.length && wordWidthAt(text, i) === 0) i += (text.charCodeAt(i) & 0xfc00) === 0xd800 ? 2 : 1;
  return i;
}

/**
 * Where a term occurs (`stemsOf`), found by the first stem alone with the word boundaries
 * checked only where it occurs. A pattern with a look-behind for the boundary, tried at every
 * character, cost 7-11 ms on the long paragraphs that match several common words (most of
 * such a search); the bare stem is found three times as fast. Calls `found` with each
 * occurrence's offsets and returns how many there are.
 */
export function termFinder(term: SearchTerm): (text: string, found?: (start: number, end: number) => void) => number {
  const [first, ...rest] = stemsOf(term).map((stem, i) => new RegExp(stem, i === 0 ? "giu" : "iuy"));
  return (text, found) => {
    let n = 0;
    first!.lastIndex = 0;
    for (let hit = first!.exec(text); hit; hit = first!.exec(text)) {
      if (wordCharBefore(text, hit.index)) continue;
      let end = first!.lastIndex;
      for (const next of rest) {
        next.lastIndex = gapEnd(text, wordEnd(text, end));
        end = next.test(text) ? next.lastIndex : -1;
        if (end < 0) break;
      }
      if (end < 0) continue;
      n++;
      // as the pattern, an occurrence runs to the end of its last word
      end = wordEnd(text, end);
      found?.(hit.index, end);
      first!.lastIndex = end;
    }
    return n;
  };
}

export function termKey(term: SearchTerm): string {
  return term.type === "word" ? `${term.word}${term.prefix ? "*" : ""}` : `"${term.words.join(" ")}"`;
}

export interface TermStatistics {
  /** Paragraphs in the registry. */
  paragraphs: number;
  /** Paragraphs matching each term (`termKey`), capped by the counter. */
  documentFrequency: ReadonlyMap<string, number>;
}

export function inverseDocumentFrequency(paragraphs: number, frequency: number): number {
  return Math.log(1 + (paragraphs - frequency + 0.5) / (frequency + 0.5));
}

/**
 * Characters of a candidate in which its terms are counted. Operative paragraphs with their
 * sub-paragraphs run to 20,000 characters, and a search of three common words can draw 500 of
 * them (2.7 MB to scan, 6-10 ms); frequencies saturate long before 2,000 characters. (Cutting
 * the text in SQL instead is slower: substr and length decode the whole value anyway.)
 */
export const SCORED_PREFIX = 2_000;

/** A paragraph to score: its opening `SCORED_PREFIX` characters and its whole length. */
export interface Candidate {
  text: string;
  length: number;
}

/** BM25 score of each candidate for the expression (every candidate matched it in the index). */
export function scoreCandidates(expression: SearchExpression, candidates: readonly Candidate[], stats: TermStatistics): number[] {
  // Lengths in characters: proportional to words, and free to measure.
  const averageLength = candidates.reduce((n, c) => n + c.length, 0) / Math.max(1, candidates.length) || 1;
  const counters = expression.all.map((group) => group.map(termFinder));
  const weights = expression.all.map((group) =>
    group.map((term) => inverseDocumentFrequency(stats.paragraphs, stats.documentFrequency.get(termKey(term)) ?? 1)),
  );
  return candidates.map(({ text, length }) => {
    const norm = K1 * (1 - B + (B * length) / averageLength);
    let score = 0;
    counters.forEach((group, g) => {
      const counts = group.map((count) => count(text));
      // The index matched this group, so some alternative occurs even if folding missed it.
      if (!counts.some((c) => c > 0)) counts[0] = 1;
      counts.forEach((tf, t) => {
        if (tf > 0) score += weights[g]![t]! * ((tf * (K1 + 1)) / (tf + norm));
      });
    });
    return score;
  });
}

const EXCERPT_WORDS = 40;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

function popCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}

/** Start of the word after the one starting at `start`, or -1 at the last word. */
function nextWordStart(text: string, start: number): number {
  const next = gapEnd(text, wordEnd(text, start));
  return next < text.length ? next : -1;
}

/** Start of the word before the one starting at `start`, or -1 at the first word. */
function previousWordStart(text: string, start: number): number {
  let i = start;
  while (i > 0 && !wordCharBefore(text, i)) i -= widthBefore(text, i);
  if (i === 0) return -1;
  while (wordCharBefore(text, i)) i -= widthBefore(text, i);
  return i;
}

/** The window of EXCERPT_WORDS words starting `lead` words before the word at `start`, moved back to fit before the end. */
function windowAround(text: string, start: number, lead: number): { first: number; last: number; atStart: boolean; atEnd: boolean } {
  let first = start;
  for (let k = 0; k < lead; k++) {
    const previous = previousWordStart(text, first);
    if (previous < 0) break;
    first = previous;
  }
  let last = first;
  let words = 1;
  for (let next = nextWordStart(text, last); words < EXCERPT_WORDS && next >= 0; next = nextWordStart(text, last)) {
    last = next;
    words++;
  }
  for (let previous = previousWordStart(text, first); words < EXCERPT_WORDS && previous >= 0; previous = previousWordStart(text, first)) {
    first = previous;
    words++;
  }
  return { first, last, atStart: previousWordStart(text, first) < 0, atEnd: nextWordStart(text, last) < 0 };
}

/**
 * The passage of `text` (about 40 words) holding the most distinct query terms, HTML-escaped,
 * with the matched words in `<mark>` elements and "…" where the text was cut. Words are walked
 * from the marks, not listed: a paragraph with its sub-paragraphs runs to 3,000 words.
 */
export function excerpt(text: string, expression: SearchExpression | null): string {
  const marks: { start: number; end: number; term: number }[] = [];
  (expression?.all.flat() ?? []).forEach((term, t) => termFinder(term)(text, (start, end) => marks.push({ start, end, term: t })));
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const firstWord = wordWidthAt(text, 0) > 0 ? 0 : nextWordStart(text, 0);
  // The opening words unless a mark lies elsewhere; best: most distinct terms, then most marks, earliest first.
  let window = firstWord >= 0 ? windowAround(text, firstWord, 0) : null;
  if (window && !(window.atStart && window.atEnd)) {
    let bestKey = [-1, -1];
    let firstInside = 0;
    for (const mark of marks) {
      const candidate = windowAround(text, mark.start, 5);
      const to = wordEnd(text, candidate.last);
      // marks are in order of start, and windows start no earlier as the marks go on
      while (firstInside < marks.length && marks[firstInside]!.start < candidate.first) firstInside++;
      let count = 0;
      let terms = 0;
      for (let k = firstInside; k < marks.length && marks[k]!.start < to; k++) {
        if (marks[k]!.end > to) continue;
        count++;
        terms |= 1 << marks[k]!.term; // a search holds at most 32 terms
      }
      const key = [popCount(terms), count];
      if (key[0]! > bestKey[0]! || (key[0] === bestKey[0] && key[1]! > bestKey[1]!)) [window, bestKey] = [candidate, key];
    }
  }
  const from = !window || window.atStart ? 0 : window.first;
  const to = !window || window.atEnd ? text.length : wordEnd(text, window.last);
  let out = from === 0 ? "" : "…";
  let at = from;
  for (const m of marks) {
    if (m.start < at || m.end > to) continue;
    out += `${escapeHtml(text.slice(at, m.start))}<mark>${escapeHtml(text.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  return out + escapeHtml(text.slice(at, to)) + (to < text.length ? "…" : "");
}

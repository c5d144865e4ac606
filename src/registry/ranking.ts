import type { SearchExpression, SearchTerm } from "./search-query.js";

/**
 * Relevance of candidate paragraphs, computed here rather than by the database's rank
 * function: both engines' built-in ranks (FTS5 bm25, ts_rank) read every match of every query
 * term, which at tens of thousands of documents costs far more than the search itself. The
 * store hands over a bounded window of candidates (the newest matches) with their texts, and
 * this module scores them with BM25: term frequency saturated by k1, normalised by paragraph
 * length, weighted by inverse document frequency from cached, capped term counts.
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

const WORD_CHAR = "[\\p{L}\\p{N}]";

/**
 * A pattern counting a term's occurrences in lower-case text: each word as its folded stem
 * followed by any letters (so "develop" finds "developing" and "development"), a phrase as its
 * stems in a row. Stems hold only letters and digits, so the pattern has nothing to escape and
 * no ambiguous repetition to backtrack over.
 */
function termPattern(term: SearchTerm): RegExp {
  const words = term.type === "word" ? [term.prefix ? term.word : fold(term.word)] : term.words.map(fold);
  const body = words.map((w) => `${w}${WORD_CHAR}*`).join(`[^\\p{L}\\p{N}]+`);
  return new RegExp(`(?<!${WORD_CHAR})${body}`, "gu");
}

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n++;
  return n;
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

/** BM25 score of each candidate text for the expression (every candidate matched it in the index). */
export function scoreCandidates(expression: SearchExpression, texts: readonly string[], stats: TermStatistics): number[] {
  // Lengths in characters: proportional to words, and free to measure.
  const averageLength = texts.reduce((n, t) => n + t.length, 0) / Math.max(1, texts.length) || 1;
  const patterns = expression.all.map((group) => group.map(termPattern));
  const weights = expression.all.map((group) =>
    group.map((term) => inverseDocumentFrequency(stats.paragraphs, stats.documentFrequency.get(termKey(term)) ?? 1)),
  );
  return texts.map((original) => {
    const text = original.toLowerCase();
    const norm = K1 * (1 - B + (B * text.length) / averageLength);
    let score = 0;
    patterns.forEach((group, g) => {
      const counts = group.map((pattern) => count(pattern, text));
      // The index matched this group, so some alternative occurs even if folding missed it.
      if (!counts.some((c) => c > 0)) counts[0] = 1;
      counts.forEach((tf, t) => {
        if (tf > 0) score += weights[g]![t]! * ((tf * (K1 + 1)) / (tf + norm));
      });
    });
    return score;
  });
}

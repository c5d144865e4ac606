import { MAX_WORD, type SearchExpression, type SearchTerm, wordWidthAt } from "./search-query.js";

/**
 * The registry's dictionary of the words its paragraphs hold, and the expansion of a prefix
 * ("sustainab*") into those words. Both full-text engines match a prefix against their stems,
 * not the words as written: porter makes "sustainable" "sustain", so FTS5 found "sustainab*" in
 * 1 paragraph of the corpus where 21,354 hold "sustainable", and "communit*" in 2 of 12,907.
 * FTS5 also merges the postings of every term under a prefix before it returns a single row
 * (25-60 ms for "inter*" at 50,000 documents, against 1-6 ms for the words' disjunction).
 * Pure: the store keeps the table.
 */

/**
 * The search's budget for prefixes. A prefix is searched as the words of the dictionary it
 * begins, so its cost grows with their number: "co*" (2,894 words of the corpus) ran 0.2 s,
 * four two-letter prefixes together 4-8 s, sixteen one-letter prefixes (then left to the
 * engine's own prefix search) 27-38 s. A query may hold MAX_PREFIXES prefixes, each beginning
 * at most MAX_PREFIX_WORDS words and all together MAX_EXPANDED_WORDS; beyond, the search is
 * refused (400) naming the limit, rather than run for seconds: "de*" (1,933 words) and "inter*"
 * (426) pass; "a*" (4,506) asks for more letters.
 */
export const MAX_PREFIXES = 6;
export const MAX_PREFIX_WORDS = 2_000;
export const MAX_EXPANDED_WORDS = 3_000;

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Words already met, kept as two 32-bit hashes of their UTF-16 units (FNV-1a and a polynomial)
 * in an open-addressing table, so that a word met again costs no string: every word of every
 * paragraph passes here, and slicing each out for a JavaScript Set took three times as long
 * (1.9 s against 0.9 s for the corpus's 24 million words). Two different words share both hashes
 * with a probability of about 1 in 10^9 for the 200,000 distinct words of a large registry.
 */
export class WordSet {
  /** Pairs (h1, h2); h1 is odd, so 0 marks an empty slot. */
  private slots = new Int32Array(1 << 12);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the word of these hashes; false when it was there already. */
  add(h1: number, h2: number): boolean {
    let mask = (this.slots.length >> 1) - 1;
    let i = h1 & mask;
    for (let a = this.slots[2 * i]!; a !== 0; a = this.slots[2 * i]!) {
      if (a === h1 && this.slots[2 * i + 1] === h2) return false;
      i = (i + 1) & mask;
    }
    if (++this.count * 2 > mask) {
      this.grow();
      mask = (this.slots.length >> 1) - 1;
      i = h1 & mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & mask;
    }
    this.slots[2 * i] = h1;
    this.slots[2 * i + 1] = h2;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 1) - 1;
    for (let j = 0; j < old.length; j += 2) {
      if (old[j] === 0) continue;
      let i = old[j]! & mask;
      while (this.slots[2 * i] !== 0) i = (i + 1) & mask;
      this.slots[2 * i] = old[j]!;
      this.slots[2 * i + 1] = old[j + 1]!;
    }
  }
}

/**
 * The words of the texts, as `wordsOf` reads them (NFKC, lower case, runs of letters and digits,
 * the first 64 UTF-16 units of each), that `seen` does not hold yet; they are added to it. With
 * a new WordSet, a text's distinct words.
 */
export function newWords(texts: Iterable<string>, seen: WordSet = new WordSet()): string[] {
  const found: string[] = [];
  for (const raw of texts) {
    const text = NON_ASCII.test(raw) ? raw.normalize("NFKC").toLowerCase() : raw.toLowerCase();
    let start = -1;
    let h1 = 0;
    let h2 = 0;
    for (let i = 0; i <= text.length; ) {
      const width = i < text.length ? wordWidthAt(text, i) : 0;
      if (width) {
        if (start < 0) {
          start = i;
          h1 = FNV_OFFSET;
          h2 = 0;
        }
        for (let k = i; k < i + width && k < start + MAX_WORD; k++) {
          const unit = text.charCodeAt(k);
          h1 = Math.imul(h1 ^ unit, FNV_PRIME);
          h2 = (Math.imul(h2, 31) + unit) | 0;
        }
        i += width;
        continue;
      }
      if (start >= 0) {
        if (seen.add(h1 | 1, h2)) found.push(text.slice(start, Math.min(i, start + MAX_WORD)));
        start = -1;
      }
      i++;
    }
  }
  return found;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16_777_619;

/** A word without its diacritics, the key prefixes are looked up by ("dévelop*" and "develop*" alike, as FTS5 folds them). */
export function unaccented(word: string): string {
  return NON_ASCII.test(word) ? word.normalize("NFKD").replace(/\p{M}+/gu, "") : word;
}

/**
 * The half-open range of keys beginning with `prefix`, in code point order (SQLite's BINARY
 * collation, PostgreSQL's "C"): the prefix, and the prefix with its last code point raised by one.
 */
export function prefixRange(prefix: string): { from: string; to: string } {
  const key = unaccented(prefix);
  const characters = [...key];
  const last = characters.pop()!.codePointAt(0)!;
  return { from: key, to: characters.join("") + String.fromCodePoint(Math.min(last + 1, 0x10ffff)) };
}

/**
 * The expression with each prefix term replaced by the terms it expands into (`expansions`,
 * keyed by the prefix: the words it begins, and the prefix itself where the engine searches it
 * well): a prefix in a group of alternatives becomes that many alternatives, an excluded prefix
 * that many exclusions. A prefix without an expansion (no word begins so) stays for the engine.
 */
export function expandPrefixes(expression: SearchExpression, expansions: ReadonlyMap<string, readonly SearchTerm[]>): SearchExpression {
  const expand = (term: SearchTerm): SearchTerm[] => {
    const terms = term.type === "word" && term.prefix ? expansions.get(term.word) : undefined;
    return terms?.length ? [...terms] : [term];
  };
  return { all: expression.all.map((group) => group.flatMap(expand)), none: expression.none.flatMap(expand) };
}

/** The prefixes an expression holds. */
export function prefixesOf(expression: SearchExpression): string[] {
  return [...new Set([...expression.all.flat(), ...expression.none].flatMap((t) => (t.type === "word" && t.prefix ? [t.word] : [])))];
}

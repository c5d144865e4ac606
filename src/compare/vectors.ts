import { words } from "./text.js";

/**
 * TF-IDF vectors of word unigrams and bigrams. Unigrams say what a paragraph is about; bigrams
 * keep some of its wording, so a reworded paragraph stays close to its source while an
 * unrelated paragraph sharing the usual vocabulary ("sustainable development", "the United
 * Nations") does not. Weights are (1 + ln tf) * ln((N + 1) / df) with document frequencies
 * counted over the paragraphs being compared: words every paragraph uses weigh almost nothing.
 */

/** Term ids in increasing order with their weights; `norm` is the Euclidean length. */
export interface SparseVector {
  terms: Int32Array;
  weights: Float64Array;
  norm: number;
}

const BIGRAM_KEY_BASE = 2 ** 24;

/** Term ids of a text: its words' ids in order, and every unigram and bigram id it holds. */
export interface TextTerms {
  words: Int32Array;
  terms: Int32Array;
}

/** Term ids of texts, with the document frequencies of the texts added to it. */
export class TermSpace {
  private readonly unigrams = new Map<string, number>();
  private readonly bigrams = new Map<number, number>();
  private documentFrequency: Int32Array = new Int32Array(1024);
  /** Last text that counted each term, so a term repeated within one text counts once. */
  private lastSeen: Int32Array = new Int32Array(1024);
  private size = 0;
  private documents = 0;

  /** Term ids of a text (repeated as often as they occur); counts it for document frequencies. */
  add(text: string): TextTerms {
    const tokens = words(text);
    const wordIds = new Int32Array(tokens.length);
    const terms = new Int32Array(Math.max(0, 2 * tokens.length - 1));
    this.documents++;
    let t = 0;
    for (let k = 0; k < tokens.length; k++) {
      const w = tokens[k]!;
      let id = this.unigrams.get(w);
      if (id === undefined) {
        id = this.newTerm();
        this.unigrams.set(w, id);
      }
      wordIds[k] = id;
      terms[t++] = this.count(id);
      if (k > 0) terms[t++] = this.count(this.bigramId(wordIds[k - 1]!, id));
    }
    return { words: wordIds, terms };
  }

  private newTerm(): number {
    if (this.size === this.documentFrequency.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.documentFrequency = grow(this.documentFrequency);
      this.lastSeen = grow(this.lastSeen);
    }
    return this.size++;
  }

  private count(id: number): number {
    if (this.lastSeen[id] !== this.documents) {
      this.lastSeen[id] = this.documents;
      this.documentFrequency[id]!++;
    }
    return id;
  }

  private bigramId(first: number, second: number): number {
    // Unigram ids stay far below 2^24 (a resolution pair has a few thousand words), so the key is exact.
    const key = first * BIGRAM_KEY_BASE + second;
    let id = this.bigrams.get(key);
    if (id === undefined) {
      id = this.newTerm();
      this.bigrams.set(key, id);
    }
    return id;
  }

  /** Weighted vector of a text's terms from `add`; call once every text has been added. */
  vector(terms: Int32Array): SparseVector {
    const sorted = terms.slice().sort();
    let distinct = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
    const ids = new Int32Array(distinct);
    const weights = new Float64Array(distinct);
    let squares = 0;
    let out = -1;
    let run = 0;
    const flush = () => {
      const id = ids[out]!;
      const idf = Math.log((this.documents + 1) / this.documentFrequency[id]!);
      const w = (1 + Math.log(run)) * idf;
      weights[out] = w;
      squares += w * w;
    };
    for (let k = 0; k < sorted.length; k++) {
      if (k > 0 && sorted[k] === sorted[k - 1]) {
        run++;
        continue;
      }
      if (out >= 0) flush();
      ids[++out] = sorted[k]!;
      run = 1;
    }
    if (out >= 0) flush();
    return { terms: ids, weights, norm: Math.sqrt(squares) };
  }
}

export function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const ta = a.terms[i]!;
    const tb = b.terms[j]!;
    if (ta === tb) sum += a.weights[i++]! * b.weights[j++]!;
    else if (ta < tb) i++;
    else j++;
  }
  return sum;
}

export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  return Math.min(1, dot(a, b) / (a.norm * b.norm));
}

/** The vector of two texts read as one (weights added): a paragraph split in two, put back together. */
export function sum(a: SparseVector, b: SparseVector): SparseVector {
  const terms: number[] = [];
  const weights: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.terms.length || j < b.terms.length) {
    const ta = i < a.terms.length ? a.terms[i]! : Infinity;
    const tb = j < b.terms.length ? b.terms[j]! : Infinity;
    if (ta === tb) {
      terms.push(ta);
      weights.push(a.weights[i++]! + b.weights[j++]!);
    } else if (ta < tb) {
      terms.push(ta);
      weights.push(a.weights[i++]!);
    } else {
      terms.push(tb);
      weights.push(b.weights[j++]!);
    }
  }
  const norm = Math.sqrt(weights.reduce((s, w) => s + w * w, 0));
  return { terms: Int32Array.from(terms), weights: Float64Array.from(weights), norm };
}

/** Share of `part`'s weight carried by terms that `whole` also has: 1 when part's words all come from whole. */
export function containment(part: SparseVector, whole: SparseVector): number {
  let shared = 0;
  let total = 0;
  let j = 0;
  for (let i = 0; i < part.terms.length; i++) {
    const t = part.terms[i]!;
    total += part.weights[i]!;
    while (j < whole.terms.length && whole.terms[j]! < t) j++;
    if (j < whole.terms.length && whole.terms[j] === t) shared += part.weights[i]!;
  }
  return total === 0 ? 0 : shared / total;
}

/**
 * Cosine similarity of every row vector with every column vector, through an inverted index of
 * the columns so that pairs without a shared term cost nothing. Row-major rows x columns.
 */
export function similarityMatrix(rows: SparseVector[], columns: SparseVector[]): Float64Array {
  const matrix = new Float64Array(rows.length * columns.length);
  if (rows.length === 0 || columns.length === 0) return matrix;
  // Postings of the column vectors in compressed rows: the entries of term t are start[t] .. start[t + 1].
  let maxTerm = 0;
  for (const v of columns) if (v.terms.length) maxTerm = Math.max(maxTerm, v.terms[v.terms.length - 1]!);
  const start = new Int32Array(maxTerm + 2);
  for (const v of columns) for (const t of v.terms) start[t + 1]!++;
  for (let t = 0; t <= maxTerm; t++) start[t + 1]! += start[t]!;
  const postingColumn = new Int32Array(start[maxTerm + 1]!);
  const postingWeight = new Float64Array(start[maxTerm + 1]!);
  const fill = start.slice(0, maxTerm + 1);
  columns.forEach((v, column) => {
    for (let k = 0; k < v.terms.length; k++) {
      const at = fill[v.terms[k]!]!++;
      postingColumn[at] = column;
      postingWeight[at] = v.weights[k]!;
    }
  });
  for (let row = 0; row < rows.length; row++) {
    const v = rows[row]!;
    const base = row * columns.length;
    for (let k = 0; k < v.terms.length; k++) {
      const t = v.terms[k]!;
      if (t > maxTerm) break; // terms are sorted: no column has any further one
      const w = v.weights[k]!;
      for (let at = start[t]!; at < start[t + 1]!; at++) {
        const cell = base + postingColumn[at]!;
        matrix[cell] = matrix[cell]! + w * postingWeight[at]!;
      }
    }
    for (let c = 0; c < columns.length; c++) {
      const denominator = v.norm * columns[c]!.norm;
      matrix[base + c] = denominator === 0 ? 0 : Math.min(1, matrix[base + c]! / denominator);
    }
  }
  return matrix;
}

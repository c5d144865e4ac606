import type { Language, Resolution, SdgLink } from "../model/types.js";
import lexiconData from "./sdg-lexicon.json" with { type: "json" };

/**
 * Sustainable Development Goal links, per paragraph and per resolution.
 *
 * The lexicon (sdg-lexicon.json, built by scripts/build-sdg-lexicon.ts) is a linear model
 * learned from the UN's own classification of sessions 75-80: terms (words and phrases of up to
 * three words) with a weight per goal and a bias per goal; a seed of each goal's own key terms
 * (curated, and the SDG ontology's concepts found in the AKN keywords); phrases that name one
 * target; and the topical terms (seed, subject thesauri) that may be shown as evidence.
 *
 * A resolution's goals are those whose probability reaches the lexicon's threshold (at most
 * `maxGoals`, at least the likeliest). A paragraph links to a goal when it uses one of the
 * goal's seed terms, or when its terms weigh enough for the goal and one of them is topical;
 * the model learned the UN's classification, quirks included, so only topical terms explain a
 * link (others are shown only when a resolution-level goal has no topical evidence). A document
 * that carries the UN's classification (AKN input) takes it as its resolution-level links.
 */

export interface SdgLexicon {
  about: string;
  /** Per-goal intercept of the model. */
  bias: Record<string, number>;
  /** Probability a goal needs to be chosen for a resolution. */
  threshold: number;
  /** The most goals a resolution is given. */
  maxGoals: number;
  /** Summed term weight a paragraph needs to link to a goal (with a topical term among its terms). */
  paragraphThreshold: number;
  /** term -> [goal, weight] pairs (weights of the model; positive ones are evidence). */
  terms: Record<string, [string, number][]>;
  /** Each goal's own key terms: curated, and the SDG ontology's concepts. */
  seed: Record<string, string[]>;
  /** Curated: phrases that name one target ("universal health coverage" -> "3.8"). */
  targets: Record<string, string>;
  /** Terms that may explain a link: the seed and subject-thesaurus terms of the model. */
  topical: string[];
}

const lexicon = lexiconData as unknown as SdgLexicon;
export const GOALS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17"] as const;
type Goal = (typeof GOALS)[number];

// --- words and terms --------------------------------------------------------------------------

/** Words that do not begin or end a term ("rule of law" keeps its "of"). */
export const STOPWORDS = new Set(
  ("a an the of and or to in on for with by at as from its their it that which this these those be is are was were been " +
    "has have had all also further including such other into within among between upon under its thereof therein whose " +
    "who whom what where when while than then there here so not no nor but if any each every both either more most less " +
    "very well same own per via through during before after against about over above below out up down off only just " +
    "can could may might shall should will would must do does did done being i ii iii iv v vi")
    .split(" "),
);

const HYPHEN = 0x2d;
/** ASCII letters of either case are the word characters; every other character separates words. */
const isLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** Characters that end a clause: terms do not run across them. */
const CLAUSE_BREAK_CODES = new Uint8Array(0x2020);
for (const ch of ",;:.!?()[]{}\"\u201c\u201d\u2018\u2019\u2013\u2014/") CLAUSE_BREAK_CODES[ch.charCodeAt(0)] = 1;
const isClauseBreak = (c: number) => c < CLAUSE_BREAK_CODES.length && CLAUSE_BREAK_CODES[c] === 1;

/**
 * The words of a text, lower case, in clauses. A word is a run of ASCII letters, with hyphens
 * between letters ("non-communicable"); the lexicon's matcher reads texts by the same rules.
 */
export function clauses(text: string): string[][] {
  const out: string[][] = [];
  let clause: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isLetter(c)) {
      if (isClauseBreak(c) && clause.length) {
        out.push(clause);
        clause = [];
      }
      i++;
      continue;
    }
    const start = i;
    while (i < n && (isLetter(text.charCodeAt(i)) || (text.charCodeAt(i) === HYPHEN && isLetter(text.charCodeAt(i + 1))))) i++;
    clause.push(text.slice(start, i).toLowerCase());
  }
  if (clause.length) out.push(clause);
  return out;
}

/** Every candidate term of a text: words and phrases of up to `maxWords` words that neither begin nor end with a stop word. */
export function candidateTerms(text: string, maxWords = 3): Set<string> {
  const terms = new Set<string>();
  for (const words of clauses(text)) {
    for (let i = 0; i < words.length; i++) {
      if (STOPWORDS.has(words[i]!) || words[i]!.length < 3) continue;
      let term = words[i]!;
      terms.add(term);
      for (let n = 2; n <= maxWords && i + n <= words.length; n++) {
        const last = words[i + n - 1]!;
        term += " " + last;
        if (!STOPWORDS.has(last)) terms.add(term);
      }
    }
  }
  return terms;
}

/**
 * The lexicon, compiled for matching: its words in a hash table (a text's words are hashed as
 * they are read, never cut out), its terms in a trie over word numbers (a word costs a few
 * integer lookups for the terms of up to three words that end at it), its weights per goal.
 */
export class CompiledLexicon {
  private readonly words = new WordTable();
  /** Trie edges: state * (words + 1) + word -> next state; state 0 is the root. */
  private readonly edges = new IntTable();
  /** Trie edges from the root, by word number. */
  private rootEdges = new Int32Array(0);
  /** The term a trie state completes, or -1. */
  private readonly termAt: number[] = [-1];
  readonly terms: string[] = [];
  /** Weights, one row of 17 goals per term. */
  private matrix = new Float64Array(0);
  /** Per term, its nonzero weights: goal indexes and weights from `offsets[t]` to `offsets[t + 1]`. */
  private offsets = new Int32Array(0);
  private goalsOf = new Uint8Array(0);
  private weightsOf = new Float64Array(0);
  /** Per term, as bits: the goals it is a topical term with a positive weight for. */
  private topicalGoals = new Uint32Array(0);
  /** Per term: the target it names, if any. */
  readonly targets: (string | undefined)[] = [];
  /** Per term: whether it may explain a link, and the goals (as bits) it is a seed term of. */
  private topical = new Uint8Array(0);
  private seedGoals = new Uint32Array(0);
  readonly bias: Float64Array;

  constructor(readonly lex: SdgLexicon) {
    const entries = new Map<string, [string, number][]>(Object.entries(lex.terms));
    const seeds = Object.entries(lex.seed).flatMap(([goal, terms]) => terms.map((term) => [goal, term] as const));
    for (const term of [...Object.keys(lex.targets), ...seeds.map(([, t]) => t)]) if (!entries.has(term)) entries.set(term, []);
    for (const term of entries.keys()) for (const w of term.split(" ")) this.words.add(w);
    this.matrix = new Float64Array(entries.size * GOALS.length);
    for (const [term, pairs] of entries) {
      let state = 0;
      for (const w of term.split(" ")) {
        const edge = state * (this.words.size + 1) + this.words.idOf(w);
        let next = this.edges.get(edge);
        if (next === 0) {
          next = this.termAt.length;
          this.termAt.push(-1);
          this.edges.set(edge, next);
        }
        state = next;
      }
      this.termAt[state] = this.terms.length;
      for (const [g, w] of pairs) this.matrix[this.terms.length * GOALS.length + GOALS.indexOf(g as Goal)] = w;
      this.terms.push(term);
      this.targets.push(Object.hasOwn(lex.targets, term) ? lex.targets[term] : undefined);
    }
    this.bias = Float64Array.from(GOALS.map((g) => lex.bias[g] ?? 0));
    const number = new Map(this.terms.map((t, i) => [t, i]));
    this.topical = new Uint8Array(this.terms.length);
    this.seedGoals = new Uint32Array(this.terms.length);
    for (const t of lex.topical) if (number.has(t)) this.topical[number.get(t)!] = 1;
    for (const [goal, term] of seeds) {
      const t = number.get(term)!;
      this.topical[t] = 1;
      this.seedGoals[t]! |= 1 << GOALS.indexOf(goal as Goal);
    }
    this.offsets = new Int32Array(this.terms.length + 1);
    const goalsOf: number[] = [];
    const weightsOf: number[] = [];
    this.topicalGoals = new Uint32Array(this.terms.length);
    for (let t = 0; t < this.terms.length; t++) {
      for (let g = 0; g < GOALS.length; g++) {
        const w = this.matrix[t * GOALS.length + g]!;
        if (w === 0) continue;
        goalsOf.push(g);
        weightsOf.push(w);
        if (w > 0 && this.topical[t]) this.topicalGoals[t]! |= 1 << g;
      }
      this.offsets[t + 1] = goalsOf.length;
    }
    this.goalsOf = Uint8Array.from(goalsOf);
    this.weightsOf = Float64Array.from(weightsOf);
    this.rootEdges = new Int32Array(this.words.size + 1);
    for (let id = 1; id <= this.words.size; id++) this.rootEdges[id] = this.edges.get(id);
  }

  /** A set of this lexicon's term numbers. */
  termSet(): TermSet {
    return new TermSet(this.terms.length);
  }

  /** Numbers of the lexicon's terms found in a text, each once, added to `into`. */
  find(text: string, into: TermSet): TermSet {
    // One pass over the characters (as `clauses` reads them): words are hashed as they are read
    // and looked up without being cut out of the text; the trie states reached by the one- and
    // two-word sequences before a word are the ones it can extend. A clause break ends them all.
    const base = this.words.size + 1;
    let fromPrevious = 0;
    let fromTwoBack = 0;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isLetter(c)) {
        if (isClauseBreak(c)) fromPrevious = fromTwoBack = 0;
        i++;
        continue;
      }
      const start = i;
      let h1 = HASH_SEED_1;
      let h2 = HASH_SEED_2;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (!isLetter(d) && !(d === HYPHEN && isLetter(text.charCodeAt(i + 1)))) break;
        const lower = d | 0x20;
        h1 = Math.imul(h1 ^ lower, HASH_PRIME_1);
        h2 = Math.imul((h2 << 5) | (h2 >>> 27), HASH_PRIME_2) ^ lower;
      }
      const id = this.words.find(h1, h2, i - start);
      if (id === 0) {
        fromPrevious = fromTwoBack = 0;
        continue;
      }
      const one = this.rootEdges[id]!;
      const two = fromPrevious ? this.edges.get(fromPrevious * base + id) : 0;
      const three = fromTwoBack ? this.edges.get(fromTwoBack * base + id) : 0;
      if (one && this.termAt[one]! >= 0) into.add(this.termAt[one]!);
      if (two && this.termAt[two]! >= 0) into.add(this.termAt[two]!);
      if (three && this.termAt[three]! >= 0) into.add(this.termAt[three]!);
      fromTwoBack = two;
      fromPrevious = one;
    }
    return into;
  }

  /** Each goal's summed weight over some terms (into `sums` when given). */
  sums(terms: Iterable<number>, sums = new Float64Array(GOALS.length)): Float64Array {
    sums.fill(0);
    for (const t of terms) {
      for (let j = this.offsets[t]!, end = this.offsets[t + 1]!; j < end; j++) sums[this.goalsOf[j]!]! += this.weightsOf[j]!;
    }
    return sums;
  }

  /**
   * Why a resolution's terms link it to a goal, at most `n` of them: its seed terms, then its
   * topical terms by weight, and when there are none, its other terms by weight.
   */
  evidence(terms: Iterable<number>, goal: number, n: number): string[] {
    const seed: number[] = [];
    const topical: number[] = [];
    const other: number[] = [];
    const weight = (t: number) => this.matrix[t * GOALS.length + goal]!;
    // the n heaviest of a kind, kept in order by insertion (lists stay short)
    const keep = (list: number[], t: number) => {
      const w = weight(t);
      if (list.length === n && w <= weight(list[n - 1]!)) return;
      let i = Math.min(list.length, n - 1);
      while (i > 0 && weight(list[i - 1]!) < w) {
        list[i] = list[i - 1]!;
        i--;
      }
      list[i] = t;
    };
    for (const t of terms) {
      if ((this.seedGoals[t]! >>> goal) & 1) {
        if (seed.length < n) seed.push(t);
      } else if ((this.topicalGoals[t]! >>> goal) & 1) keep(topical, t);
    }
    const chosen = seed.concat(topical);
    if (chosen.length === 0) for (const t of terms) if (weight(t) > 0) keep(other, t);
    const shown = chosen.length ? chosen : other;
    return shown.slice(0, n).map((t) => this.terms[t]!);
  }

  /**
   * A paragraph's links: to the goals it has a seed term of, and to those its terms weigh
   * enough for (`sums`) with a topical term among them; each explained by at most `n` terms
   * (seed terms, then topical ones by weight). One pass over the terms serves all the goals.
   */
  paragraphLinks(terms: TermSet, sums: Float64Array, threshold: number, n: number): SdgLink[] {
    let seed = 0;
    let topical = 0;
    for (const t of terms.list) {
      seed |= this.seedGoals[t]!;
      topical |= this.topicalGoals[t]!;
    }
    let linked = 0;
    for (let g = 0; g < GOALS.length; g++) if ((seed >>> g) & 1 || ((topical >>> g) & 1 && sums[g]! >= threshold)) linked |= 1 << g;
    if (linked === 0) return [];
    const explaining: number[][] = [];
    for (const t of terms.list) {
      for (let bits = (this.seedGoals[t]! | this.topicalGoals[t]!) & linked; bits !== 0; bits &= bits - 1) {
        const g = 31 - Math.clz32(bits & -bits);
        (explaining[g] ??= []).push(t);
      }
    }
    const links: SdgLink[] = [];
    for (let g = 0; g < GOALS.length; g++) {
      if (!((linked >>> g) & 1)) continue;
      const list = explaining[g] ?? [];
      // seed terms first, then by weight; lists are a few terms long, so insertion sort
      const rank = list.map((t) => ((this.seedGoals[t]! >>> g) & 1 ? 1000 : 0) + this.matrix[t * GOALS.length + g]!);
      for (let i = 1; i < list.length; i++) {
        for (let j = i; j > 0 && rank[j - 1]! < rank[j]!; j--) {
          [list[j - 1], list[j]] = [list[j]!, list[j - 1]!];
          [rank[j - 1], rank[j]] = [rank[j]!, rank[j - 1]!];
        }
      }
      const evidence: string[] = [];
      for (let i = 0; i < list.length && i < n; i++) evidence.push(this.terms[list[i]!]!);
      links.push({ goal: GOALS[g]!, target: this.target(list, GOALS[g]!), evidence });
    }
    return links;
  }

  /** The one target the terms name for a goal, if exactly one. */
  target(terms: Iterable<number>, goal: string): string | null {
    let found: string | null = null;
    for (const t of terms) {
      const target = this.targets[t];
      if (!target || target.slice(0, target.indexOf(".")) !== goal) continue;
      if (found && found !== target) return null;
      found = target;
    }
    return found;
  }
}

/** Term numbers, each once, in the order found: a stamp per term instead of hashing (cleared in constant time). */
export class TermSet {
  readonly list: number[] = [];
  private readonly stamps: Int32Array;
  private stamp = 1;

  constructor(size: number) {
    this.stamps = new Int32Array(size);
  }

  add(term: number): void {
    if (this.stamps[term] === this.stamp) return;
    this.stamps[term] = this.stamp;
    this.list.push(term);
  }

  clear(): void {
    this.stamp++;
    this.list.length = 0;
  }

  [Symbol.iterator](): Iterator<number> {
    return this.list[Symbol.iterator]();
  }
}

const HASH_SEED_1 = 0x811c9dc5;
const HASH_PRIME_1 = 0x01000193;
const HASH_SEED_2 = 0x2545f491;
const HASH_PRIME_2 = 0x5bd1e995;

/** Positive 31-bit integer keys to positive integer values, by open addressing (0 means absent). */
class IntTable {
  private keys = new Int32Array(1 << 14);
  private values = new Int32Array(1 << 14);
  private count = 0;

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let slot = mix(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === 0) return 0;
    }
  }

  set(key: number, value: number): void {
    if (!(key > 0 && key < 2 ** 31)) throw new RangeError(`trie key ${key} out of range`);
    if ((this.count + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let slot = mix(key) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    if (this.keys[slot] === 0) this.count++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2);
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}

const mix = (key: number) => Math.imul(key, 0x9e3779b1) >>> 7;

/**
 * The lexicon's words by two independent 32-bit hashes and their length, in an open-addressing
 * table: a word of a text is found from the hashes computed while reading it, without cutting
 * it out. (Two words agreeing on 64 bits of hash and on length are not expected among the few
 * hundred thousand distinct words of any corpus.)
 */
class WordTable {
  private ids = new Int32Array(1 << 12);
  private hashes1 = new Int32Array(1 << 12);
  private hashes2 = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private readonly list: string[] = [""];

  get size(): number {
    return this.list.length - 1;
  }

  add(word: string): number {
    const [h1, h2] = hashesOf(word);
    const existing = this.find(h1, h2, word.length);
    if (existing) return existing;
    if ((this.list.length + 1) * 2 > this.ids.length) this.grow();
    this.list.push(word);
    this.place(this.list.length - 1, h1, h2, word.length);
    return this.list.length - 1;
  }

  idOf(word: string): number {
    const [h1, h2] = hashesOf(word);
    return this.find(h1, h2, word.length);
  }

  /** The number of the word with these hashes and length, or 0. */
  find(h1: number, h2: number, length: number): number {
    const mask = this.ids.length - 1;
    for (let slot = h1 & mask; ; slot = (slot + 1) & mask) {
      const id = this.ids[slot]!;
      if (id === 0) return 0;
      if (this.hashes1[slot] === h1 && this.hashes2[slot] === h2 && this.lengths[slot] === length) return id;
    }
  }

  private place(id: number, h1: number, h2: number, length: number): void {
    const mask = this.ids.length - 1;
    let slot = h1 & mask;
    while (this.ids[slot] !== 0) slot = (slot + 1) & mask;
    this.ids[slot] = id;
    this.hashes1[slot] = h1;
    this.hashes2[slot] = h2;
    this.lengths[slot] = length;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    this.ids = new Int32Array(size);
    this.hashes1 = new Int32Array(size);
    this.hashes2 = new Int32Array(size);
    this.lengths = new Int32Array(size);
    for (let id = 1; id < this.list.length; id++) {
      const [h1, h2] = hashesOf(this.list[id]!);
      this.place(id, h1, h2, this.list[id]!.length);
    }
  }
}

/** The two hashes of a lower-case word, as `find` computes them while reading. */
function hashesOf(word: string): [number, number] {
  let h1 = HASH_SEED_1;
  let h2 = HASH_SEED_2;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, HASH_PRIME_1);
    h2 = Math.imul((h2 << 5) | (h2 >>> 27), HASH_PRIME_2) ^ c;
  }
  return [h1, h2];
}

let compiled: CompiledLexicon | null = null;
const compiledLexicon = () => (compiled ??= new CompiledLexicon(lexicon));

// --- scoring ------------------------------------------------------------------------------------

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The goals chosen from their probabilities: those over the threshold, the likeliest first, at most `maxGoals`, at least one. */
export function chooseGoals(probabilities: Map<string, number>, threshold: number, maxGoals: number): string[] {
  const ranked = [...probabilities].sort((a, b) => b[1] - a[1]);
  const chosen = ranked.filter(([, p], i) => p >= threshold && i < maxGoals).map(([g]) => g);
  return chosen.length ? chosen : ranked.slice(0, 1).map(([g]) => g);
}

/** Probability of each goal for the texts of a resolution (title and paragraphs), by the committed lexicon or another. */
export function goalProbabilities(texts: string[], lex: CompiledLexicon = compiledLexicon()): Map<string, number> {
  const terms = lex.termSet();
  for (const t of texts) lex.find(t, terms);
  const sums = lex.sums(terms);
  return new Map(GOALS.map((g, i) => [g, sigmoid(lex.bias[i]! + sums[i]!)]));
}

// --- the enrichment stage -----------------------------------------------------------------------

/**
 * The language of the texts the lexicon was learned from (`scripts/build-sdg-lexicon.ts` reads
 * the English AKN files). Read in another language, its words matched by accident ("population",
 * "transport", "innovation"): 2,400 links on 300 French, Spanish and Russian resolutions of the
 * corpus, many of them wrong (on a sample of eight, half).
 */
const LEXICON_LANGUAGE: Language = "en";

/**
 * Enrichment stage: fills `sdgs` of the preambular and operative paragraphs and of the
 * resolution. A text in a language the lexicon does not read gets the UN's classification
 * when it carries one, and no links otherwise.
 */
export function sdgsStage(doc: Resolution): void {
  if (doc.meta.language !== LEXICON_LANGUAGE) {
    for (const p of doc.preamble) p.sdgs = [];
    for (const p of doc.operative) p.sdgs = [];
    doc.sdgs = officialLinks(doc.meta.officialSdgs ?? []);
    return;
  }
  const lex = compiledLexicon();
  // the resolution's terms, each once, as the model was trained (presence, not counts)
  const documentTerms = lex.termSet();
  const terms = lex.termSet();
  if (doc.meta.title) lex.find(doc.meta.title, documentTerms);
  const sums = new Float64Array(GOALS.length);
  for (const paragraphs of [doc.preamble, doc.operative]) {
    for (const p of paragraphs) {
      terms.clear();
      lex.find(p.text, terms);
      lex.sums(terms, sums);
      p.sdgs = lex.paragraphLinks(terms, sums, lexicon.paragraphThreshold, 5);
      for (const t of terms.list) documentTerms.add(t);
    }
  }
  const official = doc.meta.officialSdgs ?? [];
  if (official.length) {
    doc.sdgs = officialLinks(official);
    return;
  }
  lex.sums(documentTerms, sums);
  const probabilities = new Map<string, number>(GOALS.map((g, i) => [g, sigmoid(lex.bias[i]! + sums[i]!)]));
  doc.sdgs = chooseGoals(probabilities, lexicon.threshold, lexicon.maxGoals).map((g) => {
    const goal = GOALS.indexOf(g as Goal);
    return { goal: g, target: lex.target(documentTerms, g), evidence: lex.evidence(documentTerms, goal, 8) };
  });
}

/** The UN's own classification ("16", "16.9"): one link per code. */
function officialLinks(codes: string[]): SdgLink[] {
  const out: SdgLink[] = [];
  for (const code of codes) {
    const m = /^(\d{1,2})(?:\.([0-9a-z]{1,2}))?$/.exec(code.trim());
    if (!m) continue;
    out.push({ goal: m[1]!, target: m[2] ? `${m[1]}.${m[2]}` : null, evidence: ["official classification"] });
  }
  return out;
}

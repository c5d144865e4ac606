import { formatParagraphRef, paragraphRef, type ResolutionParagraphKind } from "../model/paragraphs.js";
import { problem } from "../model/problems.js";
import type { OperativeParagraph, PreambularParagraph, Problem, Resolution } from "../model/types.js";
import { longestIncreasingSubsequence, maximumWeightMatching, orderedMatching } from "./assign.js";
import { sequenceSimilarity } from "./diff.js";
import { normaliseText } from "./text.js";
import { type SparseVector, TermSpace, containment, cosine, similarityMatrix, sum } from "./vectors.js";

/**
 * Paragraph alignment between two versions of a resolution, by content rather than position:
 * preambular paragraphs with preambular ones, operative with operative.
 *
 * 1. Every paragraph becomes a TF-IDF vector of its words and word pairs (vectors.ts); every
 *    old/new pair is scored by cosine similarity.
 * 2. Pairs scoring at least the threshold are paired by an optimal one-to-one assignment
 *    (Hungarian method), wherever they stand: that is how moves are found. A very small bonus
 *    for similar relative position only breaks near-ties between look-alike paragraphs.
 * 3. The pairs on the longest increasing run of new positions are anchors; the others moved.
 * 4. Between two consecutive anchors, the paragraphs left over on both sides are paired in order
 *    (a weighted longest common subsequence) down to a lower threshold: in the same slot, a
 *    heavily reworded paragraph is still recognised, while a weak likeness elsewhere is not.
 * 5. A paragraph left over on one side that is mostly made of the words of an already paired
 *    paragraph on the other side, and that brings that pair closer when added to it, is half of
 *    a split (one old paragraph became several) or of a merge (several became one).
 *
 * Before all this, paragraphs whose text is the same (in normal form) pair up outright, and only
 * the others are scored: most paragraphs of a renewal are unchanged.
 *
 * The similarity reported for a pair is the share of wording kept (diff.ts, `wordSimilarity`),
 * not the cosine used to pair: it reads as "93% of the words are the same".
 */

export type ChangeKind = "unchanged" | "edited" | "moved" | "added" | "dropped";

/** A paragraph of one version. */
export interface VersionParagraph {
  /** Its reference within the document (model/paragraphs.ts): `preamble.3`, `operative.31`, `B.operative.1` in part B of a resolution in parts. */
  id: string;
  /** 0-based index in `preamble` or `operative` of its document. */
  index: number;
}

export interface AlignedPair {
  kind: ResolutionParagraphKind;
  from: VersionParagraph | null;
  to: VersionParagraph | null;
  change: ChangeKind;
  /** Share of wording kept (0..1): 1 when unchanged, 0 for added and dropped paragraphs. */
  similarity: number;
  /** Cosine similarity of the two paragraphs' term vectors, on which they were paired (0 when unpaired). */
  score: number;
  /** The wording changed: edited, or moved and edited. */
  edited: boolean;
  /** Set on every pair of a paragraph split over several new ones, or of several merged into one. */
  relation?: "split" | "merge";
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Why some paragraphs were only matched when identical (inputs far beyond any resolution's size). */
  problems: Problem[];
}

export interface AlignOptions {
  /** Lowest score at which two paragraphs count as versions of each other wherever they stand (default 0.3). */
  threshold?: number;
  /** Lowest score at which two paragraphs in the same slot between paired neighbours count as versions (default 0.15). */
  slotThreshold?: number;
}

export const DEFAULT_THRESHOLD = 0.3;
export const DEFAULT_SLOT_THRESHOLD = 0.15;
/** Weight of relative position in the assignment: enough to break a tie, never to outvote wording. */
const POSITION_TIE_BREAK = 0.01;
/** A leftover paragraph joins a pair as a split or merge part from this similarity to the paired paragraph... */
const PART_MIN_SIMILARITY = 0.2;
/** ...when most of its weight is words of that paragraph... */
const PART_MIN_CONTAINMENT = 0.45;
/** ...and adding it to the pair raises the pair's similarity at least this much. */
const PART_MIN_GAIN = 0.05;

/**
 * Most differing paragraph pairs of one kind that are scored (a dense matrix of this many
 * cells). Real resolutions stay far below (the largest, on oceans and the law of the sea, has
 * some 350 x 350); beyond it, an input is no resolution and only identical paragraphs pair.
 */
const MAX_SCORED_PAIRS = 4_000_000;

type Paragraph = PreambularParagraph | OperativeParagraph;

export function alignResolutions(from: Resolution, to: Resolution, options: AlignOptions = {}): Alignment {
  const thresholds = { strong: options.threshold ?? DEFAULT_THRESHOLD, slot: options.slotThreshold ?? DEFAULT_SLOT_THRESHOLD };
  const kinds = [
    { kind: "preambular" as const, olds: from.preamble as Paragraph[], news: to.preamble as Paragraph[] },
    { kind: "operative" as const, olds: from.operative as Paragraph[], news: to.operative as Paragraph[] },
  ];
  // Identical paragraphs pair up outright; only the others need term vectors, which share one
  // term space: document frequencies over every differing paragraph of both versions.
  const space = new TermSpace();
  const normalForms = new Map<Paragraph, string>();
  const normal = (p: Paragraph) => {
    let text = normalForms.get(p);
    if (text === undefined) normalForms.set(p, (text = normaliseText(p.text)));
    return text;
  };
  const problems: Problem[] = [];
  const prepared = kinds.map(({ kind, olds, news }) => {
    const identical = identicalPairs(olds, news, normal);
    const pairedNew = new Set(identical);
    let oldRest = [...olds.keys()].filter((i) => identical[i]! < 0);
    let newRest = [...news.keys()].filter((j) => !pairedNew.has(j));
    if (oldRest.length * newRest.length > MAX_SCORED_PAIRS) {
      problems.push(
        problem("compare-too-many-paragraphs", `${oldRest.length} x ${newRest.length} differing ${kind} paragraphs are too many to score; only identical ones were paired`),
      );
      oldRest = [];
      newRest = [];
    }
    return { identical, oldRest, newRest, oldTerms: oldRest.map((i) => space.add(olds[i]!.text)), newTerms: newRest.map((j) => space.add(news[j]!.text)) };
  });
  return {
    pairs: kinds.flatMap(({ kind, olds, news }, k) => {
      const { identical, oldRest, newRest, oldTerms, newTerms } = prepared[k]!;
      const older: Side = { paragraphs: olds, rest: oldRest, vectors: oldTerms.map((t) => space.vector(t.terms)), words: oldTerms.map((t) => Array.from(t.words)) };
      const newer: Side = { paragraphs: news, rest: newRest, vectors: newTerms.map((t) => space.vector(t.terms)), words: newTerms.map((t) => Array.from(t.words)) };
      return alignParagraphs(kind, older, newer, identical, thresholds, normal);
    }),
    problems,
  };
}

/**
 * Pairs of paragraphs with the same text (in order when a text repeats): the new index for each
 * old one, or -1. Byte-identical texts first, then the rest by normal form, which costs more.
 */
function identicalPairs(olds: Paragraph[], news: Paragraph[], normal: (p: Paragraph) => string): Int32Array {
  const pairs = new Int32Array(olds.length).fill(-1);
  let oldRest = [...olds.keys()];
  let newRest = [...news.keys()];
  for (const key of [(p: Paragraph) => p.text, normal]) {
    const waiting = new Map<string, number[]>();
    for (const j of newRest) {
      const k = key(news[j]!);
      const list = waiting.get(k);
      if (list) list.push(j);
      else waiting.set(k, [j]);
    }
    const taken = new Set<number>();
    for (const i of oldRest) {
      const j = waiting.get(key(olds[i]!))?.shift();
      if (j === undefined) continue;
      pairs[i] = j;
      taken.add(j);
    }
    oldRest = oldRest.filter((i) => pairs[i] === -1);
    newRest = newRest.filter((j) => !taken.has(j));
    if (oldRest.length === 0 || newRest.length === 0) break;
  }
  return pairs;
}

/**
 * One version's paragraphs of one kind. `rest` lists the paragraphs without an identical
 * counterpart; `vectors` and `words` (word ids) are theirs, in the same order.
 */
interface Side {
  paragraphs: Paragraph[];
  rest: number[];
  vectors: SparseVector[];
  words: number[][];
}

/** A side's paragraphs addressed by document index: position in `rest`, or -1. */
function restIndex(side: Side): Int32Array {
  const index = new Int32Array(side.paragraphs.length).fill(-1);
  side.rest.forEach((p, r) => {
    index[p] = r;
  });
  return index;
}

function alignParagraphs(
  kind: ResolutionParagraphKind,
  older: Side,
  newer: Side,
  identical: Int32Array,
  thresholds: { strong: number; slot: number },
  normal: (p: Paragraph) => string,
): AlignedPair[] {
  const olds = older.paragraphs;
  const news = newer.paragraphs;
  const n = olds.length;
  const m = news.length;
  const restOld = restIndex(older);
  const restNew = restIndex(newer);
  const restColumns = newer.rest.length;
  const matrix = similarityMatrix(older.vectors, newer.vectors);
  const score = (i: number, j: number) => (restOld[i]! < 0 || restNew[j]! < 0 ? 0 : matrix[restOld[i]! * restColumns + restNew[j]!]!);

  const newOfOld = pairParagraphs(older, newer, matrix, identical, thresholds, score);
  const oldOfNew = new Int32Array(m).fill(-1);
  newOfOld.forEach((j, i) => {
    if (j >= 0) oldOfNew[j] = i;
  });
  const moved = movedParagraphs(newOfOld);
  const vectorOld = (i: number) => older.vectors[restOld[i]!]!;
  const vectorNew = (j: number) => newer.vectors[restNew[j]!]!;
  // Identical pairs cannot gain from a split or merge part: only pairs of differing paragraphs host one.
  const differs = (i: number) => newOfOld[i]! >= 0 && restOld[i]! >= 0 && restNew[newOfOld[i]!]! >= 0;
  const parts = findParts(n, m, newOfOld, oldOfNew, differs, score, vectorOld, vectorNew);

  const ref = (list: Paragraph[], index: number): VersionParagraph => ({ id: formatParagraphRef(paragraphRef(list[index]!)), index });
  const paired = (i: number, j: number, relation?: "split" | "merge") => {
    const same = identical[i] === j || normal(olds[i]!) === normal(news[j]!);
    return {
      kind,
      from: ref(olds, i),
      to: ref(news, j),
      similarity: same ? 1 : round(sequenceSimilarity(older.words[restOld[i]!]!, newer.words[restNew[j]!]!)),
      score: same ? 1 : round(score(i, j)),
      edited: !same,
      ...(relation ? { relation } : {}),
      same,
    };
  };
  const entries: { key: number; tie: number; pair: AlignedPair }[] = [];
  for (let i = 0; i < n; i++) {
    const j = newOfOld[i]!;
    if (j < 0) continue;
    const relation = parts.splitOld.has(i) ? "split" : parts.mergeNew.has(j) ? "merge" : undefined;
    const { same, ...pair } = paired(i, j, relation);
    entries.push({ key: j, tie: 0, pair: { ...pair, change: moved.has(i) ? "moved" : same ? "unchanged" : "edited" } });
  }
  for (const { oldIndex: i, newIndex: j, relation } of parts.extra) {
    const { same: _same, ...pair } = paired(i, j, relation);
    entries.push({ key: j, tie: 1 + i / (n + 1), pair: { ...pair, change: "edited", edited: true } });
  }
  // A dropped paragraph is listed where it stood: after the new place of the last kept paragraph before it.
  let anchor = -0.5;
  for (let i = 0; i < n; i++) {
    const j = newOfOld[i]!;
    if (j >= 0 && !moved.has(i)) anchor = j + 0.5;
    if (j >= 0 || parts.extraOld.has(i)) continue;
    entries.push({ key: anchor, tie: i, pair: { kind, from: ref(olds, i), to: null, change: "dropped", similarity: 0, score: 0, edited: false } });
  }
  for (let j = 0; j < m; j++) {
    if (oldOfNew[j]! >= 0 || parts.extraNew.has(j)) continue;
    entries.push({ key: j, tie: 0, pair: { kind, from: null, to: ref(news, j), change: "added", similarity: 0, score: 0, edited: false } });
  }
  entries.sort((a, b) => a.key - b.key || a.tie - b.tie);
  return entries.map((e) => e.pair);
}

/** Steps 2 to 4 of the method, after identical pairs: the new paragraph paired with each old one, or -1. */
function pairParagraphs(
  older: Side,
  newer: Side,
  matrix: Float64Array,
  identical: Int32Array,
  thresholds: { strong: number; slot: number },
  score: (i: number, j: number) => number,
): Int32Array {
  const n = older.paragraphs.length;
  const m = newer.paragraphs.length;
  const rows = older.rest.length;
  const columns = newer.rest.length;
  const preference = new Float64Array(matrix.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const s = matrix[r * columns + c]!;
      if (s < thresholds.strong) continue;
      const distance = Math.abs((older.rest[r]! + 0.5) / n - (newer.rest[c]! + 0.5) / m);
      preference[r * columns + c] = s + POSITION_TIE_BREAK * (1 - distance);
    }
  }
  const newOfOld = identical.slice();
  maximumWeightMatching(preference, rows, columns, thresholds.strong).forEach((c, r) => {
    if (c >= 0) newOfOld[older.rest[r]!] = newer.rest[c]!;
  });
  const moved = movedParagraphs(newOfOld);
  const newTaken = new Uint8Array(m);
  for (const j of newOfOld) if (j >= 0) newTaken[j] = 1;
  // Slots: runs of unpaired paragraphs between consecutive anchors (pairs kept in order).
  let previousOld = -1;
  let previousNew = -1;
  for (let i = 0; i <= n; i++) {
    const isAnchor = i === n || (newOfOld[i]! >= 0 && !moved.has(i));
    if (!isAnchor) continue;
    const nextNew = i === n ? m : newOfOld[i]!;
    const oldRun: number[] = [];
    for (let k = previousOld + 1; k < i; k++) if (newOfOld[k]! < 0) oldRun.push(k);
    const newRun: number[] = [];
    for (let k = previousNew + 1; k < nextNew; k++) if (!newTaken[k]) newRun.push(k);
    for (const [r, c] of orderedMatching(score, oldRun, newRun, thresholds.slot)) newOfOld[r] = c;
    previousOld = i;
    previousNew = nextNew;
  }
  return newOfOld;
}

/** Old paragraphs whose pair breaks the order kept by the most pairs. */
function movedParagraphs(newOfOld: Int32Array): Set<number> {
  const matchedOld = [...newOfOld.keys()].filter((i) => newOfOld[i]! >= 0);
  const inOrder = longestIncreasingSubsequence(matchedOld.map((i) => newOfOld[i]!));
  return new Set(matchedOld.filter((_, k) => !inOrder[k]));
}

interface Parts {
  /** Split or merge halves beyond the one-to-one pairs. */
  extra: { oldIndex: number; newIndex: number; relation: "split" | "merge" }[];
  extraOld: Set<number>;
  extraNew: Set<number>;
  splitOld: Set<number>;
  mergeNew: Set<number>;
}

function findParts(
  n: number,
  m: number,
  newOfOld: Int32Array,
  oldOfNew: Int32Array,
  differs: (oldIndex: number) => boolean,
  score: (i: number, j: number) => number,
  vectorOld: (i: number) => SparseVector,
  vectorNew: (j: number) => SparseVector,
): Parts {
  const parts: Parts = { extra: [], extraOld: new Set(), extraNew: new Set(), splitOld: new Set(), mergeNew: new Set() };
  // Splits: a leftover new paragraph j that continues old paragraph i, already paired with newOfOld[i].
  const splitCandidates = leftoverCandidates(m, (j) => oldOfNew[j]! < 0, n, differs, (i, j) => score(i, j));
  const joinedNew = new Map<number, SparseVector>();
  for (const { leftover: j, host: i, score: s } of splitCandidates) {
    if (s < PART_MIN_SIMILARITY || containment(vectorNew(j), vectorOld(i)) < PART_MIN_CONTAINMENT) continue;
    const joined = joinedNew.get(i) ?? vectorNew(newOfOld[i]!);
    const together = sum(joined, vectorNew(j));
    if (cosine(vectorOld(i), together) < cosine(vectorOld(i), joined) + PART_MIN_GAIN) continue;
    joinedNew.set(i, together);
    parts.extra.push({ oldIndex: i, newIndex: j, relation: "split" });
    parts.extraNew.add(j);
    parts.splitOld.add(i);
  }
  // Merges: a leftover old paragraph i folded into new paragraph j, already paired with oldOfNew[j].
  const hostsMerge = (j: number) => oldOfNew[j]! >= 0 && differs(oldOfNew[j]!) && !parts.splitOld.has(oldOfNew[j]!);
  const mergeCandidates = leftoverCandidates(n, (i) => newOfOld[i]! < 0, m, hostsMerge, (j, i) => score(i, j));
  const joinedOld = new Map<number, SparseVector>();
  for (const { leftover: i, host: j, score: s } of mergeCandidates) {
    if (s < PART_MIN_SIMILARITY || containment(vectorOld(i), vectorNew(j)) < PART_MIN_CONTAINMENT) continue;
    const joined = joinedOld.get(j) ?? vectorOld(oldOfNew[j]!);
    const together = sum(joined, vectorOld(i));
    if (cosine(vectorNew(j), together) < cosine(vectorNew(j), joined) + PART_MIN_GAIN) continue;
    joinedOld.set(j, together);
    parts.extra.push({ oldIndex: i, newIndex: j, relation: "merge" });
    parts.extraOld.add(i);
    parts.mergeNew.add(j);
  }
  return parts;
}

/** For each leftover paragraph, its most similar paired paragraph on the other side; best first. */
function leftoverCandidates(
  leftovers: number,
  isLeftover: (k: number) => boolean,
  hosts: number,
  isHost: (h: number) => boolean,
  score: (host: number, leftover: number) => number,
): { leftover: number; host: number; score: number }[] {
  const found: { leftover: number; host: number; score: number }[] = [];
  for (let k = 0; k < leftovers; k++) {
    if (!isLeftover(k)) continue;
    let best = { host: -1, score: 0 };
    for (let h = 0; h < hosts; h++) {
      if (!isHost(h)) continue;
      const s = score(h, k);
      if (s > best.score) best = { host: h, score: s };
    }
    if (best.host >= 0) found.push({ leftover: k, ...best });
  }
  return found.sort((a, b) => b.score - a.score);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

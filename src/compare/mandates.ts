import { addresseeKey } from "../model/actors.js";
import type { Mandate, Resolution } from "../model/types.js";
import type { Alignment } from "./align.js";
import { maximumWeightMatching } from "./assign.js";
import { renewalWords } from "./text.js";

/**
 * Mandate changes between two versions of a resolution: which mandates are new, dropped,
 * changed (addressee, verb and its force, deadline, reporting, review or end date, wording of
 * the action) or renewed as they were. Mandates come from `operative[].mandates` (enrich).
 *
 * Mandates are paired by a score that adds up three kinds of evidence: their paragraphs were
 * aligned with each other, they name the same addressee, and their actions read alike once the
 * numbers that change at every renewal (sessions, years) are blanked out. The best one-to-one
 * pairing wins (the same Hungarian assignment as paragraphs use).
 */

export type MandateStatus = "new" | "dropped" | "changed" | "unchanged";
export type MandateField = "actor" | "verb" | "force" | "deadline" | "report" | "review" | "action";

export interface MandateChange {
  status: MandateStatus;
  from: Mandate | null;
  to: Mandate | null;
  /** What differs, for changed mandates. */
  fields: MandateField[];
  /** Force from -> to when the verb's force changed: positive when strengthened. */
  forceDelta: number;
  /** Similarity of the two actions with renewal numbers blanked (0..1; 0 for new and dropped). */
  actionSimilarity: number;
}

export interface MandateComparison {
  changes: MandateChange[];
  counts: Record<MandateStatus, number>;
}

const WEIGHT_ACTION = 0.5;
const WEIGHT_SAME_PARAGRAPH = 0.3;
const WEIGHT_SAME_ACTOR = 0.2;
/** Lowest pairing score: e.g. aligned paragraphs and the same actor with an action half rewritten. */
const MIN_PAIR_SCORE = 0.45;
/** Mandates from paragraphs that were not aligned pair only on closely similar actions. */
const MIN_ACTION_SIMILARITY_ELSEWHERE = 0.6;

/** The action as compared across versions: lower-case words, session numbers and years blanked. */
export function actionKey(m: Mandate): string {
  return renewalWords(m.action).join(" ");
}

export function deadlineKey(m: Mandate): string {
  const d = m.deadline;
  return [m.dueSession ?? d?.session ?? "", d?.years ?? "", d?.date ?? ""].join("|");
}

interface Located {
  mandate: Mandate;
  /** Index of the operative paragraph holding it. */
  paragraph: number;
  actor: string;
  words: Set<string>;
}

function locate(doc: Resolution): Located[] {
  return doc.operative.flatMap((p, paragraph) =>
    p.mandates.map((mandate) => ({ mandate, paragraph, actor: addresseeKey(mandate), words: new Set(renewalWords(mandate.action)) })),
  );
}

export function compareMandates(from: Resolution, to: Resolution, alignment: Alignment): MandateComparison {
  const olds = locate(from);
  const news = locate(to);
  const alignedWith = new Map<number, Set<number>>();
  for (const p of alignment.pairs) {
    if (p.kind !== "operative" || !p.from || !p.to) continue;
    const set = alignedWith.get(p.from.index);
    if (set) set.add(p.to.index);
    else alignedWith.set(p.from.index, new Set([p.to.index]));
  }
  // Shared action words of every pair through an inverted index of the newer mandates: pairs
  // without a word in common cost nothing. Similarity is the Dice coefficient of the word sets
  // (order-free, so a reordered action still reads alike).
  const postings = new Map<string, number[]>();
  news.forEach((b, j) => {
    for (const w of b.words) {
      const list = postings.get(w);
      if (list) list.push(j);
      else postings.set(w, [j]);
    }
  });
  const scores = new Float64Array(olds.length * news.length);
  const actionSimilarity = new Float64Array(olds.length * news.length);
  const shared = new Int32Array(news.length);
  olds.forEach((a, i) => {
    shared.fill(0);
    for (const w of a.words) for (const j of postings.get(w) ?? []) shared[j]!++;
    const aligned = alignedWith.get(a.paragraph);
    news.forEach((b, j) => {
      const sameParagraph = aligned?.has(b.paragraph) ?? false;
      if (shared[j] === 0 && !sameParagraph) return;
      const sizes = a.words.size + b.words.size;
      const action = sizes === 0 ? 1 : (2 * shared[j]!) / sizes;
      if (!sameParagraph && action < MIN_ACTION_SIMILARITY_ELSEWHERE) return;
      scores[i * news.length + j] = WEIGHT_ACTION * action + (sameParagraph ? WEIGHT_SAME_PARAGRAPH : 0) + (a.actor === b.actor ? WEIGHT_SAME_ACTOR : 0);
      actionSimilarity[i * news.length + j] = action;
    });
  });
  const newOfOld = maximumWeightMatching(scores, olds.length, news.length, MIN_PAIR_SCORE);

  const changes: MandateChange[] = [];
  const pairedNew = new Set<number>();
  olds.forEach((a, i) => {
    const j = newOfOld[i]!;
    if (j < 0) {
      changes.push({ status: "dropped", from: a.mandate, to: null, fields: [], forceDelta: 0, actionSimilarity: 0 });
      return;
    }
    pairedNew.add(j);
    const b = news[j]!.mandate;
    const fields = changedFields(a.mandate, b);
    changes.push({
      status: fields.length ? "changed" : "unchanged",
      from: a.mandate,
      to: b,
      fields,
      forceDelta: b.force - a.mandate.force,
      actionSimilarity: Math.round(actionSimilarity[i * news.length + j]! * 100) / 100,
    });
  });
  news.forEach((b, j) => {
    if (!pairedNew.has(j)) changes.push({ status: "new", from: null, to: b.mandate, fields: [], forceDelta: 0, actionSimilarity: 0 });
  });
  // Reading order of the newer version, then the dropped mandates in the order of the older one.
  const order = (c: MandateChange) => (c.to ? c.to.position.start.offset : Number.MAX_SAFE_INTEGER);
  changes.sort((x, y) => order(x) - order(y) || (x.from?.position.start.offset ?? 0) - (y.from?.position.start.offset ?? 0));
  const counts: Record<MandateStatus, number> = { new: 0, dropped: 0, changed: 0, unchanged: 0 };
  for (const c of changes) counts[c.status]++;
  return { changes, counts };
}

function changedFields(a: Mandate, b: Mandate): MandateField[] {
  const fields: MandateField[] = [];
  if (addresseeKey(a) !== addresseeKey(b)) fields.push("actor");
  if (a.verb !== b.verb) fields.push("verb");
  if (a.force !== b.force) fields.push("force");
  if (deadlineKey(a) !== deadlineKey(b)) fields.push("deadline");
  if (a.report !== b.report) fields.push("report");
  if (a.hasReviewOrEnd !== b.hasReviewOrEnd) fields.push("review");
  if (actionKey(a) !== actionKey(b)) fields.push("action");
  return fields;
}

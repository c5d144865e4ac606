import { diffArrays, diffWordsWithSpace } from "diff";
import { words } from "./text.js";

/**
 * Word-level comparison of two versions of a paragraph: the insertions and deletions a reader
 * sees as track changes, and the share of wording the versions have in common.
 */

export type WordChangeType = "equal" | "insert" | "delete";

export interface WordChange {
  type: WordChangeType;
  text: string;
}

export interface WordDiffOptions {
  /** Milliseconds after which the diff gives up and reports the whole paragraph replaced (default 100). */
  timeout?: number;
}

const DEFAULT_TIMEOUT_MS = 100;
/** Bounds the edit script of `wordSimilarity`: beyond it the texts share little anyway. */
const MAX_SIMILARITY_EDITS = 400;

/**
 * Track changes from `before` to `after`, in reading order; equal runs keep their text so the
 * whole can be rebuilt. `diffWordsWithSpace` rather than `diffWords`: the latter ignores white
 * space and gives equal runs the newer text's spacing, so the older text cannot be rebuilt
 * exactly ("2020 ," for "2020,"); here every space belongs to exactly one run.
 */
export function wordChanges(before: string, after: string, options: WordDiffOptions = {}): WordChange[] {
  if (before === after) return before ? [{ type: "equal", text: before }] : [];
  const changes = diffWordsWithSpace(before, after, { timeout: options.timeout ?? DEFAULT_TIMEOUT_MS });
  if (!changes) return replaced(before, after);
  return changes.map((c) => ({ type: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value }));
}

function replaced(before: string, after: string): WordChange[] {
  const out: WordChange[] = [];
  if (before) out.push({ type: "delete", text: before });
  if (after) out.push({ type: "insert", text: after });
  return out;
}

/**
 * Share of words two texts have in common, in order (2 x common / total, over lower-case
 * words, ignoring punctuation): 1 for the same wording, about 0.92 when one ordinal of a
 * 24-word paragraph changed, 0 for nothing in common.
 */
export function wordSimilarity(before: string, after: string): number {
  return sequenceSimilarity(words(before), words(after));
}

/** `wordSimilarity` over token sequences already split (strings or word ids). */
export function sequenceSimilarity<T>(a: T[], b: T[]): number {
  if (a.length + b.length === 0) return 1;
  const changes = diffArrays(a, b, { maxEditLength: MAX_SIMILARITY_EDITS });
  // Too many edits to script: the texts share little, and their shared words in any order bound it.
  if (!changes) return sharedWordShare(a, b);
  let common = 0;
  for (const c of changes) if (!c.added && !c.removed) common += c.count ?? c.value.length;
  return (2 * common) / (a.length + b.length);
}

function sharedWordShare<T>(a: T[], b: T[]): number {
  const counts = new Map<T, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      common++;
      counts.set(w, left - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Words inserted and deleted, counted: a summary of an edit. */
export function changeCounts(changes: WordChange[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const c of changes) {
    if (c.type === "insert") inserted += words(c.text).length;
    else if (c.type === "delete") deleted += words(c.text).length;
  }
  return { inserted, deleted };
}

import { diffWordsWithSpace } from "diff";
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
  return coalesce(changes.map((c) => ({ type: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value })));
}

const BLANK = /^\s+$/;

/**
 * Joins edits separated only by white space into one deletion and one insertion: "[-on-]
 * {+63/231+} [-industrial-]{+of+}" reads as "[-on industrial-]{+63/231 of+}". The space goes
 * into both, so both texts still rebuild exactly.
 */
function coalesce(changes: WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) out.push({ type: "delete", text: deleted });
    if (inserted) out.push({ type: "insert", text: inserted });
    deleted = inserted = "";
  };
  changes.forEach((c, i) => {
    if (c.type === "delete") deleted += c.text;
    else if (c.type === "insert") inserted += c.text;
    else if (BLANK.test(c.text) && (deleted || inserted) && changes[i + 1] && changes[i + 1]!.type !== "equal") {
      deleted += c.text;
      inserted += c.text;
    } else {
      flush();
      out.push(c);
    }
  });
  flush();
  return out;
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

/** Beyond this many |a| x |b| cells (paragraphs of thousands of words), words in common in any order stand in for the subsequence. */
const MAX_SUBSEQUENCE_CELLS = 64_000_000;

/** `wordSimilarity` over token sequences already split (strings or word ids). */
export function sequenceSimilarity<T>(a: T[], b: T[]): number {
  if (a.length + b.length === 0) return 1;
  const common = a.length * b.length > MAX_SUBSEQUENCE_CELLS ? sharedTokens(a, b) : longestCommonSubsequence(a, b);
  return (2 * common) / (a.length + b.length);
}

/** Tokens the two sequences have in common, with repetition, in any order: an upper bound of the subsequence. */
function sharedTokens<T>(a: T[], b: T[]): number {
  const counts = new Map<T, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of b) {
    const left = counts.get(t) ?? 0;
    if (left === 0) continue;
    shared++;
    counts.set(t, left - 1);
  }
  return shared;
}

/**
 * Length of a longest common subsequence, bit-parallel (Allison and Dix 1986, in Hyyrö's
 * 2004 formulation): one bit per position of `a`, 32 positions to a machine word, one pass of
 * additions per element of `b`. Alignment scores every edited pair and only needs this length,
 * which this gets in O(|a| |b| / 32) where an edit script (the `diff` package, used for the
 * track changes themselves) costs O((|a| + |b|) D) and allocates a change list.
 */
export function longestCommonSubsequence<T>(a: T[], b: T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const blocks = Math.ceil(a.length / 32);
  const matches = new Map<T, Uint32Array>();
  a.forEach((token, i) => {
    let mask = matches.get(token);
    if (!mask) matches.set(token, (mask = new Uint32Array(blocks)));
    mask[i >>> 5]! |= 1 << (i & 31);
  });
  // V has a 0 bit for each position of `a` matched so far; V' = (V + (V & M)) | (V & ~M).
  const v = new Uint32Array(blocks).fill(0xffffffff);
  for (const token of b) {
    const mask = matches.get(token);
    if (!mask) continue;
    let carry = 0;
    for (let k = 0; k < blocks; k++) {
      const vk = v[k]!;
      const u = (vk & mask[k]!) >>> 0;
      const total = vk + u + carry; // below 2^33: exact in a double
      carry = total > 0xffffffff ? 1 : 0;
      v[k] = ((total >>> 0) | (vk & ~u)) >>> 0;
    }
  }
  let zeros = 0;
  for (let i = 0; i < a.length; i++) if ((v[i >>> 5]! & (1 << (i & 31))) === 0) zeros++;
  return zeros;
}

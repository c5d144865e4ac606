import { formatParagraphRef } from "../model/paragraphs.js";
import type { LineIndex } from "../model/position.js";
import { problem } from "../model/problems.js";
import type { Footnote, FootnoteRef, OperativeParagraph, PreambularParagraph, Problem } from "../model/types.js";
import { type Block, blockOffset, type Line } from "./blocks.js";
import { type Callout, locateCallouts, removeCallouts } from "./callouts.js";

/**
 * Footnotes: the run of numbered lines after the closing, read first because call-outs are
 * found by number; then the text of every block with its call-outs taken out, and, once the
 * paragraphs are read, the places that call each footnote.
 */

const FOOTNOTE_LINE = /^(\d{1,3})[\t \u00a0]+(\S)/;
const isInvisible = (c: number) => c === 0x200b || c === 0x200e || c === 0x200f || c === 0xfeff;

/** Drops zero-width spaces, direction marks and BOMs at both ends (ODS exports of RTL-aware files carry them). */
function trimInvisible(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isInvisible(text.charCodeAt(start))) start++;
  while (end > start && isInvisible(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * After the closing lines: annexes (ODS exports put them there) and the footnotes, a run of
 * lines numbered 1, 2, 3 ... at the end. Without a closing line, a numbered run at the very
 * end of the main text is taken as the footnotes.
 */
export function splitFootnoteZone(afterClosing: Line[], mainLines: Line[]): { footnoteLines: Line[]; annexLines: Line[] } {
  const zone = afterClosing.length ? afterClosing : [];
  const first = findFootnoteStart(zone);
  if (afterClosing.length) {
    if (first === -1) return { footnoteLines: [], annexLines: zone };
    return { footnoteLines: zone.slice(first), annexLines: zone.slice(0, first) };
  }
  void mainLines;
  return { footnoteLines: [], annexLines: [] };
}

function findFootnoteStart(zone: Line[]): number {
  for (let i = 0; i < zone.length; i++) {
    const line = zone[i]!;
    if (line.text.startsWith("\t") || line.text.startsWith("  ")) continue;
    if (FOOTNOTE_LINE.test(line.text)) return i;
  }
  return -1;
}

export function readFootnotes(lines: Line[], index: LineIndex): Footnote[] {
  const footnotes: Footnote[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    if (!t) continue;
    const m = FOOTNOTE_LINE.exec(t);
    const lead = line.text.length - line.text.trimStart().length;
    const expected = footnotes.length ? footnotes.at(-1)!.number + 1 : undefined;
    if (m && (expected === undefined || Number(m[1]) === expected)) {
      const textStart = line.start + lead + t.indexOf(m[2]!, m[1]!.length);
      footnotes.push({
        type: "footnote",
        number: Number(m[1]),
        text: t.slice(t.indexOf(m[2]!, m[1]!.length)),
        calledFrom: [],
        position: index.span(line.start + lead, line.end),
        citations: [],
      });
      void textStart;
      continue;
    }
    const last = footnotes.at(-1);
    if (last) {
      last.text += " " + t;
      last.position = index.span(last.position.start.offset, line.end);
    }
  }
  return footnotes;
}

/** The text of a block from `from` on, call-outs removed (and returned as references), invisible direction marks dropped. */
export type BlockText = (block: Block, from?: number) => { text: string; refs: FootnoteRef[] };

/**
 * Finds the call-outs of all `blocks` at once (they are numbered through the whole text) and
 * returns the reader of each block's text without them.
 */
export function calloutReader(blocks: Block[], footnotes: Footnote[], footnoteByNumber: ReadonlyMap<number, Footnote>, known: readonly number[]): BlockText {
  const located = locateCallouts(blocks.map((b) => b.text), footnotes[0]?.number ?? 1, footnotes.at(-1)?.number ?? 0);
  addKnownCallouts(known, blocks, located, footnoteByNumber);
  const calloutsAt = new Map<Block, Callout[]>();
  blocks.forEach((b, i) => calloutsAt.set(b, located[i]!));
  return (block: Block, from = 0) => {
    const clean = removeCallouts(block.text, calloutsAt.get(block) ?? [], from);
    return { text: trimInvisible(clean.text), refs: clean.refs };
  };
}

/**
 * Call-outs the decoder knows (source offsets of their digits) that the search missed: each is
 * placed in the block holding it, when its digits name a footnote and no call-out is there yet.
 */
function addKnownCallouts(offsets: readonly number[], blocks: Block[], located: Callout[][], footnotes: ReadonlyMap<number, Footnote>): void {
  if (offsets.length === 0) return;
  // Blocks are in source order: the offsets, sorted, walk them once; a block's call-outs
  // (sorted, apart) are searched by halves. A search of every block and a sort of the block's
  // list per offset grew with the square of a page of superscripts.
  const sorted = [...offsets].sort((x, y) => x - y);
  const added = new Map<number, Callout[]>();
  let b = 0;
  for (const offset of sorted) {
    while (b < blocks.length && blocks[b]!.end <= offset) b++;
    if (b === blocks.length) break;
    const block = blocks[b]!;
    if (offset < block.start) continue;
    const at = blockOffset(block, offset);
    const digits = /^\d{1,3}/.exec(block.text.slice(at, at + 4))?.[0];
    if (!digits || !footnotes.has(Number(digits))) continue;
    const overlaps = (c: Callout | undefined) => c !== undefined && at < c.at + String(c.number).length && c.at < at + digits.length;
    const mine = added.get(b);
    if (overlaps(mine?.at(-1)) || overlaps(firstEndingAfter(located[b]!, at))) continue;
    if (mine) mine.push({ at, number: Number(digits) });
    else added.set(b, [{ at, number: Number(digits) }]);
  }
  for (const [index, list] of added) {
    const merged = located[index]!;
    for (const c of list) merged.push(c);
    merged.sort((x, y) => x.at - y.at);
  }
}

/** The first of a block's call-outs (in order, apart) whose digits end after `at`. */
function firstEndingAfter(callouts: Callout[], at: number): Callout | undefined {
  let lo = 0;
  let hi = callouts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = callouts[mid]!;
    if (c.at + String(c.number).length <= at) lo = mid + 1;
    else hi = mid;
  }
  return callouts[lo];
}

/**
 * Each footnote's callers, after the heading, headings and annexes have noted theirs: the
 * paragraphs calling it, "header" only where nothing else does. Footnotes nothing calls are
 * reported.
 */
export function recordCallers(
  preamble: PreambularParagraph[],
  operative: OperativeParagraph[],
  footnotes: Footnote[],
  footnoteByNumber: ReadonlyMap<number, Footnote>,
  problems: Problem[],
): void {
  for (const p of preamble) for (const r of p.footnoteRefs) footnoteByNumber.get(r.number)?.calledFrom.push(formatParagraphRef({ kind: "preambular", number: p.index }));
  for (const p of operative) {
    for (const r of p.footnoteRefs) footnoteByNumber.get(r.number)?.calledFrom.push(formatParagraphRef({ kind: "operative", number: p.number }));
  }
  // A plain loop: chains of array builtins over `footnotes` (an empty literal in most texts,
  // an array of objects in others) made V8 deoptimize this function thousands of times a run.
  const uncalled: number[] = [];
  for (const f of footnotes) {
    // "header" counts only when it is the one place that calls the note
    const onlyOne = f.calledFrom.length === 1;
    const distinct = [...new Set(f.calledFrom)];
    f.calledFrom = onlyOne ? distinct : distinct.filter((c) => c !== "header");
    if (f.calledFrom.length === 0) uncalled.push(f.number);
  }
  if (uncalled.length) {
    problems.push(problem("footnote-uncalled", `footnote${uncalled.length > 1 ? "s" : ""} ${uncalled.join(", ")} ha${uncalled.length > 1 ? "ve" : "s"} no call-out in the text`));
  }
}

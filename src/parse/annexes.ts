import { formatParagraphRef } from "../model/paragraphs.js";
import type { LineIndex } from "../model/position.js";
import type { Annex, Footnote } from "../model/types.js";
import type { Block } from "./blocks.js";
import type { BlockText } from "./footnotes.js";
import { TERMINAL_PUNCTUATION } from "./patterns.js";

const ANNEX_LINE = /^Annex(?:es)?(?:[\t \u00a0]+([IVXL]{1,6}|[A-Z]|\d{1,2}))?\s*$/i;

/** Annexes after the closing lines: each opened by its "Annex" line, then an optional title and its blocks. */
export function readAnnexes(annexBlocks: Block[], take: BlockText, index: LineIndex, footnoteByNumber: ReadonlyMap<number, Footnote>): Annex[] {
  const annexes: Annex[] = [];
  for (const block of annexBlocks) {
    const m = ANNEX_LINE.exec(block.text);
    const clean = take(block);
    if (m) {
      annexes.push({ type: "annex", label: clean.text, title: null, blocks: [], position: index.span(block.start, block.end) });
      continue;
    }
    const annex = annexes.at(-1);
    if (!annex) continue;
    if (annex.title === null && annex.blocks.length === 0 && !TERMINAL_PUNCTUATION.test(clean.text) && clean.text.length < 300) {
      annex.title = clean.text;
    } else {
      annex.blocks.push({ text: clean.text, position: index.span(block.start, block.end) });
    }
    for (const ref of clean.refs) footnoteByNumber.get(ref.number)?.calledFrom.push(formatParagraphRef({ kind: "annex", number: annexes.length }));
    annex.position = index.span(annex.position.start.offset, block.end);
  }
  return annexes;
}

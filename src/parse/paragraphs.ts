import type { LineIndex } from "../model/position.js";
import type { Footnote, FootnoteRef, Heading, Metadata, OperativeParagraph, PreambularParagraph, SubParagraph } from "../model/types.js";
import type { Block } from "./blocks.js";
import type { BlockText } from "./footnotes.js";
import { type OpeningPhrase, openingPhrase } from "./lexicon/phrases.js";
import { scMeetingLine } from "./metadata.js";
import { FORMULA, FORMULA_INLINE, LATE_OPERATIVE, OPERATIVE, PART_LINE, TERMINAL_PUNCTUATION } from "./patterns.js";

/**
 * Classification: each block of the main text as the formula, a preambular paragraph, an
 * operative paragraph (numbered, or unnumbered when it opens with an operative verb), a
 * sub-paragraph, a section heading, or text continuing the paragraph before it.
 */

const SUBPARAGRAPH = /^\((?:([a-z]{1,3})|([ivxlc]{1,7})|(\d{1,2}))\)[\t \u00a0]*/;
const ROMAN_OR_LETTER_HEADING = /^(?:[IVXL]{1,6}|[A-Z])\.?$/;

export interface Body {
  formula: string | null;
  preamble: PreambularParagraph[];
  operative: OperativeParagraph[];
  headings: Heading[];
}

/** What classifying a block needs from the stages before: the source's lines, the heading's metadata, the call-outs. */
export interface BodyContext {
  index: LineIndex;
  meta: Metadata;
  take: BlockText;
  footnoteByNumber: ReadonlyMap<number, Footnote>;
}

/** The paragraphs so far, and the part and section the next one is placed in. */
interface Reading extends Body {
  section: string | undefined;
  currentPart: string | undefined;
  /**
   * The text last added to the last operative paragraph, where whether it ends a sentence is
   * read: testing the paragraph's whole growing text copied it at every line added to it.
   */
  operativeTail: string;
}

export function classifyBlocks(blocks: Block[], formula: string | null, part: string | undefined, context: BodyContext): Body {
  const { meta, take } = context;
  const body: Reading = { formula, preamble: [], operative: [], headings: [], section: undefined, currentPart: part, operativeTail: "" };
  const { preamble, operative } = body;

  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    let from = 0;
    if (!body.formula && FORMULA.test(block.text)) {
      body.formula = block.text;
      continue;
    }
    const inline = FORMULA_INLINE.exec(block.text);
    if (inline && preamble.length === 0 && operative.length === 0) {
      body.formula = inline[0].trim();
      from = inline[0].length;
    }
    const rest = from ? block.text.slice(from) : block.text;
    // "Adopted at the 645th meeting by 10 votes to none": the Security Council's closing line
    const scMeeting = scMeetingLine(rest);
    if (scMeeting !== null) {
      meta.plenaryMeeting ??= scMeeting;
      continue;
    }
    const op = OPERATIVE.exec(rest) ?? lateOperative(rest, operative.at(-1));
    if (op) {
      const clean = take(block, from + op[0].length);
      pushOperative(body, Number(op[1]), true, clean, openingPhrase(clean.text, "operative"), block, context.index);
      continue;
    }
    const sub = SUBPARAGRAPH.exec(rest);
    if (sub && (operative.length > 0 || preamble.length > 0)) {
      readSubparagraph(body, block, sub, from, context);
      continue;
    }
    if (isHeading(block, blocks[bi + 1])) {
      readSectionHeading(body, block, context);
      continue;
    }
    readUnmarked(body, block, take(block, from), context.index);
  }
  return { formula: body.formula, preamble, operative, headings: body.headings };
}

function placement(body: Reading): { part?: string; section?: string } {
  return { ...(body.currentPart ? { part: body.currentPart } : {}), ...(body.section ? { section: body.section } : {}) };
}

function pushOperative(body: Reading, number: number, numbered: boolean, clean: { text: string; refs: FootnoteRef[] }, phrase: OpeningPhrase, block: Block, index: LineIndex): void {
  body.operativeTail = clean.text;
  body.operative.push({
    type: "operative",
    number,
    numbered,
    phrase: phrase.written,
    verb: phrase.normal,
    lead: clean.text,
    subparagraphs: [],
    text: clean.text,
    footnoteRefs: clean.refs,
    position: index.span(block.start, block.end),
    citations: [],
    mandates: [],
    sdgs: [],
    ...placement(body),
  });
}

/** "(a) ...": a sub-paragraph of the last operative paragraph, or text of the last preambular one. */
function readSubparagraph(body: Reading, block: Block, sub: RegExpExecArray, from: number, { index, take }: BodyContext): void {
  const { preamble, operative } = body;
  const label = sub[1] ?? sub[2] ?? sub[3]!;
  const clean = take(block, from + sub[0].length);
  const node: SubParagraph = {
    type: "subparagraph",
    label,
    text: clean.text,
    footnoteRefs: clean.refs,
    position: index.span(block.start, block.end),
    children: [],
  };
  const owner = operative.at(-1);
  if (owner && (preamble.length === 0 || operative.length > 0)) {
    attachSubparagraph(owner, node, `(${label})`);
    body.operativeTail = clean.text;
  } else {
    const p = preamble.at(-1)!;
    addRefs(p.footnoteRefs, clean.refs, p.text.length + label.length + 3);
    p.text += ` (${label}) ${clean.text}`;
    p.position = index.span(p.position.start.offset, block.end);
  }
}

/** A part letter opens a part; any other heading names the section of the paragraphs after it. */
function readSectionHeading(body: Reading, block: Block, { index, take, footnoteByNumber }: BodyContext): void {
  const partMatch = PART_LINE.exec(block.text);
  const clean = take(block);
  for (const ref of clean.refs) footnoteByNumber.get(ref.number)?.calledFrom.push("header");
  if (partMatch && isPartLetter(partMatch[1]!, body.currentPart)) {
    body.currentPart = partMatch[1]!;
    body.section = undefined;
  } else {
    body.section = clean.text;
  }
  body.headings.push({ type: "heading", num: partMatch ? partMatch[1]! : null, text: clean.text, position: index.span(block.start, block.end), ...placement(body) });
}

/** A block with no number or label: a preambular paragraph, an unnumbered operative one, or the previous paragraph's continuation. */
function readUnmarked(body: Reading, block: Block, clean: { text: string; refs: FootnoteRef[] }, index: LineIndex): void {
  const { preamble, operative } = body;
  if (operative.length === 0) {
    const phrase = openingPhrase(clean.text, "preamble");
    // "The General Assembly / Adopts the following declaration:": an operative paragraph
    // with no number and no preamble before it
    const verb = phrase.known ? null : openingPhrase(clean.text, "operative");
    if (verb?.known) {
      pushOperative(body, 1, false, clean, verb, block, index);
      return;
    }
    // Lines that do not open like a preambular paragraph continue the previous one
    // (quotations, lists) unless there is none.
    const continues = preamble.length > 0 && !phrase.known && /^[a-z\u201c"(]/.test(clean.text);
    if (continues) {
      const p = preamble.at(-1)!;
      addRefs(p.footnoteRefs, clean.refs, p.text.length + 1);
      p.text += " " + clean.text;
      p.position = index.span(p.position.start.offset, block.end);
      return;
    }
    preamble.push({
      type: "preambular",
      index: preamble.length + 1,
      phrase: phrase.written,
      starter: phrase.normal,
      text: clean.text,
      footnoteRefs: clean.refs,
      position: index.span(block.start, block.end),
      citations: [],
      sdgs: [],
      ...placement(body),
    });
    return;
  }
  // After the numbered paragraphs began: an unnumbered operative paragraph when it opens
  // with an operative verb, otherwise text that belongs to the previous paragraph.
  const phrase = openingPhrase(clean.text, "operative");
  const previous = operative.at(-1)!;
  if (phrase.known && /[;.]["\u201d\u2019]?$/.test(body.operativeTail)) {
    pushOperative(body, previous.number + 1, false, clean, phrase, block, index);
    return;
  }
  appendToOperative(previous, clean.text, clean.refs, index.span(previous.position.start.offset, block.end));
  body.operativeTail = clean.text;
}

function lateOperative(text: string, previous: OperativeParagraph | undefined): RegExpExecArray | null {
  const m = LATE_OPERATIVE.exec(text);
  return m && previous && Number(m[1]) === previous.number + 1 ? m : null;
}

/**
 * A section heading: a part letter or roman numeral alone, or a short line without closing
 * punctuation that is followed by a paragraph ("Pillar III: measures to ...", "Follow-up").
 */
function isHeading(block: Block, next: Block | undefined): boolean {
  const t = block.text;
  if (t.length > 400) return false;
  if (PART_LINE.test(t) || ROMAN_OR_LETTER_HEADING.test(t)) return true;
  if (TERMINAL_PUNCTUATION.test(t) || /^[a-z(]/.test(t) || !next) return false;
  if (openingPhrase(t, "preamble").known || openingPhrase(t, "operative").known) return false;
  const n = next.text;
  return OPERATIVE.test(n) || PART_LINE.test(n) || openingPhrase(n, "preamble").known || openingPhrase(n, "operative").known;
}

/**
 * "B" alone opens part B; but "I", "V" and "X" alone are roman section numbers unless they
 * follow parts A..H, V..W in order.
 */
function isPartLetter(letter: string, currentPart: string | undefined): boolean {
  if (!/^[IVX]$/.test(letter)) return true;
  const previous = String.fromCharCode(letter.charCodeAt(0) - 1);
  return currentPart === previous;
}

function attachSubparagraph(owner: OperativeParagraph, node: SubParagraph, printedLabel: string): void {
  const isRoman = /^[ivx]+$/.test(node.label) && node.label !== "i" && node.label !== "v" && node.label !== "x";
  const lastSub = owner.subparagraphs.at(-1);
  // (i), (ii) under a lettered item are its children; "i", "v", "x" are letters unless they
  // follow a roman sequence (h)->(i) is a letter, (a)->(i) a roman numeral.
  const romanChild =
    lastSub && (isRoman || (/^[ivx]$/.test(node.label) && !followsLetter(lastSub.label, node.label)));
  if (romanChild && /^[a-z]{1,3}$/.test(lastSub.label) && !/^[ivx]+$/.test(lastSub.label)) lastSub.children.push(node);
  else if (romanChild && lastSub.children.length) lastSub.children.push(node);
  else owner.subparagraphs.push(node);
  appendToOperative(owner, `${printedLabel} ${node.text}`, node.footnoteRefs.map((r) => ({ number: r.number, offset: r.offset + printedLabel.length + 1 })), {
    start: owner.position.start,
    end: node.position.end,
  });
}

function followsLetter(previous: string, label: string): boolean {
  return previous.length === 1 && label.length === 1 && label.charCodeAt(0) === previous.charCodeAt(0) + 1;
}

function appendToOperative(p: OperativeParagraph, text: string, refs: FootnoteRef[], position: OperativeParagraph["position"]): void {
  addRefs(p.footnoteRefs, refs, p.text.length + 1);
  p.text += " " + text;
  p.position = position;
}

/** Appends call-outs moved by `shift`, one by one: spread into one call, 100,000 of them overflow the stack. */
function addRefs(into: FootnoteRef[], refs: readonly FootnoteRef[], shift: number): void {
  for (const r of refs) into.push({ number: r.number, offset: r.offset + shift });
}

import { LineIndex } from "../model/position.js";
import type {
  Annex,
  Footnote,
  FootnoteRef,
  Heading,
  Language,
  Metadata,
  OperativeParagraph,
  Parsed,
  PreambularParagraph,
  Problem,
  Resolution,
  SourceFormat,
  SubParagraph,
} from "../model/types.js";
import { type Block, blockOffset, type Line, lineBlock, splitLines, toBlocks } from "./blocks.js";
import { type Callout, locateCallouts, removeCallouts } from "./callouts.js";
import { type OpeningPhrase, openingPhrase } from "./lexicon/phrases.js";
import {
  adoptionLine,
  coverFacts,
  dateLine,
  distributionDate,
  meetingLine,
  numberTitleLine,
  reportLine,
  scAdoptionLine,
  scMeetingLine,
  scNumberLine,
} from "./metadata.js";
import { sessionOfDate } from "../model/session.js";

/**
 * Text to document model, for English resolutions in the layouts the UN publishes: ODS text
 * exports (one paragraph per line, cover block at the end), hard-wrapped texts (Security
 * Council texts) and the text layer of PDFs after the PDF decoder has removed page furniture.
 *
 * Stages: lines -> zones (heading, preamble and body, closing, footnotes, cover) -> blocks ->
 * classified paragraphs -> footnote call-outs -> metadata.
 */

export interface ParseOptions {
  format?: SourceFormat;
  name?: string;
  language?: Language;
  /** Problems found by the decoder, carried into the document. */
  problems?: Problem[];
  /**
   * Offsets in the text of digits the source shows as call-outs (a PDF's superscripts): added
   * where the parser's own search, which must tell call-outs from other digits glued to words,
   * did not find them.
   */
  callouts?: readonly number[];
}

// white space, then punctuation and white space: "\s*[,.:]?\s*$" backtracked over a long run of spaces, in the square of its length
const FORMULA = /^["\u201c]?The (General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference)\s*(?:[,.:]\s*)?$/i;
const FORMULA_INLINE = /^["\u201c]?The (General Assembly|Security Council|Economic and Social Council|Human Rights Council)\s*,\s+/i;
const OPERATIVE = /^(\d{1,3})\.[\t \u00a0]+/;
/** A four-digit number opens an operative paragraph only in turn (1000 after 999): a year can open a line too. */
const LATE_OPERATIVE = /^(\d{4})\.[\t \u00a0]+/;
const SUBPARAGRAPH = /^\((?:([a-z]{1,3})|([ivxlc]{1,7})|(\d{1,2}))\)[\t \u00a0]*/;
const ROMAN_OR_LETTER_HEADING = /^(?:[IVXL]{1,6}|[A-Z])\.?$/;
const PART_LINE = /^([A-Z])(\d{0,2})$/;
const ANNEX_LINE = /^Annex(?:es)?(?:[\t \u00a0]+([IVXL]{1,6}|[A-Z]|\d{1,2}))?\s*$/i;
const ODS_TRAILER = /^<<ODS (?:JOB NO|DOC SYMBOL)/;
const isInvisible = (c: number) => c === 0x200b || c === 0x200e || c === 0x200f || c === 0xfeff;

/** Drops zero-width spaces, direction marks and BOMs at both ends (ODS exports of RTL-aware files carry them). */
function trimInvisible(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isInvisible(text.charCodeAt(start))) start++;
  while (end > start && isInvisible(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}
const TERMINAL_PUNCTUATION = /[,;:.]["\u201d\u2019]?$/;

const error = (code: string, message: string): Problem => ({ code, severity: "error", message });
const warning = (code: string, message: string): Problem => ({ code, severity: "warning", message });

export function parseResolutionText(text: string, options: ParseOptions = {}): Parsed {
  // An array literal, not a spread: its allocation site learns that it holds objects, where a
  // spread of an empty array made every later push deoptimize this function.
  const problems: Problem[] = [];
  for (const p of options.problems ?? []) problems.push(p);
  // [DU1] field markers, found by one native search rather than a search per line
  const markers: number[] = [];
  for (let at = text.indexOf("[DU1]"); at !== -1; at = text.indexOf("[DU1]", at + 1)) markers.push(at);
  const format = options.format ?? (markers.length > 0 ? "ods" : "text");
  const index = new LineIndex(text);
  const lines = splitLines(text);

  // --- zones ---------------------------------------------------------------------------
  // the first line of the ODS cover block, found by a native search of the whole text: a
  // regular expression per line costs a scan of every character
  let trailer = lines.length;
  for (let at = text.indexOf("<<ODS "); at !== -1; at = text.indexOf("<<ODS ", at + 1)) {
    if (ODS_TRAILER.test(text.slice(at, at + 24))) {
      trailer = index.point(at).line - 1;
      break;
    }
  }
  const cover = coverFacts(lines.slice(trailer).map((l) => l.text).join("\n"));
  const bodyLines = lines.slice(0, trailer);
  // each line holding markers is copied once, however many it holds (markers ascend, so a
  // line's markers are consecutive)
  let stripped = -1;
  for (const at of markers) {
    const line = index.point(at).line - 1;
    if (line < bodyLines.length && line !== stripped) bodyLines[line] = stripMarkers(bodyLines[line]!);
    stripped = line;
  }

  const formulaAt = bodyLines.findIndex((l) => FORMULA.test(l.text.trim()) || FORMULA_INLINE.test(l.text.trim()));
  let closingAt = -1;
  for (let i = bodyLines.length - 1; i >= 0; i--) {
    if (meetingLine(bodyLines[i]!.text) && (formulaAt === -1 || i > formulaAt)) {
      closingAt = i;
      break;
    }
  }
  const onePerLine = format === "ods" || mostlyTabIndented(bodyLines);

  const headingEnd = formulaAt === -1 ? findBodyStart(bodyLines, onePerLine) : formulaAt;
  const headingLines = bodyLines.slice(0, headingEnd);
  const formulaLine = formulaAt === -1 ? null : bodyLines[formulaAt]!;
  const mainEnd = closingAt === -1 ? bodyLines.length : closingAt;
  let mainLines = bodyLines.slice(formulaAt === -1 ? headingEnd : formulaAt + 1, mainEnd);

  // The closing: meeting line, date line, then annexes and footnotes in ODS exports.
  let meeting: number | null = null;
  let closingDate: string | null = null;
  let closingPosition = null;
  let afterClosing: Line[] = [];
  if (closingAt !== -1) {
    const m = meetingLine(bodyLines[closingAt]!.text)!;
    meeting = m.meeting;
    let next = closingAt + 1;
    while (next < bodyLines.length && !bodyLines[next]!.text.trim()) next++;
    const d = next < bodyLines.length ? dateLine(bodyLines[next]!.text) : null;
    const closeEnd = d ? bodyLines[next]!.end : bodyLines[closingAt]!.end;
    closingPosition = index.span(bodyLines[closingAt]!.start, closeEnd);
    if (d) {
      closingDate = d;
      next++;
    }
    afterClosing = bodyLines.slice(next);
  }
  const { footnoteLines, annexLines } = splitFootnoteZone(afterClosing, mainLines);
  if (closingAt === -1) {
    // Without a closing line, footnotes may still trail the text (PDF decoder output).
    mainLines = mainLines.slice(0, mainLines.length - footnoteLines.length);
  }

  // --- heading ---------------------------------------------------------------------------
  const meta: Metadata = {
    symbol: null,
    body: "GA",
    language: options.language ?? "en",
    title: null,
    adoptionDate: null,
    session: null,
    committee: null,
    committeeReport: null,
    agendaItem: null,
    plenaryMeeting: meeting,
    distributionDate: cover.distributionDate ?? null,
    jobNumber: cover.jobNumber ?? null,
  };
  const headerBlocks: Block[] = [];
  let number: string | null = null;
  let part: string | undefined;
  let sc: { number: number; year: number } | null = null;
  let committeeSeen = false;
  for (let i = 0; i < headingLines.length; i++) {
    const line = headingLines[i]!;
    const t = line.text.trim();
    if (!t) continue;
    const adopted = adoptionLine(t);
    if (adopted) {
      meta.body = adopted.body;
      meta.adoptionDate = adopted.date;
      continue;
    }
    // the adoption line may wrap: "Adopted by the Security Council at its 4653rd meeting,\non 4 December 2002"
    const nextLine = headingLines[i + 1]?.text.trim() ?? "";
    const scAdopted = scAdoptionLine(t) ?? (/^Adopted\b/i.test(t) && nextLine ? scAdoptionLine(`${t} ${nextLine}`) : null);
    if (scAdopted) {
      meta.body = "SC";
      meta.adoptionDate = scAdopted.date;
      meta.plenaryMeeting = scAdopted.meeting;
      if (!scAdoptionLine(t)) i++;
      continue;
    }
    const report = reportLine(t);
    if (report && !committeeSeen) {
      committeeSeen = true;
      meta.committee = report.committee;
      meta.committeeReport = report.report;
      continue;
    }
    const nt = numberTitleLine(t);
    if (nt && !number) {
      number = nt.number;
      meta.session = nt.session;
      part = nt.part;
      // the title runs on until a blank line
      let title = nt.title;
      const block = lineBlock(line)!;
      headerBlocks.push(block);
      while (i + 1 < headingLines.length && headingLines[i + 1]!.text.trim() && !PART_LINE.test(headingLines[i + 1]!.text.trim())) {
        i++;
        title += " " + headingLines[i]!.text.trim();
        headerBlocks.push(lineBlock(headingLines[i]!)!);
      }
      meta.title = title.replace(/\s+/g, " ").trim();
      continue;
    }
    const scn = scNumberLine(t);
    if (scn && !sc) {
      sc = scn;
      meta.body = "SC";
      if (scn.date) meta.adoptionDate ??= scn.date;
      continue;
    }
    // "Resolution 242 (1967)" then "of 22 November 1967"
    const ofDate = sc && !meta.adoptionDate && /^of \d/.test(t) ? dateLine(t.slice(3)) : null;
    if (ofDate) {
      meta.adoptionDate = ofDate;
      continue;
    }
    if (/^(?:(?:Distr\.|General Assembly|Security Council|United Nations)\b)/.test(t)) {
      meta.distributionDate ??= distributionDate(headingLines.slice(i, i + 3).map((l) => l.text).join("\n"));
    }
    const b = lineBlock(line);
    if (b) headerBlocks.push(b);
  }

  // --- footnotes (read first: call-outs are found by number) ------------------------------
  const footnotes = readFootnotes(footnoteLines, index);
  const footnoteByNumber = new Map(footnotes.map((f) => [f.number, f]));
  const blocks = toBlocks(mainLines, onePerLine);
  const annexBlocks = toBlocks(annexLines, onePerLine);
  const allBlocks = [...headerBlocks, ...blocks, ...annexBlocks];
  const located = locateCallouts(allBlocks.map((b) => b.text), footnotes[0]?.number ?? 1, footnotes.at(-1)?.number ?? 0);
  addKnownCallouts(options.callouts ?? [], allBlocks, located, footnoteByNumber);
  const calloutsAt = new Map<Block, Callout[]>();
  allBlocks.forEach((b, i) => calloutsAt.set(b, located[i]!));
  /** The block's text from `from` on, call-outs removed, invisible direction marks dropped. */
  const take = (block: Block, from = 0) => {
    const clean = removeCallouts(block.text, calloutsAt.get(block) ?? [], from);
    return { text: trimInvisible(clean.text), refs: clean.refs };
  };
  // call-outs in the heading (a title or part letter can carry one)
  for (const b of headerBlocks) {
    const found = take(b);
    for (const ref of found.refs) footnoteByNumber.get(ref.number)?.calledFrom.push("header");
    if (found.refs.length && meta.title && b.text.includes(meta.title.slice(0, 20))) meta.title = meta.title.replace(/(\D)\d{1,3}$/, "$1");
  }

  // --- preamble and operative part -------------------------------------------------------
  const preamble: PreambularParagraph[] = [];
  const operative: OperativeParagraph[] = [];
  const headings: Heading[] = [];
  const annexes: Annex[] = [];
  let section: string | undefined;
  let formula: string | null = formulaLine ? formulaLine.text.trim() : null;
  let currentPart = part;

  const placement = () => ({ ...(currentPart ? { part: currentPart } : {}), ...(section ? { section } : {}) });
  // The text last added to the last operative paragraph, where whether it ends a sentence is
  // read: testing the paragraph's whole growing text copied it at every line added to it.
  let operativeTail = "";
  const pushOperative = (number: number, numbered: boolean, clean: { text: string; refs: FootnoteRef[] }, phrase: OpeningPhrase, block: Block) => {
    operativeTail = clean.text;
    operative.push({
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
      ...placement(),
    });
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const block = blocks[bi]!;
    let from = 0;
    if (!formula && FORMULA.test(block.text)) {
      formula = block.text;
      continue;
    }
    const inline = FORMULA_INLINE.exec(block.text);
    if (inline && preamble.length === 0 && operative.length === 0) {
      formula = inline[0].trim();
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
      pushOperative(Number(op[1]), true, clean, openingPhrase(clean.text, "operative"), block);
      continue;
    }
    const sub = SUBPARAGRAPH.exec(rest);
    if (sub && (operative.length > 0 || preamble.length > 0)) {
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
        operativeTail = clean.text;
      } else {
        const p = preamble.at(-1)!;
        addRefs(p.footnoteRefs, clean.refs, p.text.length + label.length + 3);
        p.text += ` (${label}) ${clean.text}`;
        p.position = index.span(p.position.start.offset, block.end);
      }
      continue;
    }
    if (isHeading(block, blocks[bi + 1])) {
      const partMatch = PART_LINE.exec(block.text);
      const clean = take(block);
      for (const ref of clean.refs) footnoteByNumber.get(ref.number)?.calledFrom.push("header");
      if (partMatch && isPartLetter(partMatch[1]!, currentPart)) {
        currentPart = partMatch[1]!;
        section = undefined;
      } else {
        section = clean.text;
      }
      headings.push({ type: "heading", num: partMatch ? partMatch[1]! : null, text: clean.text, position: index.span(block.start, block.end), ...placement() });
      continue;
    }
    const clean = take(block, from);
    if (operative.length === 0) {
      const phrase = openingPhrase(clean.text, "preamble");
      // "The General Assembly / Adopts the following declaration:": an operative paragraph
      // with no number and no preamble before it
      const verb = phrase.known ? null : openingPhrase(clean.text, "operative");
      if (verb?.known) {
        pushOperative(1, false, clean, verb, block);
        continue;
      }
      // Lines that do not open like a preambular paragraph continue the previous one
      // (quotations, lists) unless there is none.
      const continues = preamble.length > 0 && !phrase.known && /^[a-z\u201c"(]/.test(clean.text);
      if (continues) {
        const p = preamble.at(-1)!;
        addRefs(p.footnoteRefs, clean.refs, p.text.length + 1);
        p.text += " " + clean.text;
        p.position = index.span(p.position.start.offset, block.end);
        continue;
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
        ...placement(),
      });
      continue;
    }
    // After the numbered paragraphs began: an unnumbered operative paragraph when it opens
    // with an operative verb, otherwise text that belongs to the previous paragraph.
    const phrase = openingPhrase(clean.text, "operative");
    const previous = operative.at(-1)!;
    if (phrase.known && /[;.]["\u201d\u2019]?$/.test(operativeTail)) {
      pushOperative(previous.number + 1, false, clean, phrase, block);
      continue;
    }
    appendToOperative(previous, clean.text, clean.refs, index.span(previous.position.start.offset, block.end));
    operativeTail = clean.text;
  }

  // --- annexes ----------------------------------------------------------------------------
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
    for (const ref of clean.refs) footnoteByNumber.get(ref.number)?.calledFrom.push(`annex.${annexes.length}`);
    annex.position = index.span(annex.position.start.offset, block.end);
  }

  // --- footnote call-outs -> calledFrom ----------------------------------------------------
  for (const p of preamble) for (const r of p.footnoteRefs) footnoteByNumber.get(r.number)?.calledFrom.push(`preamble.${p.index}`);
  for (const p of operative) {
    for (const r of p.footnoteRefs) footnoteByNumber.get(r.number)?.calledFrom.push(`operative.${p.number}`);
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
    problems.push(warning("footnote-uncalled", `footnote${uncalled.length > 1 ? "s" : ""} ${uncalled.join(", ")} ha${uncalled.length > 1 ? "ve" : "s"} no call-out in the text`));
  }

  // --- metadata -----------------------------------------------------------------------------
  if (sc) {
    meta.body = "SC";
    meta.symbol = `S/RES/${sc.number} (${sc.year})`;
  } else if (cover.symbol) {
    meta.symbol = cover.symbol.replace(/\s+/g, " ");
  } else if (number) {
    meta.symbol = `${meta.body === "GA" ? "A/RES/" : ""}${number}${part ? ` ${part}` : ""}`;
  }
  if (meta.body === "GA") {
    meta.session ??= cover.session ?? null;
    if (meta.session === null && meta.symbol) {
      const s = /^A\/RES\/(\d+)\//.exec(meta.symbol);
      if (s) meta.session = Number(s[1]);
    }
    if (meta.session === null && meta.adoptionDate) meta.session = sessionOfDate(meta.adoptionDate);
    if (meta.committeeReport === null && !committeeSeen) meta.committee = null;
  } else {
    meta.session = null;
  }
  meta.agendaItem = cover.agendaItem ?? null;
  meta.adoptionDate ??= closingDate;

  // --- verdict ------------------------------------------------------------------------------
  const why = notAResolution(preamble, operative, Boolean(formula || meta.symbol || meta.adoptionDate || number || sc));
  if (why) return { ok: false, problems: [...problems, error("not-a-resolution", `this text is not a resolution: ${why}`)] };
  if (!meta.symbol) problems.push(warning("no-symbol", "no document symbol was found"));
  if (!formula) problems.push(warning("no-formula", 'no "The General Assembly," formula opens the preamble'));
  if (operative.length === 0) problems.push(warning("no-operative", "no operative paragraph was found"));
  if (closingAt === -1 && meta.body === "GA") {
    problems.push(warning("no-closing", "no plenary meeting line closes the text: it may be truncated"));
  }
  checkNumbering(operative, problems);

  const document: Resolution = {
    type: "resolution",
    meta,
    formula,
    preamble,
    operative,
    headings,
    conclusions: { meeting, date: closingDate, position: closingPosition },
    footnotes,
    annexes,
    citations: [],
    sdgs: [],
    problems,
    source: { format, text, ...(options.name ? { name: options.name } : {}) },
  };
  return { ok: true, document };
}

/**
 * A resolution has a heading (adoption line, number, symbol or formula) or paragraphs that open
 * with the genre's phrases; prose that has neither is not one.
 */
function notAResolution(preamble: PreambularParagraph[], operative: OperativeParagraph[], hasHeading: boolean): string | null {
  if (preamble.length === 0 && operative.length === 0) return "no preambular or operative paragraph was found";
  let known = 0;
  for (const p of preamble) if (known < 2 && openingPhrase(p.text, "preamble").known) known++;
  for (const p of operative) if (known < 2 && openingPhrase(p.text, "operative").known) known++;
  if (hasHeading) return null;
  if (known === 0) return "no resolution heading, and no paragraph opens with a preambular phrase or an operative verb";
  if (known < 2) return "it has no resolution heading and only one paragraph that reads like one";
  return null;
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

function lateOperative(text: string, previous: OperativeParagraph | undefined): RegExpExecArray | null {
  const m = LATE_OPERATIVE.exec(text);
  return m && previous && Number(m[1]) === previous.number + 1 ? m : null;
}

/** One paragraph per line, as in ODS exports, shows as most non-empty lines opening with a tab. */
function mostlyTabIndented(lines: Line[]): boolean {
  const tabbed = lines.filter((l) => l.text.startsWith("\t")).length;
  const nonEmpty = lines.filter((l) => l.text.trim()).length;
  return nonEmpty > 0 && tabbed / nonEmpty > 0.5;
}

/** The line with every [DU1] marker blanked out (offsets kept). */
function stripMarkers(line: Line): Line {
  return { text: line.text.replaceAll("[DU1]", "     "), start: line.start, end: line.end };
}

/**
 * Where the paragraphs begin when no formula line says so: the first line that opens like a
 * paragraph, else the line after the last heading line ("17 (1947). Resolution of ...").
 */
function findBodyStart(lines: Line[], onePerLine: boolean): number {
  let afterHeading = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    if (OPERATIVE.test(t)) return i;
    if (i < 15 && (adoptionLine(t) || scAdoptionLine(t) || reportLine(t) || numberTitleLine(t) || scNumberLine(t))) {
      afterHeading = i + 1;
      continue;
    }
    if (onePerLine && lines[i]!.text.startsWith("\t") && openingPhrase(t, "preamble").known) return i;
    if (!onePerLine && openingPhrase(t, "preamble").known && (i === 0 || !lines[i - 1]!.text.trim())) return i;
  }
  return afterHeading;
}

/**
 * After the closing lines: annexes (ODS exports put them there) and the footnotes, a run of
 * lines numbered 1, 2, 3 ... at the end. Without a closing line, a numbered run at the very
 * end of the main text is taken as the footnotes.
 */
function splitFootnoteZone(afterClosing: Line[], mainLines: Line[]): { footnoteLines: Line[]; annexLines: Line[] } {
  const zone = afterClosing.length ? afterClosing : [];
  const first = findFootnoteStart(zone);
  if (afterClosing.length) {
    if (first === -1) return { footnoteLines: [], annexLines: zone };
    return { footnoteLines: zone.slice(first), annexLines: zone.slice(0, first) };
  }
  void mainLines;
  return { footnoteLines: [], annexLines: [] };
}

const FOOTNOTE_LINE = /^(\d{1,3})[\t \u00a0]+(\S)/;

function findFootnoteStart(zone: Line[]): number {
  for (let i = 0; i < zone.length; i++) {
    const line = zone[i]!;
    if (line.text.startsWith("\t") || line.text.startsWith("  ")) continue;
    if (FOOTNOTE_LINE.test(line.text)) return i;
  }
  return -1;
}

function readFootnotes(lines: Line[], index: LineIndex): Footnote[] {
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

function checkNumbering(operative: OperativeParagraph[], problems: Problem[]): void {
  let expected = 1;
  for (const p of operative) {
    if (!p.numbered) continue;
    if (p.number !== expected && p.number !== 1) {
      problems.push({
        code: "operative-numbering",
        severity: "warning",
        message: `operative paragraph ${p.number} follows ${expected - 1}`,
        position: p.position,
      });
    }
    expected = p.number + 1;
  }
}


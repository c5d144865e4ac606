import { formatParagraphRef } from "../model/paragraphs.js";
import { LineIndex } from "../model/position.js";
import { problem } from "../model/problems.js";
import type {
  Annex,
  Citation,
  Footnote,
  FootnoteRef,
  Heading,
  Language,
  Metadata,
  OperativeParagraph,
  Parsed,
  Position,
  PreambularParagraph,
  Problem,
  Resolution,
  SourceFormat,
  SubParagraph,
} from "../model/types.js";
import { normalisePhrase, opensWithClosedClassWord, type PhraseKind } from "../parse/lexicon/normalise.js";
import { openingPhrase } from "../parse/lexicon/phrases.js";
import { symbolFromLink } from "./links.js";
import type { RichText } from "./rich-text.js";
import { trimEndWhere } from "../model/text.js";

/**
 * Structured decoders (AKN XML, EOSG JSON) read a document's parts straight from its markup
 * into a `Draft`; this module lays the draft out as the plain-text rendering that positions
 * index (heading lines, formula, one paragraph per line, closing lines, annexes, footnotes at
 * the end, in the layout of the UN's ODS text exports) and builds the document tree on it.
 * Keeping layout here means both decoders produce the same text conventions as the text parser:
 * paragraph text without footnote call-outs, sub-paragraphs folded in as "(a) ...", single spaces.
 */

export interface DraftPlacement {
  part?: string;
  section?: string;
}

export interface DraftSubparagraph {
  /** Label without brackets: "a", "ii". */
  label: string;
  body: RichText;
  children: DraftSubparagraph[];
}

export type DraftBlock =
  | ({ kind: "heading"; num: string | null; text: RichText } & DraftPlacement)
  | ({ kind: "preambular"; phrase: string | null; body: RichText } & DraftPlacement)
  | ({
      kind: "operative";
      /** Printed number, or null for an unnumbered paragraph (it gets its order). */
      number: number | null;
      phrase: string | null;
      lead: RichText;
      subparagraphs: DraftSubparagraph[];
    } & DraftPlacement);

export interface DraftAnnex {
  label: string;
  title: RichText | null;
  blocks: RichText[];
}

export interface DraftFootnote {
  number: number;
  body: RichText;
}

export interface Draft {
  format: SourceFormat;
  name?: string;
  meta: Metadata;
  /** Lines above the formula: cover block, adoption line, "[on the report of ...]", number and title. */
  header: RichText[];
  formula: string | null;
  blocks: DraftBlock[];
  conclusions: { meeting: number | null; date: string | null; lines: string[] };
  annexes: DraftAnnex[];
  footnotes: DraftFootnote[];
  problems: Problem[];
}

/** The growing plain-text rendering: one line at a time, offsets known as lines are added. */
class Rendering {
  private readonly lines: string[] = [];
  private length = 0;

  /** Adds a line and returns the offset of its first character. */
  line(text: string): number {
    const start = this.length;
    const clean = text.replace(/[\r\n]+/g, " ");
    this.lines.push(clean);
    this.length += clean.length + 1;
    return start;
  }

  text(): string {
    return this.lines.map((l) => l + "\n").join("");
  }
}

interface PendingSpan {
  start: number;
  end: number;
  assign: (position: Position) => void;
}

export function assemble(draft: Draft): Parsed {
  const rendering = new Rendering();
  const spans: PendingSpan[] = [];
  // Positions need the final text's line index; record spans now, resolve them at the end.
  const at = (start: number, end: number, assign: (p: Position) => void) => spans.push({ start, end, assign });
  const placeholder = (): Position => ({ start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } });
  const citations: Citation[] = [];
  const language = draft.meta.language;

  // symbols already cited in each list (the document's list is added to from every heading,
  // annex block and header line: rebuilt at each, the set grew with the square of them)
  const seenIn = new Map<Citation[], Set<string>>();
  const cite = (rich: RichText, lineStart: number, where: string, into: Citation[]) => {
    let seen = seenIn.get(into);
    if (!seen) seenIn.set(into, (seen = new Set(into.map((c) => `${c.symbol}\u0000${c.in}`))));
    for (const link of rich.links) {
      const shown = rich.text.slice(link.start, link.end);
      const found = symbolFromLink(link.target, shown, rich.text.slice(link.end, link.end + 4));
      if (!found) continue;
      const key = `${found.symbol}\u0000${where}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const citation: Citation = { symbol: found.symbol, kind: found.kind, text: shown, in: where, position: placeholder() };
      at(lineStart + link.start, lineStart + link.end, (p) => (citation.position = p));
      into.push(citation);
    }
  };

  // --- heading ---------------------------------------------------------------------------
  for (const line of draft.header) {
    const start = rendering.line(line.text);
    cite(line, start, "header", citations);
  }
  if (draft.formula) rendering.line(draft.formula);

  // --- preamble, operative part, headings -------------------------------------------------
  const preamble: PreambularParagraph[] = [];
  const operative: OperativeParagraph[] = [];
  const headings: Heading[] = [];
  const calls = new Map<number, string[]>();
  const called = new Set<string>();
  const call = (refs: { number: number }[], where: string) => {
    for (const r of refs) {
      const key = `${r.number}\u0000${where}`;
      if (called.has(key)) continue;
      called.add(key);
      const list = calls.get(r.number);
      if (list) list.push(where);
      else calls.set(r.number, [where]);
    }
  };

  for (const block of draft.blocks) {
    const placement = { ...(block.part ? { part: block.part } : {}), ...(block.section ? { section: block.section } : {}) };
    if (block.kind === "heading") {
      const start = rendering.line(block.text.text);
      const heading: Heading = { type: "heading", num: block.num, text: block.text.text, position: placeholder(), ...placement };
      at(start, start + block.text.text.length, (p) => (heading.position = p));
      cite(block.text, start, "header", citations);
      headings.push(heading);
      continue;
    }
    if (block.kind === "preambular") {
      const start = rendering.line(block.body.text);
      const phrase = phraseOf(block.phrase, block.body.text, "preamble", language);
      const paragraph: PreambularParagraph = {
        type: "preambular",
        index: preamble.length + 1,
        phrase: phrase.written,
        starter: phrase.normal,
        text: block.body.text,
        footnoteRefs: refsOf(block.body),
        position: placeholder(),
        citations: [],
        sdgs: [],
        ...placement,
      };
      at(start, start + block.body.text.length, (p) => (paragraph.position = p));
      const id = formatParagraphRef({ kind: "preambular", number: paragraph.index });
      cite(block.body, start, id, paragraph.citations);
      call(paragraph.footnoteRefs, id);
      preamble.push(paragraph);
      continue;
    }
    const numbered = block.number !== null;
    const number = block.number ?? (operative.at(-1)?.number ?? 0) + 1;
    const prefix = numbered ? `${number}.\t` : "";
    const folded = foldSubparagraphs(block.lead, block.subparagraphs);
    const start = rendering.line(prefix + folded.text.text);
    const textStart = start + prefix.length;
    const phrase = phraseOf(block.phrase, block.lead.text, "operative", language);
    const paragraph: OperativeParagraph = {
      type: "operative",
      number,
      numbered,
      phrase: phrase.written,
      verb: phrase.normal,
      lead: block.lead.text,
      subparagraphs: [],
      text: folded.text.text,
      footnoteRefs: refsOf(folded.text),
      position: placeholder(),
      citations: [],
      mandates: [],
      sdgs: [],
      ...placement,
    };
    at(start, textStart + folded.text.text.length, (p) => (paragraph.position = p));
    paragraph.subparagraphs = folded.subparagraphs.map((s) => subparagraphNode(s, textStart, at, placeholder));
    const id = formatParagraphRef({ kind: "operative", number });
    cite(folded.text, textStart, id, paragraph.citations);
    call(paragraph.footnoteRefs, id);
    operative.push(paragraph);
  }

  // --- closing ------------------------------------------------------------------------------
  const conclusions: Resolution["conclusions"] = { meeting: draft.conclusions.meeting, date: draft.conclusions.date, position: null };
  if (draft.conclusions.lines.length) {
    let first = -1;
    let last = 0;
    for (const l of draft.conclusions.lines) {
      const start = rendering.line(l);
      if (first === -1) first = start;
      last = start + l.length;
    }
    at(first, last, (p) => (conclusions.position = p));
  }

  // --- annexes --------------------------------------------------------------------------------
  const annexes: Annex[] = [];
  for (const draftAnnex of draft.annexes) {
    const annex: Annex = { type: "annex", label: draftAnnex.label, title: draftAnnex.title?.text ?? null, blocks: [], position: placeholder() };
    const id = formatParagraphRef({ kind: "annex", number: annexes.length + 1 });
    const first = rendering.line(draftAnnex.label);
    let last = first + draftAnnex.label.length;
    for (const rich of [...(draftAnnex.title ? [draftAnnex.title] : []), ...draftAnnex.blocks]) {
      const start = rendering.line(rich.text);
      last = start + rich.text.length;
      call(rich.notes, id);
      cite(rich, start, id, citations);
      if (rich === draftAnnex.title) continue;
      const block = { text: rich.text, position: placeholder() };
      at(start, last, (p) => (block.position = p));
      annex.blocks.push(block);
    }
    at(first, last, (p) => (annex.position = p));
    annexes.push(annex);
  }

  // --- footnotes ------------------------------------------------------------------------------
  const footnotes: Footnote[] = [];
  for (const draftNote of draft.footnotes) {
    const prefix = `${draftNote.number}\t`;
    const start = rendering.line(prefix + draftNote.body.text);
    const note: Footnote = {
      type: "footnote",
      number: draftNote.number,
      text: draftNote.body.text,
      calledFrom: calls.get(draftNote.number) ?? [],
      position: placeholder(),
      citations: [],
    };
    at(start, start + prefix.length + draftNote.body.text.length, (p) => (note.position = p));
    cite(draftNote.body, start + prefix.length, formatParagraphRef({ kind: "footnote", number: draftNote.number }), note.citations);
    footnotes.push(note);
  }

  const text = rendering.text();
  const index = new LineIndex(text);
  for (const s of spans) s.assign(index.span(s.start, s.end));

  const problems = [...draft.problems];
  if (preamble.length === 0 && operative.length === 0) {
    return { ok: false, problems: [...problems, problem("not-a-resolution", "the document has no preambular or operative paragraph")] };
  }
  if (!draft.meta.symbol) problems.push(problem("no-symbol", "no document symbol was found"));
  if (operative.length === 0) problems.push(problem("no-operative", "no operative paragraph was found"));
  const known = new Set(draft.footnotes.map((f) => f.number));
  const dangling = [...calls.keys()].filter((n) => !known.has(n));
  if (dangling.length) problems.push(problem("footnote-missing", `call-outs to footnotes ${dangling.join(", ")} have no footnote text`));

  const document: Resolution = {
    type: "resolution",
    meta: draft.meta,
    formula: draft.formula,
    preamble,
    operative,
    headings,
    conclusions,
    footnotes,
    annexes,
    citations,
    sdgs: [],
    problems,
    source: { format: draft.format, text, ...(draft.name ? { name: draft.name } : {}) },
  };
  return { ok: true, document };
}

/**
 * The opening phrase: the decoder's (the italic span of AKN) when it has one, else the lexicon's
 * reading of the text. Outside English the lexicon does not apply: the phrase is the span itself.
 */
function phraseOf(given: string | null, text: string, kind: PhraseKind, language: Language): { written: string; normal: string } {
  const written = given === null ? undefined : trimEndWhere(given.replace(/\s+/g, " ").trim(), /[,;:]/);
  // a phrase the source marks is taken as it is, unless it opens with an article or the like
  const normal = written ? normalisePhrase(written, kind) : "";
  if (written && opensWithClosedClassWord(normal)) return { written: "", normal: "" };
  if (written) return { written, normal };
  if (language === "en") {
    const found = openingPhrase(text, kind);
    return { written: found.written, normal: found.normal };
  }
  const firstWord = /^\S+/.exec(text)?.[0] ?? "";
  return { written: firstWord, normal: normalisePhrase(firstWord, kind) };
}

function refsOf(rich: RichText): FootnoteRef[] {
  return rich.notes.map((n) => ({ number: n.number, offset: n.offset }));
}

interface FoldedSub {
  label: string;
  text: string;
  refs: FootnoteRef[];
  /** Offsets in the folded paragraph text: from "(a)" to the end of the last descendant. */
  start: number;
  end: number;
  children: FoldedSub[];
}

/** Lead and sub-paragraphs as one text: "Decides: (a) To ...; (b) To ...". */
function foldSubparagraphs(lead: RichText, subs: DraftSubparagraph[]): { text: RichText; subparagraphs: FoldedSub[] } {
  let text = lead.text;
  const notes = [...lead.notes];
  const links = [...lead.links];
  const fold = (sub: DraftSubparagraph): FoldedSub => {
    if (text) text += " ";
    const start = text.length;
    const label = `(${sub.label})`;
    text += label;
    if (sub.body.text) text += " ";
    const bodyStart = text.length;
    text += sub.body.text;
    // one by one: spread into one call, a hundred thousand overflow the stack
    for (const n of sub.body.notes) notes.push({ number: n.number, offset: bodyStart + n.offset });
    for (const l of sub.body.links) links.push({ target: l.target, start: bodyStart + l.start, end: bodyStart + l.end });
    const children = sub.children.map(fold);
    return {
      label: sub.label,
      text: sub.body.text,
      refs: sub.body.notes.map((n) => ({ number: n.number, offset: n.offset })),
      start,
      end: text.length,
      children,
    };
  };
  const subparagraphs = subs.map(fold);
  return { text: { text, notes, links }, subparagraphs };
}

function subparagraphNode(
  sub: FoldedSub,
  textStart: number,
  at: (start: number, end: number, assign: (p: Position) => void) => void,
  placeholder: () => Position,
): SubParagraph {
  const node: SubParagraph = {
    type: "subparagraph",
    label: sub.label,
    text: sub.text,
    footnoteRefs: sub.refs,
    position: placeholder(),
    children: sub.children.map((c) => subparagraphNode(c, textStart, at, placeholder)),
  };
  at(textStart + sub.start, textStart + sub.end, (p) => (node.position = p));
  return node;
}

/** Metadata with nothing known yet: decoders fill what their source carries. */
export function emptyMetadata(language: Language): Metadata {
  return {
    symbol: null,
    body: "GA",
    language,
    title: null,
    adoptionDate: null,
    session: null,
    committee: null,
    committeeReport: null,
    agendaItem: null,
    plenaryMeeting: null,
    distributionDate: null,
    jobNumber: null,
  };
}

import { mandateIds } from "../compare/mandate-id.js";
import { formatParagraphRef, paragraphRef } from "../model/paragraphs.js";
import type { Citation, FootnoteRef, Mandate, MandateDecisionKind, MandateEnd, MandateReview, OperativeParagraph, PreambularParagraph, Resolution, SdgLink, SubParagraph } from "../model/types.js";

/**
 * The reading view of a resolution: the text as the UN prints it (title, preamble, numbered
 * operative paragraphs with their sub-paragraphs, footnotes), each block cut into runs so that
 * a page can mark what the registry found in it: the words of a citation, a footnote call-out
 * where it stood, the clause a mandate asks for. Runs come from the model's own fields; a
 * citation or mandate whose words cannot be found in the block's text is left unmarked (it is
 * still listed with the paragraph).
 */

export type Run =
  | { text: string; citation?: number; mandate?: number }
  | { footnote: number };

export interface ReadingMandate {
  id: number;
  /** The mandate's stable id (src/compare/mandate-id.ts): its review page and decisions are filed under it. */
  key: string;
  /** The paragraph's reference, with its part (`B.operative.3`): the anchor of its paragraph. */
  in: string;
  sub: string | null;
  actor: string;
  actorCanonical: string | null;
  actorType: string;
  verb: string;
  category: string;
  force: number;
  action: string;
  report: boolean;
  reportTo: string | null;
  deliverable: string | null;
  dueSession: number | null;
  deadline: string | null;
  deadlineYears: string | null;
  recurrence: string | null;
  hasReviewOrEnd: boolean;
  /** ISO date by or until which to act. */
  dueDate: string | null;
  /** A decision about the actor's own mandate (establish, extend, renew, modify, terminate). */
  decision: MandateDecisionKind | null;
  end: MandateEnd | null;
  review: MandateReview | null;
}

export interface ReadingCitation {
  id: number;
  symbol: string;
  kind: string;
  text: string;
  in: string;
}

export interface ReadingSub {
  label: string;
  runs: Run[];
  children: ReadingSub[];
}

export interface ReadingParagraph {
  /** Its reference (model/paragraphs.ts): `preamble.N`, `operative.N`, `B.operative.N` in part B; the anchor and the API's paragraph reference. */
  id: string;
  kind: "preambular" | "operative";
  number: number;
  numbered: boolean;
  part: string | null;
  section: string | null;
  /** The opening phrase, printed in italics ("Recalling", "Requests"). */
  phrase: string;
  runs: Run[];
  subparagraphs: ReadingSub[];
  mandates: number[];
  citations: number[];
  sdgs: SdgLink[];
}

export interface ReadingView {
  symbol: string | null;
  title: string | null;
  formula: string | null;
  headings: { num: string | null; text: string; part: string | null; section: string | null }[];
  paragraphs: ReadingParagraph[];
  footnotes: { number: number; text: string; calledFrom: string[] }[];
  annexes: { label: string; title: string | null; blocks: string[] }[];
  mandates: ReadingMandate[];
  citations: ReadingCitation[];
  sdgs: SdgLink[];
  conclusions: { meeting: number | null; date: string | null };
}

interface Span {
  start: number;
  end: number;
  citation?: number;
  mandate?: number;
}

/** Cuts `text` at the spans' edges and the call-outs' offsets; a run carries the spans covering it. */
export function runsOf(text: string, spans: readonly Span[], notes: readonly FootnoteRef[]): Run[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const noteAt = new Map<number, number[]>();
  for (const n of notes) {
    const at = Math.max(0, Math.min(text.length, n.offset));
    cuts.add(at);
    noteAt.set(at, [...(noteAt.get(at) ?? []), n.number]);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < edges.length; i++) {
    const start = edges[i]!;
    for (const number of noteAt.get(start) ?? []) runs.push({ footnote: number });
    const end = edges[i + 1];
    if (end === undefined || end === start) continue;
    const run: { text: string; citation?: number; mandate?: number } = { text: text.slice(start, end) };
    for (const s of spans) {
      if (s.start <= start && s.end >= end) {
        if (s.citation !== undefined) run.citation = s.citation;
        if (s.mandate !== undefined) run.mandate = s.mandate;
      }
    }
    runs.push(run);
  }
  return runs;
}

/** Where `needle` stands in `text` from `from`, ignoring differences of spacing; null when absent. */
export function locate(text: string, needle: string, from = 0): { start: number; end: number } | null {
  const words = needle.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const exact = text.indexOf(needle.trim(), from);
  if (exact >= 0) return { start: exact, end: exact + needle.trim().length };
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const pattern = new RegExp(escaped.join("\\s+"), "g");
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

interface Block {
  text: string;
  notes: FootnoteRef[];
  sub: string | null;
  spans: Span[];
}

/** Sub-paragraphs flattened in reading order, with their labels. */
function subBlocks(subs: readonly SubParagraph[]): { sub: SubParagraph; block: Block }[] {
  return subs.flatMap((s) => [{ sub: s, block: { text: s.text, notes: s.footnoteRefs, sub: s.label, spans: [] } }, ...subBlocks(s.children)]);
}

/** Marks each citation on the first block, from a cursor moving forwards, where its words stand. */
function placeCitations(blocks: Block[], citations: readonly { id: number; text: string }[]): void {
  let block = 0;
  let from = 0;
  for (const c of citations) {
    for (let b = block; b < blocks.length; b++) {
      const found = locate(blocks[b]!.text, c.text, b === block ? from : 0);
      if (!found) continue;
      blocks[b]!.spans.push({ ...found, citation: c.id });
      block = b;
      from = found.end;
      break;
    }
  }
}

/** Marks each mandate's action on its sub-paragraph's block, else the first block holding it. */
function placeMandates(blocks: Block[], mandates: readonly { id: number; action: string; sub: string | null }[]): void {
  for (const m of mandates) {
    const order = [...blocks].sort((a, b) => Number(b.sub === m.sub) - Number(a.sub === m.sub));
    for (const block of order) {
      const found = locate(block.text, m.action);
      if (!found || block.spans.some((s) => s.mandate !== undefined && s.start < found.end && found.start < s.end)) continue;
      block.spans.push({ ...found, mandate: m.id });
      break;
    }
  }
}

function mandateView(m: Mandate, id: number, key: string, ref: string): ReadingMandate {
  return {
    id,
    key,
    in: ref,
    sub: m.sub,
    actor: m.actor,
    actorCanonical: m.actorCanonical,
    actorType: m.actorType,
    verb: m.verb,
    category: m.category,
    force: m.force,
    action: m.action,
    report: m.report,
    reportTo: m.reportTo,
    deliverable: m.deliverable,
    dueSession: m.dueSession,
    deadline: m.deadline?.text ?? null,
    deadlineYears: m.deadline?.years ?? m.deadline?.date ?? null,
    recurrence: m.recurrence,
    hasReviewOrEnd: m.hasReviewOrEnd,
    dueDate: m.dueDate ?? null,
    decision: m.decision?.kind ?? null,
    end: m.end ?? null,
    review: m.review ?? null,
  };
}

export function toReadingView(doc: Resolution): ReadingView {
  const mandates: ReadingMandate[] = [];
  const keys = mandateIds(doc);
  const citations: ReadingCitation[] = doc.citations.map((c, id) => ({ id, symbol: c.symbol, kind: c.kind, text: c.text, in: c.in }));
  const addCitations = (list: readonly Citation[]) =>
    list.map((c) => {
      const id = citations.length;
      citations.push({ id, symbol: c.symbol, kind: c.kind, text: c.text, in: c.in });
      return { id, text: c.text };
    });

  const preamble = (p: PreambularParagraph): ReadingParagraph => {
    const block: Block = { text: p.text, notes: p.footnoteRefs, sub: null, spans: [] };
    const cited = addCitations(p.citations);
    placeCitations([block], cited);
    return {
      id: formatParagraphRef(paragraphRef(p)),
      kind: "preambular",
      number: p.index,
      numbered: false,
      part: p.part ?? null,
      section: p.section ?? null,
      phrase: p.phrase,
      runs: runsOf(block.text, block.spans, block.notes),
      subparagraphs: [],
      mandates: [],
      citations: cited.map((c) => c.id),
      sdgs: p.sdgs,
    };
  };

  const operative = (p: OperativeParagraph): ReadingParagraph => {
    const subs = subBlocks(p.subparagraphs);
    // With sub-paragraphs the paragraph's own call-outs are those of its chapeau; the others belong to the sub-paragraphs.
    const lead: Block = subs.length
      ? { text: p.lead, notes: p.footnoteRefs.filter((n) => n.offset <= p.lead.length), sub: null, spans: [] }
      : { text: p.text, notes: p.footnoteRefs, sub: null, spans: [] };
    const blocks = [lead, ...subs.map((s) => s.block)];
    const cited = addCitations(p.citations);
    placeCitations(blocks, cited);
    const own = p.mandates.map((m) => {
      const view = mandateView(m, mandates.length, keys.get(m) ?? "", formatParagraphRef(paragraphRef(p)));
      mandates.push(view);
      return view;
    });
    placeMandates(blocks, own);
    const byLabel = new Map(subs.map((s) => [s.sub, s.block]));
    const readSub = (s: SubParagraph): ReadingSub => {
      const block = byLabel.get(s)!;
      return { label: s.label, runs: runsOf(block.text, block.spans, block.notes), children: s.children.map(readSub) };
    };
    return {
      id: formatParagraphRef(paragraphRef(p)),
      kind: "operative",
      number: p.number,
      numbered: p.numbered,
      part: p.part ?? null,
      section: p.section ?? null,
      phrase: p.phrase,
      runs: runsOf(lead.text, lead.spans, lead.notes),
      subparagraphs: p.subparagraphs.map(readSub),
      mandates: own.map((m) => m.id),
      citations: cited.map((c) => c.id),
      sdgs: p.sdgs,
    };
  };

  const paragraphs = [...doc.preamble.map(preamble), ...doc.operative.map(operative)];
  for (const f of doc.footnotes) addCitations(f.citations);
  return {
    symbol: doc.meta.symbol,
    title: doc.meta.title,
    formula: doc.formula,
    headings: doc.headings.map((h) => ({ num: h.num, text: h.text, part: h.part ?? null, section: h.section ?? null })),
    paragraphs,
    footnotes: doc.footnotes.map((f) => ({ number: f.number, text: f.text, calledFrom: f.calledFrom })),
    annexes: doc.annexes.map((a) => ({ label: a.label, title: a.title, blocks: a.blocks.map((b) => b.text) })),
    mandates,
    citations,
    sdgs: doc.sdgs,
    conclusions: { meeting: doc.conclusions.meeting, date: doc.conclusions.date },
  };
}

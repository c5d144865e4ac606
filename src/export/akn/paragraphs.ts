import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Language, OperativeParagraph, PreambularParagraph, SubParagraph } from "../../model/types.js";
import { citationMarks, renderInline, type InlinePoint, type Span } from "./inline.js";
import { text } from "./xml.js";
import type { Notes } from "./notes.js";

/**
 * Preambular paragraphs as `container`s and operative paragraphs as `paragraph`s, in the
 * AKN4UN shape of the UN's own files: the opening phrase in `<span class="italic">`, cited
 * words as `<a href>`, footnotes as `authorialNote`s where their call-out stood, lettered
 * sub-paragraphs as `list`/`point`.
 */

export interface ParagraphContext {
  notes: Notes;
  language: Language;
  /** Gives each element a document-unique eId. */
  ids: IdAllocator;
}

export class IdAllocator {
  private readonly used = new Set<string>();
  private readonly counters = new Map<string, number>();

  /** The next `prefix_N` for a running count (`para_3`). */
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return this.unique(`${prefix}_${n}`);
  }

  /** `id` itself, or `id_2`, `id_3` ... when already taken. */
  unique(id: string): string {
    const clean = id.replace(/[^A-Za-z0-9_.\-]/g, "");
    let candidate = clean;
    for (let k = 2; this.used.has(candidate); k++) candidate = `${clean}_${k}`;
    this.used.add(candidate);
    return candidate;
  }
}

/** Inline marks of a paragraph's whole text: italic opening phrase, citations, footnotes. */
interface Marks {
  spans: Span[];
  points: InlinePoint[];
}

function paragraphMarks(
  value: string,
  phrase: string,
  paragraph: PreambularParagraph | OperativeParagraph,
  textStart: number,
  context: ParagraphContext,
  phraseAt = 0,
): Marks {
  const spans: Span[] = [];
  if (phrase && value.startsWith(phrase, phraseAt)) {
    spans.push({ start: phraseAt, end: phraseAt + phrase.length, element: "span", attributes: { class: "italic" } });
  }
  const links = citationMarks(value, paragraph.citations, textStart, context.language);
  return { spans: [...spans, ...links.spans], points: [...context.notes.points(paragraph.footnoteRefs), ...links.points] };
}

export function writePreambular(parent: XMLBuilder, p: PreambularParagraph, context: ParagraphContext): void {
  const container = parent.ele("container", { name: p.phrase || "preambular", eId: context.ids.next("container") });
  const marks = paragraphMarks(p.text, p.phrase, p, p.position.start.offset, context);
  renderInline(container.ele("p"), p.text, marks.spans, marks.points);
}

/** A sub-paragraph located in its operative paragraph's text: `[start, end)` excludes its "(a) ". */
interface Item {
  sub: SubParagraph;
  start: number;
  end: number;
  children: Item[];
}

/**
 * Finds the lead and each sub-paragraph in the operative paragraph's text (where they are
 * folded in as "lead (a) text (b) text"). Text that follows a sub-paragraph without being part
 * of it (a continuation line) stays with it. Null when a sub-paragraph cannot be found: the
 * paragraph is then written as one block of text, which loses no words.
 */
function locateItems(p: OperativeParagraph): { leadEnd: number; items: Item[] } | null {
  const flat: { item: Item; parent: Item | null }[] = [];
  const walk = (subs: SubParagraph[], parent: Item | null) => {
    for (const sub of subs) {
      const item: Item = { sub, start: 0, end: 0, children: [] };
      flat.push({ item, parent });
      walk(sub.children, item);
    }
  };
  walk(p.subparagraphs, null);
  let cursor = 0;
  let leadEnd = p.text.length;
  let previous: Item | null = null;
  for (const { item } of flat) {
    const labelled = `(${item.sub.label}) ${item.sub.text}`;
    let at = p.text.indexOf(labelled, cursor);
    let start = at + labelled.length - item.sub.text.length;
    if (at === -1) {
      at = p.text.indexOf(item.sub.text, cursor);
      start = at;
    }
    if (at === -1 || !item.sub.text) return null;
    const end = p.text[at - 1] === " " ? at - 1 : at;
    if (previous) previous.end = end;
    else leadEnd = end;
    item.start = start;
    cursor = start + item.sub.text.length;
    previous = item;
  }
  if (previous) previous.end = p.text.length;
  const roots: Item[] = [];
  for (const { item, parent } of flat) (parent ? parent.children : roots).push(item);
  return { leadEnd, items: roots };
}

/**
 * Writes `value[start, end)` with the marks that fall in it, shifted; a span crossing the range's
 * edge becomes a point at its start (links) or is dropped (italics). Each point is written once:
 * `taken` records the points already written by an earlier range.
 */
function renderRange(parent: XMLBuilder, value: string, start: number, end: number, marks: Marks, taken: Set<InlinePoint>): void {
  const spans: Span[] = [];
  const points: InlinePoint[] = [];
  for (const s of marks.spans) {
    if (s.start >= start && s.end <= end) spans.push({ ...s, start: s.start - start, end: s.end - start });
    else if (s.element === "a" && s.start >= start && s.start <= end) points.push({ at: s.start - start, render: (p) => void p.ele("a", s.attributes) });
  }
  for (const point of marks.points) {
    if (taken.has(point) || point.at < start || point.at > end) continue;
    taken.add(point);
    points.push({ ...point, at: point.at - start });
  }
  renderInline(parent, value.slice(start, end), spans, points);
}

/**
 * A label printed at the head of an unnumbered paragraph ("1.1", "l."): the UN's files keep such
 * labels in `num`, where they belong. Letters need their dot, so that "A decision" stays text.
 */
const PRINTED_LABEL = /^(\d{1,3}(?:\.\d{1,3})*\.?|[A-Za-z]\.)[ \t]+(?=\S)/;

export function writeOperative(parent: XMLBuilder, p: OperativeParagraph, context: ParagraphContext): void {
  const eId = context.ids.next("para");
  const paragraph = parent.ele("paragraph", { eId });
  const label = p.numbered ? null : PRINTED_LABEL.exec(p.text);
  if (p.numbered) paragraph.ele("num").txt(`${p.number}.`);
  else if (label) text(paragraph.ele("num"), label[1]!);
  const bodyStart = label ? label[0].length : 0;
  // The text follows the printed number ("1.\t") in the source.
  const textStart = p.position.start.offset + (p.numbered ? String(p.number).length + 2 : 0);
  const marks = paragraphMarks(p.text, p.phrase, p, textStart, context, bodyStart);
  const located = p.subparagraphs.length ? locateItems(p) : null;
  const taken = new Set<InlinePoint>();
  if (!located) {
    renderRange(paragraph.ele("content", { eId: `${eId}__content` }).ele("p"), p.text, bodyStart, p.text.length, marks, taken);
    return;
  }
  const list = paragraph.ele("list", { eId: `${eId}__list` });
  if (located.leadEnd > bodyStart) {
    renderRange(list.ele("intro", { eId: `${eId}__list__intro` }).ele("p"), p.text, bodyStart, located.leadEnd, marks, taken);
  }
  const writeItem = (owner: XMLBuilder, ownerId: string, item: Item) => {
    const pointId = context.ids.unique(`${ownerId}__point_${item.sub.label}`);
    const point = owner.ele("point", { eId: pointId });
    point.ele("num").txt(`(${item.sub.label})`);
    if (!item.children.length) {
      renderRange(point.ele("content", { eId: `${pointId}__content` }).ele("p"), p.text, item.start, item.end, marks, taken);
      return;
    }
    // Its range ends where its first child begins (see locateItems).
    renderRange(point.ele("intro", { eId: `${pointId}__intro` }).ele("p"), p.text, item.start, item.end, marks, taken);
    for (const child of item.children) writeItem(point, pointId, child);
  };
  for (const item of located.items) writeItem(list, `${eId}__list`, item);
}

import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Citation, Language } from "../../model/types.js";
import { text } from "./xml.js";

/**
 * Inline markup of one paragraph's text: spans (the opening phrase in italics, cited text as a
 * link) and points (footnotes and links that could not be put on a span). Offsets index the
 * text given to `renderInline`, which is the model's paragraph text with call-outs removed.
 */

export interface Span {
  start: number;
  end: number;
  element: "span" | "a";
  attributes: Record<string, string>;
}

export interface InlinePoint {
  at: number;
  render: (parent: XMLBuilder) => void;
}

/**
 * Writes `value` into `parent` with spans and points. Spans that cross an earlier span are
 * dropped (a link is kept as an empty link at its start, so no citation is lost); a point
 * strictly inside a span is written inside it, a point on a span's edge outside it.
 */
export function renderInline(parent: XMLBuilder, value: string, spans: Span[], points: InlinePoint[]): void {
  const kept: Span[] = [];
  const extraPoints: InlinePoint[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const start = clamp(s.start, value.length);
    const end = clamp(s.end, value.length);
    const last = kept.at(-1);
    if (end <= start || (last && start < last.end)) {
      if (s.element === "a") extraPoints.push({ at: start, render: (p) => void p.ele("a", s.attributes) });
      continue;
    }
    kept.push({ ...s, start, end });
  }
  const ordered = [...points, ...extraPoints]
    .map((p, order) => ({ ...p, at: clamp(p.at, value.length), order }))
    .sort((a, b) => a.at - b.at || a.order - b.order);
  let cursor = 0;
  let next = 0;
  const flushUntil = (target: XMLBuilder, limit: number, inclusive: boolean) => {
    while (next < ordered.length && (ordered[next]!.at < limit || (inclusive && ordered[next]!.at === limit))) {
      const point = ordered[next++]!;
      text(target, value.slice(cursor, point.at));
      cursor = point.at;
      point.render(target);
    }
    text(target, value.slice(cursor, limit));
    cursor = limit;
  };
  for (const s of kept) {
    flushUntil(parent, s.start, true);
    const element = parent.ele(s.element, s.attributes);
    flushUntil(element, s.end, false);
  }
  flushUntil(parent, value.length, true);
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(max, n));
}

/** The document's address on the UN's document server, as the UN's own AKN files link it. */
export function undocsHref(symbol: string, language: Language): string {
  // The UN's files glue a year or a qualifier to the symbol (S/RES/2282(2016),
  // A/76/190(PartII)) and keep the space before a session numeral (A/RES/2200 (XXI)).
  const compact = symbol
    .trim()
    .replace(/^(S\/RES\/\d+)\s+\((\d{4})\)$/, "$1($2)")
    .replace(/\s+\(((?:Parts?|Vol\.|Sect\.)[^)]*)\)$/, "($1)");
  return `https://undocs.org/${language}/${encodeURI(compact)}`;
}

export interface LocatedCitation {
  citation: Citation;
  /** Span of the cited words in the paragraph text, or null when they could not be found there. */
  start: number | null;
  end: number | null;
  /** Where an unlocated citation is put as an empty link. */
  estimate: number;
}

/**
 * Finds each citation's words in a paragraph's text. Positions index the source text, where
 * the paragraph also has its number and call-outs; the offset from the paragraph's start is a
 * good estimate, and among the occurrences of the cited words after the previous citation the
 * nearest one to it is taken (the same words may be cited twice).
 */
export function locateCitations(value: string, citations: Citation[], paragraphStart: number): LocatedCitation[] {
  const located: LocatedCitation[] = [];
  let cursor = 0;
  const sorted = [...citations].sort((a, b) => a.position.start.offset - b.position.start.offset);
  for (const citation of sorted) {
    const estimate = clamp(citation.position.start.offset - paragraphStart, value.length);
    const words = citation.text;
    let best = -1;
    if (words) {
      for (let at = value.indexOf(words, cursor); at !== -1; at = value.indexOf(words, at + 1)) {
        if (best === -1 || Math.abs(at - estimate) < Math.abs(best - estimate)) best = at;
        if (at > estimate) break;
      }
    }
    if (best === -1) {
      located.push({ citation, start: null, end: null, estimate: Math.max(cursor, estimate) });
      continue;
    }
    located.push({ citation, start: best, end: best + words.length, estimate: best });
    cursor = best + words.length;
  }
  return located;
}

/** Citations as link spans (when located) and empty-link points (when not). */
export function citationMarks(
  value: string,
  citations: Citation[],
  paragraphStart: number,
  language: Language,
): { spans: Span[]; points: InlinePoint[] } {
  const spans: Span[] = [];
  const points: InlinePoint[] = [];
  for (const l of locateCitations(value, citations, paragraphStart)) {
    const attributes = { href: undocsHref(l.citation.symbol, language) };
    if (l.start !== null && l.end !== null) spans.push({ start: l.start, end: l.end, element: "a", attributes });
    else points.push({ at: l.estimate, render: (p) => void p.ele("a", attributes) });
  }
  return { spans, points };
}

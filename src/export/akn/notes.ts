import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import type { Footnote, FootnoteRef, Language } from "../../model/types.js";
import { citationMarks, renderInline, type InlinePoint } from "./inline.js";

/**
 * Footnotes become `authorialNote`s written where their call-out stood. A footnote called twice
 * is written at its first call-out and referred to by a `noteRef` at the others, so that each
 * note exists once. Footnotes no paragraph calls (call-outs in the heading or an annex, or none
 * found) are left for `unclaimed()`, which the caller writes where it chooses.
 */
export class Notes {
  private readonly byNumber = new Map<number, Footnote>();
  private readonly written = new Set<number>();
  private readonly claimed = new Set<number>();

  constructor(
    footnotes: Footnote[],
    private readonly language: Language,
  ) {
    for (const f of footnotes) if (!this.byNumber.has(f.number)) this.byNumber.set(f.number, f);
  }

  /** Points for a paragraph's call-outs, at their offsets in its text. */
  points(refs: FootnoteRef[]): InlinePoint[] {
    return refs.filter((r) => this.byNumber.has(r.number)).map((r) => ({ at: r.offset, render: (parent) => this.write(parent, r.number) }));
  }

  /** Records the call-outs that paragraphs will write, before any is written. */
  claim(refs: FootnoteRef[]): void {
    for (const r of refs) if (this.byNumber.has(r.number)) this.claimed.add(r.number);
  }

  /**
   * Footnotes no paragraph writes and not yet written: those whose call-out was found in
   * `place` (`header`, `annex.1`), or all that remain when no place is given.
   */
  unclaimed(place?: string): number[] {
    return [...this.byNumber.values()]
      .filter((f) => !this.claimed.has(f.number) && !this.written.has(f.number))
      .filter((f) => place === undefined || f.calledFrom.includes(place))
      .map((f) => f.number);
  }

  write(parent: XMLBuilder, number: number): void {
    const footnote = this.byNumber.get(number);
    if (!footnote) return;
    const eId = `authorialNote_${number}`;
    if (this.written.has(number)) {
      parent.ele("noteRef", { href: `#${eId}`, marker: String(number) });
      return;
    }
    this.written.add(number);
    const note = parent.ele("authorialNote", { marker: String(number), placement: "bottom", eId });
    const p = note.ele("p");
    // The footnote's position starts at its number ("1 A/63/309."); the text follows it.
    const textStart = footnote.position.start.offset + String(number).length + 1;
    const links = citationMarks(footnote.text, footnote.citations, textStart, this.language);
    renderInline(p, footnote.text, links.spans, links.points);
  }
}

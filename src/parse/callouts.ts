import type { FootnoteRef } from "../model/types.js";

/**
 * Footnote call-outs in text exports are bare digits glued to the word or punctuation they
 * follow ("Outcome4 and", "Declaration,1 the", "74/91;2"). They are told apart from other
 * numbers by their order: footnotes are numbered 1..N through the document, so each block is
 * searched only for the next expected number (or the one after it, when a call-out was lost).
 */

export interface CalloutScanner {
  /** Removes the call-outs found in `text`; returns the clean text and where each stood. */
  take(text: string): { text: string; refs: FootnoteRef[]; removed: { at: number; length: number }[] };
  /** Next footnote number not yet seen. */
  readonly next: number;
}

const GLUE_BEFORE = /[A-Za-z\u00C0-\u024F)\]"'\u201d\u2019,.;:\u2014\u2013\u00bb]/;

function isCallout(text: string, at: number, digits: string): boolean {
  if (at === 0) return false;
  const before = text[at - 1]!;
  if (!GLUE_BEFORE.test(before)) return false;
  const after = text[at + digits.length];
  if (after !== undefined && !/[\s,.;:)\]\u00a0]/.test(after)) return false;
  // "A/RES/63" or "1.5" are not call-outs: a digit or slash just before the punctuation
  if (/[.,]/.test(before) && at >= 2 && /[\d/]/.test(text[at - 2]!)) return false;
  // a decimal or a date-like run after: "3.5"
  if (after === "." && /\d/.test(text[at + digits.length + 1] ?? "")) return false;
  // roman numerals or sub-paragraph labels like "(a)1" do not occur; upper-case codes do:
  // "G20", "CO2", "H5N1" would be glued to an upper-case letter that follows another one.
  if (/[A-Z]/.test(before) && at >= 2 && /[A-Z0-9]/.test(text[at - 2]!)) return false;
  return true;
}

function findCallout(text: string, from: number, n: number): number {
  const digits = String(n);
  for (let at = text.indexOf(digits, from); at !== -1; at = text.indexOf(digits, at + 1)) {
    if (/\d/.test(text[at - 1] ?? "")) continue;
    if (isCallout(text, at, digits)) return at;
  }
  return -1;
}

export function calloutScanner(footnoteCount: number): CalloutScanner {
  let next = 1;
  return {
    get next() {
      return next;
    },
    take(text: string) {
      const refs: FootnoteRef[] = [];
      const removed: { at: number; length: number }[] = [];
      let out = "";
      let from = 0;
      while (next <= footnoteCount) {
        let at = findCallout(text, from, next);
        let number = next;
        if (at === -1 && next + 1 <= footnoteCount) {
          at = findCallout(text, from, next + 1);
          number = next + 1;
        }
        if (at === -1) break;
        out += text.slice(from, at);
        refs.push({ number, offset: out.length });
        const length = String(number).length;
        removed.push({ at, length });
        from = at + length;
        next = number + 1;
      }
      out += text.slice(from);
      return { text: out, refs, removed };
    },
  };
}

import type { OperativeParagraph, PreambularParagraph } from "./types.js";

/**
 * Paragraphs of a resolution by where they stand (its preamble, its operative part, a footnote,
 * an annex), and the references that name one: `preamble.3`, `operative.31`, `footnote.2`,
 * `annex.1` (an annex) and `annex.1.4` (its fourth block), prefixed with the part in a resolution
 * adopted in parts (`B.operative.1`), where each part numbers its operative paragraphs anew.
 *
 * The JSON contract (../shared/gold/README.md) names a paragraph within its part, `operative.N`
 * by its printed number and `preamble.N` by its order in the document: `Citation.in`,
 * `Mandate.in` and `Footnote.calledFrom` are references without the part, which the paragraph's
 * own `part` field gives. The comparison and the registry name paragraphs within the whole
 * document, with the part.
 */

export const PARAGRAPH_KINDS = ["preambular", "operative", "footnote", "annex"] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

/** The kinds of a resolution's own paragraphs (`Resolution.preamble`, `Resolution.operative`), which versions are aligned by. */
export type ResolutionParagraphKind = Extract<ParagraphKind, (PreambularParagraph | OperativeParagraph)["type"]>;
export const RESOLUTION_PARAGRAPH_KINDS: readonly ResolutionParagraphKind[] = ["preambular", "operative"];

export interface ParagraphRef {
  /** The part of a resolution adopted in parts ("A", "B"), when the paragraph is in one. */
  part?: string;
  kind: ParagraphKind;
  /**
   * Preambular paragraphs: order in the document (1-based); operative: printed number;
   * footnotes: their number; annexes: the annex's order.
   */
  number: number;
  /** An annex's block, 1-based; absent for the annex as a whole. */
  block?: number;
}

/** The word a reference starts with, per kind. */
const REF_WORD: Record<ParagraphKind, string> = { preambular: "preamble", operative: "operative", footnote: "footnote", annex: "annex" };
const KIND_OF_WORD = new Map(Object.entries(REF_WORD).map(([kind, word]) => [word, kind as ParagraphKind]));

/**
 * A reference as written: an optional part letter, the kind's word, the number, and for an
 * annex the block: `B.operative.1`, `preamble.3`, `annex.1.4`.
 */
const REF = /^(?:(?<part>[A-Z])\.)?(?<word>preamble|operative|footnote|annex)\.(?<number>\d{1,5})(?:\.(?<block>\d{1,5}))?$/;

export function formatParagraphRef(ref: ParagraphRef): string {
  const block = ref.block !== undefined ? `.${ref.block}` : "";
  return `${ref.part ? `${ref.part}.` : ""}${REF_WORD[ref.kind]}.${ref.number}${block}`;
}

/** The inverse of `formatParagraphRef`; null for anything else (a block outside an annex, a number 0). */
export function parseParagraphRef(text: string): ParagraphRef | null {
  const g = REF.exec(text)?.groups;
  if (!g) return null;
  const kind = KIND_OF_WORD.get(g.word!)!;
  const number = Number(g.number);
  const block = g.block === undefined ? undefined : Number(g.block);
  if (number < 1 || block === 0 || (block !== undefined && kind !== "annex")) return null;
  return { ...(g.part ? { part: g.part } : {}), kind, number, ...(block !== undefined ? { block } : {}) };
}

export type ReadRef = { ok: true; ref: ParagraphRef } | { ok: false; message: string };

/** A reference a user typed, letter case aside ("Operative.38", "b.operative.1"), or why it is none. */
export function paragraphRefFromInput(input: string): ReadRef {
  const typed = input.trim();
  const m = /^(?:([a-z])\.)?([a-z]+)(\..*)?$/i.exec(typed);
  const ref = m ? parseParagraphRef(`${m[1] ? `${m[1].toUpperCase()}.` : ""}${m[2]!.toLowerCase()}${m[3] ?? ""}`) : null;
  if (ref) return { ok: true, ref };
  return {
    ok: false,
    message:
      `"${typed.length > 40 ? `${typed.slice(0, 40)}...` : typed}" is not a paragraph reference: write preamble.N, operative.N, ` +
      "footnote.N or annex.N.M (N and M from 1), with the part first in a resolution adopted in parts (B.operative.1)",
  };
}

/** The reference of one of the resolution's own paragraphs within the whole document: with its part, if it is in one. */
export function paragraphRef(p: PreambularParagraph | OperativeParagraph): ParagraphRef {
  return { ...(p.part ? { part: p.part } : {}), kind: p.type, number: p.type === "preambular" ? p.index : p.number };
}

import type { OperativeParagraph, PreambularParagraph } from "./types.js";

/**
 * Paragraphs of a resolution by where they stand: its preamble, its operative part, a footnote
 * or an annex. The registry indexes all four; versions of a resolution are compared by the
 * first two, the resolution's own paragraphs.
 */

export const PARAGRAPH_KINDS = ["preambular", "operative", "footnote", "annex"] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

/** The kinds of a resolution's own paragraphs (`Resolution.preamble`, `Resolution.operative`), which versions are aligned by. */
export type ResolutionParagraphKind = Extract<ParagraphKind, (PreambularParagraph | OperativeParagraph)["type"]>;
export const RESOLUTION_PARAGRAPH_KINDS: readonly ResolutionParagraphKind[] = ["preambular", "operative"];

import type { Problem, Resolution } from "../model/types.js";
import { type AlignOptions, type AlignedPair, type ChangeKind, alignResolutions } from "./align.js";
import { type WordChange, type WordDiffOptions, wordChanges } from "./diff.js";
import { type MandateComparison, compareMandates } from "./mandates.js";

/**
 * Two versions of a resolution compared: aligned paragraphs with their track changes, and the
 * mandate changes. The value every output (terminal, HTML, JSON) is rendered from.
 */

export interface ParagraphComparison extends AlignedPair {
  /**
   * Track changes that rebuild both texts: the equal and deleted runs give the older text, the
   * equal and inserted runs the newer one. An added paragraph is one insertion, a dropped one
   * one deletion, an unchanged one one equal run.
   */
  changes: WordChange[];
}

export interface VersionSummary {
  symbol: string | null;
  title: string | null;
  session: number | null;
  adoptionDate: string | null;
}

export interface Comparison {
  from: VersionSummary;
  to: VersionSummary;
  paragraphs: ParagraphComparison[];
  mandates: MandateComparison;
  /** Paragraph pairs by change, each pair counted once (a moved and edited pair under `moved`). */
  counts: Record<ChangeKind, number>;
  problems: Problem[];
}

export interface CompareOptions extends AlignOptions, WordDiffOptions {}

export function summarise(doc: Resolution): VersionSummary {
  return { symbol: doc.meta.symbol, title: doc.meta.title, session: doc.meta.session, adoptionDate: doc.meta.adoptionDate };
}

export function compareResolutions(from: Resolution, to: Resolution, options: CompareOptions = {}): Comparison {
  const alignment = alignResolutions(from, to, options);
  const text = (doc: Resolution, pair: AlignedPair, side: "from" | "to") => {
    const ref = pair[side];
    if (!ref) return "";
    return (pair.kind === "preambular" ? doc.preamble[ref.index]! : doc.operative[ref.index]!).text;
  };
  const paragraphs = alignment.pairs.map((pair): ParagraphComparison => {
    const before = text(from, pair, "from");
    const after = text(to, pair, "to");
    const changes: WordChange[] = pair.edited
      ? wordChanges(before, after, options)
      : pair.from && pair.to
        ? [{ type: "equal", text: after }]
        : pair.from
          ? [{ type: "delete", text: before }]
          : [{ type: "insert", text: after }];
    return { ...pair, changes };
  });
  const counts: Record<ChangeKind, number> = { unchanged: 0, edited: 0, moved: 0, added: 0, dropped: 0 };
  for (const p of paragraphs) counts[p.change]++;
  return { from: summarise(from), to: summarise(to), paragraphs, mandates: compareMandates(from, to, alignment), counts, problems: alignment.problems };
}

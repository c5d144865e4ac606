import { formatParagraphRef, paragraphRef, type ResolutionParagraphKind } from "../model/paragraphs.js";
import { sequenceNumber } from "../model/symbols.js";
import type { Mandate, Resolution } from "../model/types.js";
import { type AlignedPair, type ChangeKind, alignResolutions } from "./align.js";
import { type MandateStatus, compareMandates } from "./mandates.js";

/**
 * The life of a series (series-groups.ts finds which resolutions are versions of one another):
 * the versions of one recurring resolution (Industrial development cooperation 63/231, 65/175,
 * ... 79/222; the renewals of UNDOF's mandate). The view follows every paragraph and every
 * mandate across the versions: when it appeared, how it changed at each renewal, when it was
 * dropped.
 */

export interface VersionRef {
  symbol: string | null;
  session: number | null;
  adoptionDate: string | null;
}

export interface ParagraphState {
  /** Index of the version in `SeriesView.versions`. */
  version: number;
  /** Paragraph id in that version (`operative.31`). */
  paragraph: string;
  /** How it came to this version: "initial" in the first version of the series. */
  change: ChangeKind | "initial";
  similarity: number;
}

export interface ParagraphLife {
  id: string;
  kind: ResolutionParagraphKind;
  /** Version where it first appears. */
  appeared: number;
  /** First version without it, or null when it is in the latest version. */
  dropped: number | null;
  states: ParagraphState[];
  /** Life it was split from (it started as part of that paragraph). */
  splitFrom?: string;
  /** Life it was merged into (it ended as part of that paragraph). */
  mergedInto?: string;
}

export interface MandateState {
  version: number;
  status: MandateStatus | "initial";
  mandate: Mandate;
}

export interface MandateLife {
  id: string;
  actor: string;
  verb: string;
  appeared: number;
  dropped: number | null;
  states: MandateState[];
  /** Longest run of consecutive versions renewing it with no change but renewal numbers. */
  longestVerbatimRun: number;
}

export interface SeriesView {
  title: string;
  versions: VersionRef[];
  paragraphs: ParagraphLife[];
  mandates: MandateLife[];
}

/** Life of every paragraph and mandate across versions given oldest first; `title` names the series (by default the first version's title). */
export function seriesView(docs: Resolution[], title?: string): SeriesView {
  const versions = docs.map((d) => ({ symbol: d.meta.symbol, session: d.meta.session, adoptionDate: d.meta.adoptionDate }));
  const paragraphs: ParagraphLife[] = [];
  const mandates: MandateLife[] = [];
  if (docs.length === 0) return { title: title ?? "", versions, paragraphs, mandates };

  const first = docs[0]!;
  const livesOfKind = { preambular: 0, operative: 0 };
  const startParagraph = (kind: ResolutionParagraphKind, paragraph: string, version: number, change: ChangeKind | "initial", similarity: number) => {
    const life: ParagraphLife = { id: `${kind === "preambular" ? "P" : "O"}${++livesOfKind[kind]}`, kind, appeared: version, dropped: null, states: [] };
    life.states.push({ version, paragraph, change, similarity });
    paragraphs.push(life);
    return life;
  };
  const startMandate = (mandate: Mandate, version: number, status: MandateStatus | "initial") => {
    const life: MandateLife = { id: `M${mandates.length + 1}`, actor: mandate.actor, verb: mandate.verb, appeared: version, dropped: null, states: [], longestVerbatimRun: 1 };
    life.states.push({ version, status, mandate });
    mandates.push(life);
    return life;
  };

  // Lives by paragraph index in the current version, per kind; lives by mandate object.
  let preambleLives = first.preamble.map((p) => startParagraph("preambular", formatParagraphRef(paragraphRef(p)), 0, "initial", 1));
  let operativeLives = first.operative.map((p) => startParagraph("operative", formatParagraphRef(paragraphRef(p)), 0, "initial", 1));
  let mandateLives = new Map<Mandate, MandateLife>(first.operative.flatMap((p) => p.mandates.map((m) => [m, startMandate(m, 0, "initial")] as const)));
  const verbatimRun = new Map<MandateLife, number>();

  for (let v = 1; v < docs.length; v++) {
    const before = docs[v - 1]!;
    const after = docs[v]!;
    const alignment = alignResolutions(before, after);
    // A split paragraph lives on in its most similar part, the other parts start lives of their
    // own; of paragraphs merged into one, the most similar lives on and the others end there.
    const key = (kind: ResolutionParagraphKind, index: number) => `${kind}:${index}`;
    const bestFrom = new Map<string, AlignedPair>();
    const bestTo = new Map<string, AlignedPair>();
    for (const pair of alignment.pairs) {
      if (!pair.from || !pair.to) continue;
      const f = key(pair.kind, pair.from.index);
      const t = key(pair.kind, pair.to.index);
      if ((bestFrom.get(f)?.similarity ?? -1) < pair.similarity) bestFrom.set(f, pair);
      if ((bestTo.get(t)?.similarity ?? -1) < pair.similarity) bestTo.set(t, pair);
    }
    const next = { preambular: [] as ParagraphLife[], operative: [] as ParagraphLife[] };
    const merged: { life: ParagraphLife; pair: AlignedPair }[] = [];
    for (const pair of alignment.pairs) {
      const lives = pair.kind === "preambular" ? preambleLives : operativeLives;
      const previous = pair.from ? lives[pair.from.index]! : null;
      if (!pair.to) {
        previous!.dropped = v;
        continue;
      }
      const toId = formatParagraphRef(paragraphRef((pair.kind === "preambular" ? after.preamble : after.operative)[pair.to.index]!));
      const continuesFrom = pair.from !== null && bestFrom.get(key(pair.kind, pair.from.index)) === pair;
      const continuesTo = bestTo.get(key(pair.kind, pair.to.index)) === pair;
      if (previous && continuesFrom && continuesTo) {
        previous.states.push({ version: v, paragraph: toId, change: pair.change, similarity: pair.similarity });
        next[pair.kind][pair.to.index] = previous;
      } else if (previous && !continuesTo) {
        if (continuesFrom) merged.push({ life: previous, pair });
      } else {
        const life = startParagraph(pair.kind, toId, v, pair.change === "added" ? "added" : "edited", pair.similarity);
        if (previous) life.splitFrom = previous.id;
        next[pair.kind][pair.to.index] = life;
      }
    }
    for (const { life, pair } of merged) {
      life.dropped = v;
      const into = next[pair.kind][pair.to!.index];
      if (into) life.mergedInto = into.id;
    }
    preambleLives = next.preambular;
    operativeLives = next.operative;

    const nextMandates = new Map<Mandate, MandateLife>();
    for (const change of compareMandates(before, after, alignment).changes) {
      const previous = change.from ? mandateLives.get(change.from) : undefined;
      if (!change.to) {
        if (previous) previous.dropped = v;
        continue;
      }
      if (!previous) {
        nextMandates.set(change.to, startMandate(change.to, v, "new"));
        continue;
      }
      previous.states.push({ version: v, status: change.status, mandate: change.to });
      previous.actor = change.to.actor;
      previous.verb = change.to.verb;
      const renewedAsWas = change.status === "unchanged" || (change.status === "changed" && change.fields.every((f) => f === "deadline"));
      const run = renewedAsWas ? (verbatimRun.get(previous) ?? 1) + 1 : 1;
      verbatimRun.set(previous, run);
      previous.longestVerbatimRun = Math.max(previous.longestVerbatimRun, run);
      nextMandates.set(change.to, previous);
    }
    mandateLives = nextMandates;
  }
  return { title: title ?? first.meta.title ?? "", versions, paragraphs, mandates };
}

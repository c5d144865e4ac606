import type { Mandate } from "../../model/types.js";
import type { Comparison } from "../compare.js";
import type { DuplicationReport } from "../duplicates.js";
import type { MandateChange } from "../mandates.js";
import type { SeriesView } from "../series.js";

/**
 * JSON views of comparisons. Paragraphs are named as the gold contract names them
 * (`preamble.N`, `operative.N`); `from` or `to` is null for added and dropped paragraphs.
 * Mandates are given by the fields a reader compares, without their source positions.
 */

export interface MandateJson {
  in: string;
  sub: string | null;
  actor: string;
  actorCanonical: string | null;
  verb: string;
  force: number;
  action: string;
  report: boolean;
  dueSession: number | null;
  deadline: string | null;
  hasReviewOrEnd: boolean;
}

export function mandateJson(m: Mandate): MandateJson {
  return {
    in: m.in,
    sub: m.sub,
    actor: m.actor,
    actorCanonical: m.actorCanonical,
    verb: m.verb,
    force: m.force,
    action: m.action,
    report: m.report,
    dueSession: m.dueSession,
    deadline: m.deadline?.text ?? null,
    hasReviewOrEnd: m.hasReviewOrEnd,
  };
}

function mandateChangeJson(c: MandateChange) {
  return {
    status: c.status,
    from: c.from ? mandateJson(c.from) : null,
    to: c.to ? mandateJson(c.to) : null,
    fields: c.fields,
    forceDelta: c.forceDelta,
    actionSimilarity: c.actionSimilarity,
  };
}

/** `mandates diff --json`: one entry per aligned pair. */
export function comparisonJson(c: Comparison) {
  return {
    from: c.from,
    to: c.to,
    summary: c.counts,
    pairs: c.paragraphs.map((p) => ({
      kind: p.kind,
      from: p.from?.id ?? null,
      to: p.to?.id ?? null,
      change: p.change,
      similarity: p.similarity,
      score: p.score,
      moved: p.change === "moved",
      edited: p.edited,
      ...(p.relation ? { relation: p.relation } : {}),
      changes: p.changes,
    })),
    mandates: { summary: c.mandates.counts, changes: c.mandates.changes.map(mandateChangeJson) },
    problems: c.problems,
  };
}

/** `mandates series --json`. */
export function seriesJson(view: SeriesView) {
  return {
    title: view.title,
    versions: view.versions,
    paragraphs: view.paragraphs,
    mandates: view.mandates.map((life) => ({
      ...life,
      states: life.states.map((s) => ({ version: s.version, status: s.status, mandate: mandateJson(s.mandate) })),
    })),
  };
}

/** `mandates duplicates --json`: the report is plain data already. */
export function duplicationJson(report: DuplicationReport): DuplicationReport {
  return report;
}

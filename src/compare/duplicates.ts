import { addresseeKey } from "../model/actors.js";
import type { Mandate, Resolution } from "../model/types.js";
import { bandKeys, jaccard, shingles, signature } from "./minhash.js";
import { seriesOfDocuments } from "./series-groups.js";
import { type MandateLife, seriesView } from "./series.js";
import { renewalWords } from "./text.js";

/**
 * Duplication and staleness across a set of resolutions, as the UN's 2025 mandate review asks
 * registries to flag them, in one ranked report:
 * - duplicate: near-identical mandates (same addressee, same action) in force in different
 *   series (the latest version of each);
 * - renewed-verbatim: a mandate renewed unchanged (but for session numbers) for N versions;
 * - report-every-session: a series asking for a report at every session, N sessions running;
 * - no-review-or-end: a mandate in force with no review or end date.
 *
 * Near-identical actions are found with MinHash buckets over word 3-grams (minhash.ts), keyed
 * by addressee, then verified by exact Jaccard similarity: near-linear in the number of mandates.
 */

export type FindingKind = "duplicate" | "renewed-verbatim" | "report-every-session" | "no-review-or-end";

export interface MandateRef {
  symbol: string | null;
  session: number | null;
  series: string;
  /** `operative.N` */
  paragraph: string;
  actor: string;
  verb: string;
  action: string;
}

export interface Finding {
  kind: FindingKind;
  /** Ranking weight: larger is more worth a reviewer's time (see `scoreOf`). */
  score: number;
  summary: string;
  /** Titles of the series concerned. */
  series: string[];
  mandates: MandateRef[];
  /** Versions or sessions the finding spans (renewals, annual reports), or resolutions (duplicates). */
  span: number;
  /** Jaccard similarity of the least similar verified pair, for duplicates. */
  similarity?: number;
}

export interface DuplicationReport {
  findings: Finding[];
  counts: Record<FindingKind, number>;
  /**
   * `series`: the lineages scanned, the series found among the documents by the series rule
   * (series-groups.ts, as the registry lists them) and each document in none, a series of one version.
   */
  scanned: { documents: number; series: number; mandates: number };
}

/** One lineage of versions: a series, or a document that belongs to none (a series of one version). */
interface Lineage {
  key: string;
  title: string;
  /** Versions, oldest first. */
  documents: Resolution[];
}

export interface DuplicationOptions {
  /** Lowest Jaccard similarity of action 3-grams for two mandates to be near-identical (default 0.8). */
  similarity?: number;
  /** Versions a mandate must be renewed verbatim, or sessions a report requested, to be flagged (default 3). */
  minVersions?: number;
}

const DEFAULT_SIMILARITY = 0.8;
const DEFAULT_MIN_VERSIONS = 3;
/** Every bucket member is verified against this many following members: bounds the work of huge buckets. */
const BUCKET_WINDOW = 64;
/** Actions about "the present resolution" name a different thing in each resolution: never duplicates. */
const SELF_REFERENCE = /\b(?:present|this|current) resolution\b/i;

const KIND_WEIGHT: Record<FindingKind, number> = {
  duplicate: 4,
  "renewed-verbatim": 1.5,
  "report-every-session": 1,
  "no-review-or-end": 0.5,
};

/**
 * The ranking: a kind's weight times its size. Duplicates weigh most (each extra resolution
 * doubling an action is work done twice), then verbatim renewals and annual reports by their
 * length, then open-ended mandates by how long they have lived and how binding they are.
 */
export function scoreOf(kind: FindingKind, span: number, force = 5): number {
  const size = kind === "no-review-or-end" ? span * (force / 5) : Math.max(1, span - 1);
  return Math.round(KIND_WEIGHT[kind] * size * 100) / 100;
}

interface Item {
  ref: MandateRef;
  actor: string;
  seriesKey: string;
  shingles: Set<number>;
}

export function findDuplication(docs: Resolution[], options: DuplicationOptions = {}): DuplicationReport {
  const similarity = options.similarity ?? DEFAULT_SIMILARITY;
  const minVersions = options.minVersions ?? DEFAULT_MIN_VERSIONS;
  const grouped = seriesOfDocuments(docs);
  const allSeries: Lineage[] = [
    ...grouped.series.map((s) => ({ key: s.key, title: s.title, documents: s.members.map((m) => m.document) })),
    ...grouped.alone.map((d) => ({ key: `${d.meta.body}:${d.meta.language}:${d.meta.symbol ?? ""}`, title: d.meta.title ?? d.meta.symbol ?? "", documents: [d] })),
  ];
  const findings: Finding[] = [];
  const mandateCount = docs.reduce((n, d) => n + d.operative.reduce((k, p) => k + p.mandates.length, 0), 0);
  // Mandates in force: those of the latest version of each series. One item per distinct
  // (series, addressee, action), so that a mandate repeated within a version counts once.
  const items = new Map<string, Item>();
  for (const series of allSeries) {
    const latest = series.documents[series.documents.length - 1]!;
    for (const m of latest.operative.flatMap((p) => p.mandates)) {
      if (SELF_REFERENCE.test(m.action)) continue;
      const words = renewalWords(m.action);
      const actor = addresseeKey(m);
      items.set(`${series.key}\u0000${actor}\u0000${words.join(" ")}`, { ref: mandateRef(latest, series, m), actor, seriesKey: series.key, shingles: shingles(words) });
    }
  }
  findings.push(...duplicateFindings([...items.values()], similarity));
  for (const series of allSeries) findings.push(...stalenessFindings(series, minVersions));
  findings.sort((a, b) => b.score - a.score || a.summary.localeCompare(b.summary));
  const counts: Record<FindingKind, number> = { duplicate: 0, "renewed-verbatim": 0, "report-every-session": 0, "no-review-or-end": 0 };
  for (const f of findings) counts[f.kind]++;
  return { findings, counts, scanned: { documents: docs.length, series: allSeries.length, mandates: mandateCount } };
}

function mandateRef(doc: Resolution, series: Lineage, m: Mandate): MandateRef {
  return { symbol: doc.meta.symbol, session: doc.meta.session, series: series.title, paragraph: m.in, actor: m.actor, verb: m.verb, action: m.action };
}

function duplicateFindings(items: Item[], threshold: number): Finding[] {
  const buckets = new Map<string, number[]>();
  items.forEach((item, index) => {
    if (item.shingles.size === 0) return;
    for (const band of bandKeys(signature(item.shingles))) {
      const key = `${item.actor}\u0000${band}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  const parent = Int32Array.from(items, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const weakest = new Map<number, number>();
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    for (let a = 0; a < bucket.length; a++) {
      for (let b = a + 1; b < Math.min(bucket.length, a + 1 + BUCKET_WINDOW); b++) {
        const x = items[bucket[a]!]!;
        const y = items[bucket[b]!]!;
        // Renewals within a series are its history, not duplication.
        if (x.seriesKey === y.seriesKey) continue;
        const rx = find(bucket[a]!);
        const ry = find(bucket[b]!);
        if (rx === ry) continue;
        const j = jaccard(x.shingles, y.shingles);
        if (j < threshold) continue;
        parent[rx] = ry;
        weakest.set(ry, Math.min(j, weakest.get(rx) ?? 1, weakest.get(ry) ?? 1));
      }
    }
  }
  const clusters = new Map<number, Item[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(item);
    else clusters.set(root, [item]);
  });
  const findings: Finding[] = [];
  for (const [root, members] of clusters) {
    if (members.length < 2) continue;
    const seriesTitles = [...new Set(members.map((m) => m.ref.series))];
    if (seriesTitles.length < 2) continue;
    const resolutions = new Set(members.map((m) => m.ref.symbol)).size;
    const sample = members[0]!.ref;
    findings.push({
      kind: "duplicate",
      score: scoreOf("duplicate", seriesTitles.length),
      summary: `${sample.verb} ${sample.actor} "${clip(sample.action)}": the same mandate in ${seriesTitles.length} series (${resolutions} resolutions)`,
      series: seriesTitles,
      mandates: members.map((m) => m.ref),
      span: resolutions,
      similarity: Math.round((weakest.get(root) ?? 1) * 100) / 100,
    });
  }
  return findings;
}

function stalenessFindings(series: Lineage, minVersions: number): Finding[] {
  const findings: Finding[] = [];
  const latest = series.documents[series.documents.length - 1]!;
  const view = seriesView(series.documents, series.title);
  const current = view.mandates.filter((life) => life.dropped === null);
  const refOf = (life: MandateLife) => {
    const state = life.states[life.states.length - 1]!;
    return mandateRef(series.documents[state.version]!, series, state.mandate);
  };
  for (const life of current) {
    if (life.longestVerbatimRun >= minVersions) {
      const ref = refOf(life);
      findings.push({
        kind: "renewed-verbatim",
        score: scoreOf("renewed-verbatim", life.longestVerbatimRun),
        summary: `${ref.verb} ${ref.actor} "${clip(ref.action)}": renewed verbatim for ${life.longestVerbatimRun} versions of "${series.title}"`,
        series: [series.title],
        mandates: [ref],
        span: life.longestVerbatimRun,
      });
    }
    const mandate = life.states[life.states.length - 1]!.mandate;
    if (!mandate.hasReviewOrEnd) {
      const ref = refOf(life);
      const versions = life.states.length;
      findings.push({
        kind: "no-review-or-end",
        score: scoreOf("no-review-or-end", versions, mandate.force),
        summary: `${ref.verb} ${ref.actor} "${clip(ref.action)}" (${ref.symbol ?? "?"}, ${ref.paragraph}): no review or end date${versions > 1 ? `, in force for ${versions} versions` : ""}`,
        series: [series.title],
        mandates: [ref],
        span: versions,
      });
    }
  }
  const reports = annualReportRun(series);
  if (reports.length >= minVersions) {
    const refs = reports.flatMap((doc) => doc.operative.flatMap((p) => p.mandates.filter((m) => m.report).map((m) => mandateRef(doc, series, m))));
    findings.push({
      kind: "report-every-session",
      score: scoreOf("report-every-session", reports.length),
      summary: `"${series.title}" requests a report at every session: ${reports.length} sessions running (${reports[0]!.meta.session}-${latest.meta.session})`,
      series: [series.title],
      mandates: refs,
      span: reports.length,
    });
  }
  return findings;
}

/** The latest run of versions in consecutive sessions that each request a report, ending with the latest version. */
function annualReportRun(series: Lineage): Resolution[] {
  const run: Resolution[] = [];
  for (let i = series.documents.length - 1; i >= 0; i--) {
    const doc = series.documents[i]!;
    const asksReport = doc.operative.some((p) => p.mandates.some((m) => m.report));
    const next = run[0];
    const consecutive = !next || (doc.meta.session !== null && next.meta.session !== null && next.meta.session - doc.meta.session === 1);
    if (!asksReport || !consecutive) break;
    run.unshift(doc);
  }
  return run;
}

function clip(text: string, width = 90): string {
  return text.length > width ? `${text.slice(0, width - 1)}\u2026` : text;
}

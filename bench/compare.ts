import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Resolution } from "../src/model/types.js";
import { shipped } from "./shipped.js";
import { percentile } from "./stats.js";

const { alignResolutions } = await shipped<typeof import("../src/compare/align.js")>("compare/align.js");
const { compareResolutions } = await shipped<typeof import("../src/compare/compare.js")>("compare/compare.js");
const { findDuplication } = await shipped<typeof import("../src/compare/duplicates.js")>("compare/duplicates.js");
const { seriesOfDocuments } = await shipped<typeof import("../src/compare/series-groups.js")>("compare/series-groups.js");
const { enrich } = await shipped<typeof import("../src/enrich/index.js")>("enrich/index.js");
const { readResolution } = await shipped<typeof import("../src/ingest/read.js")>("ingest/read.js");

/**
 * Comparison benchmark: the time to compare two versions (alignment, word diffs, mandate
 * changes) over every consecutive pair of every series in the corpus (../shared/corpus/ods and
 * seeds, grouped by the series rule of compare/series-groups.ts), and the time of the duplication
 * and staleness scan over the whole corpus. Targets: median pair < 5 ms, scan < 30 s.
 */

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/corpus");
const FOLDERS = ["seeds", "ods"];

export interface PairTimes {
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  slowest: string;
}

export interface CompareBenchResult {
  documents: number;
  series: number;
  pairs: number;
  /** Paragraph alignment alone (`alignResolutions`). */
  align: PairTimes;
  /** What `mandates diff` computes: alignment, word-level track changes and mandate changes (`compareResolutions`). */
  compare: PairTimes;
  scanMs: number;
  mandates: number;
  findings: Record<string, number>;
}

async function loadCorpus(): Promise<Resolution[]> {
  const docs: Resolution[] = [];
  for (const folder of FOLDERS) {
    const dir = join(CORPUS, folder);
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
      const parsed = await readResolution(new Uint8Array(readFileSync(join(dir, name))), { name });
      if (parsed.ok) docs.push(enrich(parsed.document));
    }
  }
  return docs;
}


/** Each pair's best of `REPEATS` runs: the cost of the code rather than of whatever else the machine was doing. */
const REPEATS = 3;

function timePairs(pairs: (readonly [Resolution, Resolution])[], run: (from: Resolution, to: Resolution) => unknown): PairTimes {
  // Warm the JIT on a few pairs so that the first timings measure the code, not the compiler.
  for (const [from, to] of pairs.slice(0, 20)) run(from, to);
  const best = pairs.map(() => Infinity);
  for (let r = 0; r < REPEATS; r++) {
    pairs.forEach(([from, to], k) => {
      const start = performance.now();
      run(from, to);
      best[k] = Math.min(best[k]!, performance.now() - start);
    });
  }
  const sorted = [...best].sort((a, b) => a - b);
  const slowest = best.indexOf(sorted[sorted.length - 1] ?? 0);
  const [from, to] = pairs[slowest] ?? [];
  return {
    medianMs: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
    slowest: from && to ? `${from.meta.symbol} -> ${to.meta.symbol}` : "",
  };
}

export async function runCompareBench(log: (line: string) => void = console.log): Promise<CompareBenchResult> {
  const docs = await loadCorpus();
  const series = seriesOfDocuments(docs).series.map((s) => s.members.map((m) => m.document));
  const pairs = series.flatMap((versions) => versions.slice(1).map((to, i) => [versions[i]!, to] as const));
  const align = timePairs(pairs, alignResolutions);
  const compare = timePairs(pairs, compareResolutions);

  const scanStart = performance.now();
  const report = findDuplication(docs);
  const scanMs = performance.now() - scanStart;

  const result: CompareBenchResult = {
    documents: docs.length,
    series: series.length,
    pairs: pairs.length,
    align,
    compare,
    scanMs: round(scanMs),
    mandates: report.scanned.mandates,
    findings: report.counts,
  };
  const line = (t: PairTimes) => `median ${t.medianMs} ms, p95 ${t.p95Ms} ms, max ${t.maxMs} ms (${t.slowest})`;
  log(`compare: ${result.pairs} consecutive pairs in ${result.series} series (${result.documents} documents), best of ${REPEATS} runs per pair`);
  log(`compare: diff per pair (align + word changes + mandates) ${line(compare)}; target median < 5 ms`);
  log(`compare: alignment alone per pair ${line(align)}`);
  log(`duplicates: scan of ${result.mandates} mandates in ${result.documents} documents: ${result.scanMs} ms; target < 30000 ms; findings ${JSON.stringify(result.findings)}`);
  return result;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCompareBench();
}

import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compareResolutions } from "../src/compare/compare.js";
import { findDuplication } from "../src/compare/duplicates.js";
import { groupSeries } from "../src/compare/series.js";
import { enrich } from "../src/enrich/index.js";
import { readResolution } from "../src/ingest/read.js";
import type { Resolution } from "../src/model/types.js";

/**
 * Comparison benchmark: the time to compare two versions (alignment, word diffs, mandate
 * changes) over every consecutive pair of every series in the corpus (series: identical
 * normalised title across ../shared/corpus/ods and seeds), and the time of the duplication and
 * staleness scan over the whole corpus. Targets: median pair < 5 ms, scan < 30 s.
 */

const CORPUS = resolve(dirname(fileURLToPath(import.meta.url)), "../../shared/corpus");
const FOLDERS = ["seeds", "ods"];

export interface CompareBenchResult {
  documents: number;
  series: number;
  pairs: number;
  pairMedianMs: number;
  pairP95Ms: number;
  pairMaxMs: number;
  slowestPair: string;
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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export async function runCompareBench(log: (line: string) => void = console.log): Promise<CompareBenchResult> {
  const docs = await loadCorpus();
  const series = groupSeries(docs).filter((s) => s.documents.length > 1);
  const pairs = series.flatMap((s) => s.documents.slice(1).map((to, i) => [s.documents[i]!, to] as const));
  // Warm the JIT on a few pairs so that the first timings measure the code, not the compiler.
  for (const [from, to] of pairs.slice(0, 20)) compareResolutions(from, to);
  const times: { ms: number; label: string }[] = [];
  for (const [from, to] of pairs) {
    const start = performance.now();
    compareResolutions(from, to);
    times.push({ ms: performance.now() - start, label: `${from.meta.symbol} -> ${to.meta.symbol}` });
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a), { ms: 0, label: "" });

  const scanStart = performance.now();
  const report = findDuplication(docs);
  const scanMs = performance.now() - scanStart;

  const result: CompareBenchResult = {
    documents: docs.length,
    series: series.length,
    pairs: pairs.length,
    pairMedianMs: round(percentile(sorted, 0.5)),
    pairP95Ms: round(percentile(sorted, 0.95)),
    pairMaxMs: round(slowest.ms),
    slowestPair: slowest.label,
    scanMs: round(scanMs),
    mandates: report.scanned.mandates,
    findings: report.counts,
  };
  log(`compare: ${result.pairs} consecutive pairs in ${result.series} series (${result.documents} documents)`);
  log(`compare: per pair median ${result.pairMedianMs} ms, p95 ${result.pairP95Ms} ms, max ${result.pairMaxMs} ms (${result.slowestPair}); target median < 5 ms`);
  log(`duplicates: scan of ${result.mandates} mandates in ${result.scanMs} ms; target < 30000 ms; findings ${JSON.stringify(result.findings)}`);
  return result;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runCompareBench();
}

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { shipped } from "./shipped.js";

const { readText } = await shipped<typeof import("../src/ingest/read.js")>("ingest/read.js");
const { enrich } = await shipped<typeof import("../src/enrich/index.js")>("enrich/index.js");

/**
 * Parse throughput on one core over every ODS text in ../shared/corpus (ods/ and seeds/),
 * beside a baseline measured in the same run on the same bytes: decoding them and splitting
 * them into lines. Targets (issues 3 and 4): >= 1,000 resolutions/s and within 5x of the
 * baseline for parsing; >= 500 resolutions/s with enrichment.
 */
export interface ParseBenchResult {
  documents: number;
  megabytes: number;
  baseline: Rate;
  parse: Rate;
  parseAndEnrich: Rate;
}

interface Rate {
  seconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
}

export function loadOdsTexts(corpus: string): { name: string; bytes: Uint8Array }[] {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ["seeds", "ods"]) {
    for (const name of readdirSync(join(corpus, dir)).filter((f) => f.endsWith(".txt")).sort()) {
      files.push({ name, bytes: new Uint8Array(readFileSync(join(corpus, dir, name))) });
    }
  }
  return files;
}

/**
 * Best timings of several bodies over `rounds` rounds after `warmUp` untimed ones: steady-state
 * throughput, as in a long ingest, not the JIT compiling the parser (a large function takes a
 * few rounds to settle). The bodies alternate within each round, so that a burst of load on a
 * shared machine slows the baseline and the parser alike instead of skewing their ratio.
 */
function timeInterleaved(rounds: number, bodies: (() => void)[], warmUp = 3): number[] {
  for (let r = 0; r < warmUp; r++) for (const body of bodies) body();
  const best = bodies.map(() => Infinity);
  for (let r = 0; r < rounds; r++) {
    bodies.forEach((body, i) => {
      const start = performance.now();
      body();
      best[i] = Math.min(best[i]!, (performance.now() - start) / 1000);
    });
  }
  return best;
}

export function runParseBench(corpus: string, rounds = 9): ParseBenchResult {
  const files = loadOdsTexts(corpus);
  const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
  const megabytes = bytes / 1048576;
  const rate = (seconds: number): Rate => ({ seconds, docsPerSecond: files.length / seconds, mbPerSecond: megabytes / seconds });
  let sink = 0;
  const decoder = new TextDecoder();
  const [baseline, parse] = timeInterleaved(rounds, [
    () => {
      for (const f of files) sink += decoder.decode(f.bytes).split("\n").length;
    },
    () => {
      for (const f of files) {
        const parsed = readText(f.bytes, { name: f.name, format: "ods" });
        if (parsed.ok) sink += parsed.document.operative.length;
      }
    },
  ]);
  const [parseAndEnrich] = timeInterleaved(
    Math.ceil(rounds / 3),
    [
      () => {
        for (const f of files) {
          const parsed = readText(f.bytes, { name: f.name, format: "ods" });
          if (parsed.ok) sink += enrich(parsed.document).operative.length;
        }
      },
    ],
    1,
  );
  if (sink < 0) console.log(sink);
  return { documents: files.length, megabytes, baseline: rate(baseline!), parse: rate(parse!), parseAndEnrich: rate(parseAndEnrich!) };
}

export function printParseBench(r: ParseBenchResult): void {
  const row = (label: string, x: Rate) =>
    `  ${label.padEnd(22)} ${x.docsPerSecond.toFixed(0).padStart(8)} docs/s ${x.mbPerSecond.toFixed(1).padStart(8)} MB/s ${(x.seconds * 1000).toFixed(0).padStart(7)} ms`;
  console.log(`parse throughput, one core: ${r.documents} ODS texts, ${r.megabytes.toFixed(1)} MB`);
  console.log(row("baseline (decode+lines)", r.baseline));
  console.log(row("parse", r.parse));
  console.log(row("parse + enrich", r.parseAndEnrich));
  console.log(`  parse / baseline time: ${(r.parse.seconds / r.baseline.seconds).toFixed(1)}x (target <= 5x); parse >= 1000 docs/s: ${r.parse.docsPerSecond >= 1000 ? "yes" : "NO"}; with enrichment >= 500 docs/s: ${r.parseAndEnrich.docsPerSecond >= 500 ? "yes" : "NO"}`);
}

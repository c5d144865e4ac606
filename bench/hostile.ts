import { performance } from "node:perf_hooks";
import { HOSTILE_INPUTS } from "../test/helpers/hostile.js";
import { shipped } from "./shipped.js";

await shipped("ingest/decoders.js");
const { readResolution } = await shipped<typeof import("../src/ingest/read.js")>("ingest/read.js");
const { enrich } = await shipped<typeof import("../src/enrich/index.js")>("enrich/index.js");

/**
 * Hostile inputs (test/helpers/hostile.ts: real resolutions grown with what once made reading
 * them grow with the square of their size), each read and enriched at about 1 MB and 4 MB. The
 * time should grow with the input, about four times; target: under six times, and under 5 s for
 * the larger (the fuzz test's limit per case).
 */
export interface HostileTiming {
  name: string;
  megabytes: [number, number];
  ms: [number, number];
}

const TARGET_BYTES = 1_000_000;

async function timeRead(text: string, file: string): Promise<number> {
  const bytes = new TextEncoder().encode(text);
  let best = Infinity;
  for (let round = 0; round < 2; round++) {
    const start = performance.now();
    const parsed = await readResolution(bytes, { name: file });
    if (parsed.ok) enrich(parsed.document);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function runHostileBench(): Promise<HostileTiming[]> {
  const out: HostileTiming[] = [];
  for (const input of HOSTILE_INPUTS) {
    // the bytes one repetition adds, to size the inputs
    const perPiece = (input.build(2000).length - input.build(1000).length) / 1000;
    const small = Math.max(1, Math.round(TARGET_BYTES / perPiece));
    const texts = [input.build(small), input.build(small * 4)];
    await timeRead(texts[0]!, input.file); // warm-up
    const ms: [number, number] = [await timeRead(texts[0]!, input.file), await timeRead(texts[1]!, input.file)];
    out.push({ name: input.name, megabytes: [texts[0]!.length / 1e6, texts[1]!.length / 1e6], ms });
  }
  return out;
}

export function printHostileBench(timings: HostileTiming[]): void {
  console.log("hostile inputs, read and enriched (test/helpers/hostile.ts), about 1 MB and 4 MB:");
  for (const t of timings) {
    const ratio = t.ms[1] / Math.max(t.ms[0], 0.001);
    const ok = ratio < 6 && t.ms[1] < 5000;
    console.log(
      `  ${t.name.padEnd(48)} ${t.megabytes[0].toFixed(1).padStart(5)} MB ${t.ms[0].toFixed(0).padStart(6)} ms  ${t.megabytes[1].toFixed(1).padStart(5)} MB ${t.ms[1].toFixed(0).padStart(6)} ms  x${ratio.toFixed(1)}${ok ? "" : "  OVER TARGET"}`,
    );
  }
  console.log("  target: 4x the input takes under 6x the time, and under 5 s");
}

/**
 * Worker for the whole-corpus series test: reads the files it is given as `mandates series
 * FILES...` does (readResolution, enrich) and posts back, per file, the series candidate the one
 * series rule reads of it.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { type SeriesCandidate, seriesCandidate } from "../../src/compare/series-groups.js";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";

export interface CandidateResult {
  file: string;
  candidate: SeriesCandidate | null;
}

const results: CandidateResult[] = [];
for (const file of workerData.files as string[]) {
  const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: file });
  results.push({ file, candidate: parsed.ok ? seriesCandidate(enrich(parsed.document)) : null });
}
parentPort!.postMessage(results);

import assert from "node:assert/strict";
import { test } from "node:test";
import { Worker } from "node:worker_threads";
import { unpackedCorpus } from "../helpers/corpus.js";
import type { FuzzMessage } from "./fuzz-worker.js";

/**
 * Fuzzing the readers: a few thousand real corpus texts (ODS and hard-wrapped text, Akoma Ntoso
 * XML in four languages, EOSG JSON) mutated by a seeded generator (test/ingest/fuzz-cases.ts),
 * each detected, decoded, parsed, enriched and viewed as JSON. No case may throw, have a decoder
 * catch an exception, refuse without a problem, place a paragraph outside its text, or take
 * longer than 5 s; one that hangs is stopped. FUZZ_SEED and FUZZ_CASES run other cases; a
 * failure names its seed, number, base file and mutations, which make it again.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20_251_207);
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
/** The longest a case may take; most take milliseconds, the largest (1 MB and more) a second or less. */
const CASE_LIMIT_MS = 5000;

const WORKER_URL = new URL("./fuzz-worker.ts", import.meta.url);

test(`${CASES} mutated corpus texts (seed ${SEED}) read without a crash, an exception or a case over 5 s`, { timeout: 600_000 }, async (t) => {
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { seed: SEED, cases: CASES, unpacked: unpackedCorpus() } });
  const failures: string[] = [];
  let current: Extract<FuzzMessage, { type: "start" }> | null = null;
  let done = 0;
  let slowest = { ms: 0, index: -1 };
  const describe = (c: Extract<FuzzMessage, { type: "start" }>) =>
    `case ${c.index} of seed ${SEED} (${c.base} read as ${c.name}, ${c.bytes} bytes; ${c.mutations.join("; ")})`;
  await new Promise<void>((resolve, reject) => {
    let watchdog: NodeJS.Timeout | undefined;
    const finish = (error?: Error) => {
      clearTimeout(watchdog);
      void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    worker.on("message", (message: FuzzMessage) => {
      if (message.type === "start") {
        current = message;
        clearTimeout(watchdog);
        // a case that never ends: stop it and name it (the time it took is checked below)
        watchdog = setTimeout(() => finish(new Error(`${describe(message)} ran past ${(2 * CASE_LIMIT_MS) / 1000} s and was stopped`)), 2 * CASE_LIMIT_MS);
      } else if (message.type === "done") {
        clearTimeout(watchdog);
        done++;
        if (message.ms > slowest.ms) slowest = { ms: message.ms, index: message.index };
        if (!message.ok) failures.push(`${describe(current!)}: ${message.failure}`);
        else if (message.ms > CASE_LIMIT_MS) failures.push(`${describe(current!)}: took ${(message.ms / 1000).toFixed(1)} s`);
      } else if (message.type === "end") finish();
    });
    worker.on("error", (e) => finish(new Error(`the fuzz worker failed${current ? ` at ${describe(current)}` : ""}: ${e.stack ?? e.message}`)));
    worker.on("exit", (code) => finish(new Error(`the fuzz worker exited with code ${code}${current ? ` at ${describe(current)}` : ""}`)));
  });
  t.diagnostic(`${done} cases; slowest: case ${slowest.index}, ${slowest.ms.toFixed(0)} ms`);
  assert.equal(done, CASES);
  assert.deepEqual(failures, [], `${failures.length} of ${CASES} cases failed (slowest: case ${slowest.index}, ${slowest.ms.toFixed(0)} ms)`);
});

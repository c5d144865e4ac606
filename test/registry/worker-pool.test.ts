import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { formatSummary } from "../../src/cli/ingest.js";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { problem } from "../../src/model/problems.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { WorkerPreparer } from "../../src/registry/worker-pool.js";
import { corpusFile, readCorpus } from "../helpers/corpus.js";
import { storeFactories } from "./stores.js";

/**
 * The ingest's worker threads: a file that takes longer than the time limit fails alone, with
 * "took longer than N s"; its worker is stopped and replaced, and the files queued behind it
 * are prepared by the new one. The workers here are the real ones but for one file that never
 * ends (test/registry/endless-worker.ts), as a parse that hangs would.
 */

const ENDLESS = new URL("./endless-worker.ts", import.meta.url);
const GUARD = { timeout: 120_000 };
// Long enough that a real resolution never reaches it on a loaded machine (a 1 s limit failed
// real files when the whole suite ran on two busy cores), short enough to keep the test quick.
const LIMIT_S = 5;
const seeds = ["A_RES_63_231.en.txt", "A_RES_69_235.en.txt"];

test("a file past the time limit fails alone, and the files queued behind it on its worker are prepared", GUARD, async () => {
  const pool = new WorkerPreparer(1, { fileTimeout: LIMIT_S, workerUrl: ENDLESS });
  try {
    const endless = readCorpus("seeds", seeds[0]!);
    const outcomes = await Promise.all([
      pool.prepare(readCorpus("seeds", seeds[0]!), seeds[0]!),
      pool.prepare(endless, "endless.txt"),
      pool.prepare(readCorpus("seeds", seeds[1]!), seeds[1]!),
      pool.prepare(readCorpus("ods", "A_RES_75_1.en.txt"), "A_RES_75_1.en.txt"),
    ]);
    assert.deepEqual(outcomes[1], { ok: false, problems: [problem("timeout", `took longer than ${LIMIT_S} s`)] });
    assert.deepEqual(outcomes.map((o) => o.ok), [true, false, true, true]);
    assert.deepEqual(outcomes.map((o) => (o.ok ? o.prepared.symbol : null)), ["A/RES/63/231", null, "A/RES/69/235", "A/RES/75/1"]);
    // the pool goes on with a new worker
    const after = await pool.prepare(readCorpus("seeds", seeds[1]!), seeds[1]!);
    assert.ok(after.ok);
  } finally {
    await pool.close();
  }
});

test("a worker that dies at a file fails that file only; the others are prepared", GUARD, async () => {
  const pool = new WorkerPreparer(1, { workerUrl: ENDLESS });
  try {
    const outcomes = await Promise.all([
      pool.prepare(readCorpus("seeds", seeds[0]!), seeds[0]!),
      pool.prepare(readCorpus("seeds", seeds[0]!), "crash.txt"),
      pool.prepare(readCorpus("seeds", seeds[1]!), seeds[1]!),
    ]);
    assert.deepEqual(outcomes[1], { ok: false, problems: [problem("internal-error", "the worker thread exited with code 3")] });
    assert.deepEqual(outcomes.map((o) => o.ok), [true, false, true]);
  } finally {
    await pool.close();
  }
});

for (const factory of storeFactories()) {
  describe(`ingest on ${factory.dialect}`, () => {
    test("ingest lists the file past the limit as failed, with the limit, and stores the others", GUARD, async () => {
      const db = await factory.open();
      const dir = mkdtempSync(join(tmpdir(), "endless-"));
      try {
        // a real resolution under a name at which the endless worker works forever
        const endless = join(dir, "endless.txt");
        copyFileSync(corpusFile("ods", "A_RES_75_10.en.txt"), endless);
        const files = [corpusFile("seeds", seeds[0]!), endless, corpusFile("seeds", seeds[1]!), corpusFile("ods", "A_RES_75_1.en.txt")];
        const summary = await ingestPaths(db.store, files, { preparer: new WorkerPreparer(1, { fileTimeout: LIMIT_S, workerUrl: ENDLESS }) });
        assert.equal(summary.added, 3);
        assert.deepEqual(summary.failed, [{ file: endless, reasons: [`timeout: took longer than ${LIMIT_S} s`] }]);
        assert.match(formatSummary(summary), new RegExp(`failed .*endless\\.txt: timeout: took longer than ${LIMIT_S} s`));
        assert.ok(await db.store.getDocument("A/RES/75/1"));
      } finally {
        await db.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

test("ingest --file-timeout takes seconds; it needs worker threads", async () => {
  const zero = memoryIO();
  assert.equal(await runCli(["ingest", "x.txt", "--file-timeout", "0"], zero), 2);
  assert.match(zero.err, /--file-timeout takes a number of seconds above 0/);
  const inThread = memoryIO();
  assert.equal(await runCli(["ingest", "x.txt", "--workers", "0", "--file-timeout", "5"], inThread), 2);
  assert.match(inThread.err, /--file-timeout needs worker threads/);
  // a small load with a limit is prepared in a worker thread, where the limit applies
  const dir = mkdtempSync(join(tmpdir(), "file-timeout-"));
  try {
    const io = memoryIO();
    assert.equal(await runCli(["ingest", corpusFile("seeds", seeds[0]!), "--file-timeout", "20", "--db", join(dir, "r.db")], io), 0, io.err);
    assert.match(io.out, /^1 files: 1 added/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

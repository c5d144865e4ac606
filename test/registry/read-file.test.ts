import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { MAX_INPUT_BYTES } from "../../src/ingest/read.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { readFileWithin } from "../../src/registry/read-file.js";
import { corpusFile, ROOT } from "../helpers/corpus.js";
import { storeFactories } from "./stores.js";

/**
 * Reading stops at the size limit whatever the file is: a regular file over it is refused by
 * its size without being read (a sparse file of 1 GB), anything else (a device, a FIFO) is read
 * up to one byte past the limit. Before, `parse /dev/zero` grew to 23 GB until it was killed.
 */

const GB = 1024 * 1024 * 1024;
let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "read-file-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function sparseFile(name: string, size: number): string {
  const path = join(dir, name);
  closeSync(openSync(path, "w"));
  truncateSync(path, size);
  return path;
}

test("a regular file within the limit is read whole", async () => {
  const path = corpusFile("pdf", "A_RES_73_3.en.pdf");
  const read = await readFileWithin(path);
  assert.ok(read.ok);
  assert.deepEqual(Buffer.from(read.bytes), readFileSync(path));
});

test("a sparse file of 1 GB is refused by its size, which a stat gives, without being read", async () => {
  const read = await readFileWithin(sparseFile("sparse.txt", GB));
  // a size means the stat refused it: reading stops without knowing the size
  assert.deepEqual(read, { ok: false, tooLarge: { bytes: GB, limit: MAX_INPUT_BYTES } });
});

test("/dev/zero is read up to one byte past the limit and refused", async () => {
  const read = await readFileWithin("/dev/zero");
  assert.deepEqual(read, { ok: false, tooLarge: { bytes: null, limit: MAX_INPUT_BYTES } });
  const small = await readFileWithin("/dev/zero", 1000);
  assert.deepEqual(small, { ok: false, tooLarge: { bytes: null, limit: 1000 } });
});

test("a FIFO fed without end is read up to the limit and refused", async () => {
  const fifo = join(dir, "endless.txt");
  execFileSync("mkfifo", [fifo]);
  // the writer dies of SIGPIPE once the reader closes its end
  const writer = spawn("sh", ["-c", `exec cat /dev/zero > '${fifo}'`], { stdio: "ignore" });
  try {
    assert.deepEqual(await readFileWithin(fifo, 10 * 1024 * 1024), { ok: false, tooLarge: { bytes: null, limit: 10 * 1024 * 1024 } });
  } finally {
    writer.kill();
  }
});

test("mandates parse /dev/zero says it is too large, within the limit's memory and quickly", { timeout: 120_000 }, async () => {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test", "helpers", "cli-rss.ts"), "parse", "/dev/zero", "--json"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  // the hang detector: before, the process grew until it was killed
  const killer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(killer);
  assert.equal(code, 1, stderr);
  assert.deepEqual(JSON.parse(stdout), { file: "/dev/zero", error: "the input is more than 64 MB; resolutions are far below the 64 MB limit" });
  const peakKb = Number(/maxRSS (\d+)/.exec(stderr)?.[1]);
  // node and the loader take about 200 MB; the 64 MB read at most once more
  assert.ok(peakKb > 0 && peakKb < 600 * 1024, `peak memory ${peakKb} KB`);
});

for (const factory of storeFactories()) {
  describe(`ingest on ${factory.dialect}`, () => {
    test("ingest refuses /dev/zero and a sparse 1 GB file, and stores the file beside them", { timeout: 120_000 }, async () => {
      const db = await factory.open();
      try {
        const sparse = sparseFile(`big-${factory.dialect}.txt`, GB);
        const seed = corpusFile("seeds", "A_RES_63_231.en.txt");
        const summary = await ingestPaths(db.store, ["/dev/zero", sparse, seed], { workers: 0 });
        assert.equal(summary.added, 1);
        assert.deepEqual(summary.failed, [
          { file: "/dev/zero", reasons: ["too-large: the input is more than 64 MB; resolutions are far below the 64 MB limit"] },
          { file: sparse, reasons: ["too-large: the input is 1024.0 MB; resolutions are far below the 64 MB limit"] },
        ]);
      } finally {
        await db.dispose();
      }
    });
  });
}

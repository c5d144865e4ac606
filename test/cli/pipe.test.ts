import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { ingestPaths } from "../../src/registry/ingest.js";
import { openStore } from "../../src/registry/open.js";
import { CLI_ARGS } from "../helpers/cli-child.js";
import { CORPUS, listFiles, ROOT } from "../helpers/corpus.js";

/**
 * The command piped into `head`, in a real shell pipeline: when head has read its line and
 * gone, the command ends at once and quietly, with status 0 and nothing on stderr. Before, it
 * died of an unhandled EPIPE 'error' event, with a stack trace and status 1.
 */

const GUARD = { timeout: 120_000 };
let dir: string;
let db: string;
const ods = listFiles(join(CORPUS, "ods"), ".txt");

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "pipe-"));
  db = join(dir, "registry.db");
  const store = await openStore(db);
  try {
    await ingestPaths(store, ods.slice(0, 60), { workers: 0 });
  } finally {
    await store.close();
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** `mandates ARGS | head -1` in bash: mandates' status, what head printed, what mandates said on stderr. */
function pipedIntoHead(args: string[]): { status: number; head: string; stderr: string; ms: number } {
  const command = [process.execPath, ...CLI_ARGS, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const started = performance.now();
  const run = spawnSync("bash", ["-c", `${command} 2>"$0" | head -1; exit "\${PIPESTATUS[0]}"`, join(dir, "stderr.txt")], { cwd: ROOT, encoding: "utf8", timeout: 100_000 });
  const stderr = spawnSync("cat", [join(dir, "stderr.txt")], { encoding: "utf8" }).stdout;
  return { status: run.status ?? -1, head: run.stdout, stderr, ms: performance.now() - started };
}

test("search | head -1 ends quietly with status 0", GUARD, () => {
  const run = pipedIntoHead(["search", "development", "--limit", "400", "--db", db]);
  assert.match(run.head, /^\d+ paragraphs\n$/);
  assert.equal(run.stderr, "");
  assert.equal(run.status, 0);
});

test("mandates and export piped into head end quietly with status 0", GUARD, () => {
  for (const args of [["mandates", "--db", db], ["export", "--db", db, "--jsonl"]]) {
    const run = pipedIntoHead(args);
    assert.ok(run.head.length > 0, args[0]);
    assert.equal(run.stderr, "", args[0]);
    assert.equal(run.status, 0, args[0]);
  }
});

test("parse of 1,600 files | head -1 stops at once: the missing file at the end is never reached", GUARD, () => {
  const run = pipedIntoHead(["parse", ...ods, join(dir, "missing.txt"), "--json"]);
  assert.equal(JSON.parse(run.head).symbol, "A/RES/75/1");
  // parsing on would end by naming the missing file on stderr
  assert.equal(run.stderr, "");
  assert.equal(run.status, 0);
});

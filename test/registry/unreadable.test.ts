import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ingestPaths } from "../../src/registry/ingest.js";
import { corpusFile, ROOT } from "../helpers/corpus.js";
import { storeFactories } from "./stores.js";

/**
 * One unreadable entry fails alone: the files beside a folder that cannot be listed, a link to
 * nothing, a link loop or a FIFO are stored, and each of those is listed with its reason.
 * Before, one unreadable subfolder stopped the walk, and nothing was stored.
 *
 * A folder locked with mode 000 does not stop root, who reads it anyway: run as root, as the
 * tests often are, that check runs `mandates ingest` in a child process as the user nobody
 * (uid 65534), whom the mode does stop.
 */

const GUARD = { timeout: 120_000 };
const SEED = corpusFile("seeds", "A_RES_63_231.en.txt");
const OTHER = corpusFile("seeds", "A_RES_69_235.en.txt");
const THIRD = corpusFile("ods", "A_RES_75_1.en.txt");
const asRoot = process.getuid?.() === 0;
const NOBODY = 65534;

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), "unreadable-"));
  chmodSync(dir, 0o755);
  return dir;
}

/** `mandates ingest DIR --json` as the user nobody; the summary it prints. */
async function ingestAsNobody(dir: string, db: string): Promise<{ added: number; failed: { file: string; reasons: string[] }[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), "ingest", dir, "--db", db, "--json"], {
    cwd: ROOT,
    uid: NOBODY,
    gid: NOBODY,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  assert.equal(code, 3, `some files stored, some failed: ${err}`);
  return JSON.parse(out);
}

for (const factory of storeFactories()) {
  describe(`ingest on ${factory.dialect}`, () => {
    test("a link to nothing, a link loop and a FIFO are listed with their reasons; the files beside them are stored", GUARD, async () => {
      const db = await factory.open();
      const dir = scratch();
      try {
        copyFileSync(SEED, join(dir, "a.txt"));
        mkdirSync(join(dir, "b"));
        copyFileSync(OTHER, join(dir, "b", "c.txt"));
        symlinkSync(join(dir, "b"), join(dir, "also-b")); // b reached twice: walked once
        symlinkSync(join(dir, "nowhere.txt"), join(dir, "gone.txt"));
        symlinkSync("loop", join(dir, "loop"));
        symlinkSync(".", join(dir, "self"));
        execFileSync("mkfifo", [join(dir, "pipe.txt")]);
        copyFileSync(THIRD, join(dir, "z.txt"));
        const summary = await ingestPaths(db.store, [dir], { workers: 0 });
        assert.equal(summary.added, 3);
        assert.equal(summary.files, 7);
        assert.deepEqual(summary.failed, [
          { file: join(dir, "gone.txt"), reasons: ["broken-link: a symbolic link to nothing readable: no such file or folder (ENOENT)"] },
          { file: join(dir, "loop"), reasons: ["broken-link: a symbolic link to nothing readable: too many symbolic links (a loop) (ELOOP)"] },
          { file: join(dir, "pipe.txt"), reasons: ["not-a-file: it is not a regular file (a FIFO, socket or device)"] },
          { file: join(dir, "self"), reasons: [`link-loop: a symbolic link loop: it leads back to ${dir}, which holds it`] },
        ]);
        for (const symbol of ["A/RES/63/231", "A/RES/69/235", "A/RES/75/1"]) assert.ok(await db.store.getDocument(symbol), symbol);
      } finally {
        await db.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });

    test("a locked subfolder and a locked file are listed as unreadable; the files beside them are stored", GUARD, async () => {
      const db = await factory.open();
      const dir = scratch();
      try {
        copyFileSync(SEED, join(dir, "a.txt"));
        mkdirSync(join(dir, "locked"));
        copyFileSync(OTHER, join(dir, "locked", "inside.txt"));
        copyFileSync(OTHER, join(dir, "locked.txt"));
        copyFileSync(THIRD, join(dir, "z.txt"));
        chmodSync(join(dir, "locked"), 0o000);
        chmodSync(join(dir, "locked.txt"), 0o000);
        let summary;
        if (asRoot) {
          const registry = join(dir, "registry");
          mkdirSync(registry);
          chmodSync(registry, 0o777);
          summary = await ingestAsNobody(dir, factory.dialect === "sqlite" ? join(registry, "r.db") : db.location);
        } else {
          summary = await ingestPaths(db.store, [dir], { workers: 0 });
        }
        assert.equal(summary.added, 2);
        assert.deepEqual(summary.failed, [
          { file: join(dir, "locked"), reasons: ["unreadable: permission denied (EACCES)"] },
          { file: join(dir, "locked.txt"), reasons: ["unreadable: permission denied (EACCES)"] },
        ]);
      } finally {
        chmodSync(join(dir, "locked"), 0o755);
        await db.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { maskedLocation } from "../../src/registry/open.js";
import { buildApp } from "../../src/server/app.js";
import { corpusFile, readCorpus, ROOT } from "../helpers/corpus.js";
import { type OpenedStore, POSTGRES_URL, storeFactories } from "./stores.js";

/**
 * Nothing leaks: a password in a registry URL is masked wherever the URL is printed, and a
 * document's versions name their source files without the server's folders, also those recorded
 * with their paths before.
 */

const SECRET = "s3cr3t-Pa55";
/** Nothing listens on port 1: opening a registry there fails at once, with a message naming it. */
const UNREACHABLE = `postgres://registry:${SECRET}@127.0.0.1:1/mandates`;

test("maskedLocation masks the password of a URL and any parameter carrying one", () => {
  assert.equal(maskedLocation(`postgres://registry:${SECRET}@db.example.org:5432/mandates`), "postgres://registry:***@db.example.org:5432/mandates");
  assert.equal(maskedLocation(`postgresql://:${SECRET}@db/x`), "postgresql://:***@db/x");
  assert.equal(maskedLocation(`postgres://db/x?user=r&password=${SECRET}&sslmode=require`), "postgres://db/x?user=r&password=***&sslmode=require");
  assert.equal(maskedLocation(`postgres://db/x?sslpassword=${SECRET}`), "postgres://db/x?sslpassword=***");
  // not a URL the parser takes (a space), masked all the same
  assert.equal(maskedLocation(`postgres://registry:${SECRET}@db host/x`), "postgres://registry:***@db host/x");
  assert.equal(maskedLocation("./data/registry.db"), "./data/registry.db");
});

test("commands that cannot open a registry name it without its password", async () => {
  for (const argv of [
    ["serve", "--db", UNREACHABLE, "--port", "0"],
    ["search", "development", "--db", UNREACHABLE],
    ["show", "A/RES/70/1", "--db", UNREACHABLE],
    ["ingest", corpusFile("seeds", "A_RES_63_231.en.txt"), "--db", UNREACHABLE],
  ]) {
    const io = memoryIO();
    assert.equal(await runCli(argv, io), 1, argv[0]);
    assert.match(io.err, /registry:\*\*\*@127\.0\.0\.1:1/, argv[0]);
    assert.ok(!(io.out + io.err).includes(SECRET), `${argv[0]}: ${io.err}`);
  }
  // from DATABASE_URL too
  const io = memoryIO();
  io.env.DATABASE_URL = UNREACHABLE;
  assert.equal(await runCli(["mandates", "--actor", "UNIDO"], io), 1);
  assert.ok(io.err.includes("registry:***@") && !io.err.includes(SECRET), io.err);
});

test("serve prints the registry it serves without its password", { skip: !POSTGRES_URL && "needs TEST_DATABASE_URL", timeout: 60_000 }, async () => {
  const postgres = storeFactories().find((f) => f.dialect === "postgres")!;
  const db = await postgres.open();
  // a schema of its own; the test server trusts local connections: any password is taken, and must not be printed
  const url = new URL(db.location);
  url.username ||= "postgres";
  url.password = SECRET;
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src", "cli", "main.ts"), "serve", "--port", "0", "--db", url.toString()], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const started = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("\n")) resolve(out);
    });
    child.on("close", () => reject(new Error(`serve exited: ${err}`)));
  });
  child.kill("SIGTERM");
  await new Promise((resolve) => child.on("close", resolve));
  await db.dispose();
  assert.match(started, /^Mandate Registry on http:\/\/127\.0\.0\.1:\d+ \(\d+ documents in postgres:\/\/[^:]+:\*\*\*@/);
  assert.ok(!(out + err).includes(SECRET), out + err);
});

for (const factory of storeFactories()) {
  describe(`source names on ${factory.dialect}`, () => {
    let db: OpenedStore;
    before(async () => {
      db = await factory.open();
    });
    after(() => db?.dispose());

    test("ingest records a source's file name, not its path; the API shows file names, also of versions recorded with paths before", async () => {
      const path = corpusFile("seeds", "A_RES_63_231.en.txt");
      const summary = await ingestPaths(db.store, [path], { workers: 0 });
      assert.equal(summary.added, 1);
      const stored = await db.store.getDocument("A/RES/63/231");
      assert.deepEqual(stored!.versions.map((v) => v.sourceName), ["A_RES_63_231.en.txt"]);
      assert.equal(stored!.document.source.name, "A_RES_63_231.en.txt");

      // a version recorded as registries did before: with the server's path
      const other = corpusFile("seeds", "A_RES_69_235.en.txt");
      const parsed = await readResolution(readCorpus("seeds", "A_RES_69_235.en.txt"), { name: other });
      assert.ok(parsed.ok);
      await db.store.putDocument(enrich(parsed.document), { sha256: "0".repeat(64), format: "ods", name: other, byteLength: 1 });
      assert.equal((await db.store.getDocument("A/RES/69/235"))!.versions[0]!.sourceName, other);

      const app = await buildApp(db.store);
      try {
        for (const [symbol, name] of [["A_RES_63_231", "A_RES_63_231.en.txt"], ["A_RES_69_235", "A_RES_69_235.en.txt"]] as const) {
          const response = await app.inject({ method: "GET", url: `/api/documents/${symbol}` });
          assert.equal(response.statusCode, 200);
          assert.deepEqual(response.json().versions.map((v: { sourceName: string }) => v.sourceName), [name]);
          assert.ok(!response.body.includes(ROOT) && !response.body.includes("/shared/corpus"), symbol);
        }
      } finally {
        await app.close();
      }
    });
  });
}

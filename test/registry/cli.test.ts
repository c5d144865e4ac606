import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { CORPUS } from "../helpers/corpus.js";
import { seriesFiles } from "./stores.js";

/** The registry commands run in-process on an SQLite file: ingest, search, show, mandates. */

let dir: string;
let db: string;
const run = async (...argv: string[]) => {
  const io = memoryIO();
  const code = await runCli([...argv, "--db", db], io);
  return { code, out: io.out, err: io.err };
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "registry-cli-"));
  db = join(dir, "registry.db");
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("ingest prints a closing summary and exits 0; a missing path makes it 3", async () => {
  const first = await run("ingest", ...seriesFiles());
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /^6 files: 6 added, 0 updated, 0 kept as renditions, 0 unchanged, 0 failed .*; 1 series$/m);
  assert.doesNotMatch(first.err, /upgrading/, "a new registry is created, not upgraded");
  const again = await run("ingest", "--json", seriesFiles()[0]!, join(dir, "missing.txt"));
  assert.equal(again.code, 3);
  const summary = JSON.parse(again.out);
  assert.equal(summary.unchanged, 1);
  assert.equal(summary.failed[0].file, join(dir, "missing.txt"));
});

test("search prints ranked hits with their snippets, or JSON", async () => {
  const text = await run("search", "industrial", "cooperation", "--session", "69", "--limit", "3");
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^\d+ paragraphs\n\nA\/RES\/69\/235 (operative|preamble)\.\d+ {2}Industrial development cooperation\n {2}.*\*industrial\*/im);
  const json = JSON.parse((await run("search", "South-South", "--json", "--facets")).out);
  assert.ok(json.total > 0 && json.facets.session.length > 0);
  const bad = await run("search", "x", "--kind", "chapter");
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--kind is one of/);
  // a search the registry refuses is a usage error naming the problem, not a failure of the registry
  const tooMany = await run("search", ...Array.from({ length: 33 }, (_, i) => `word${i}`));
  assert.equal(tooMany.code, 2);
  assert.equal(tooMany.err, "mandates search: search-too-many-terms: a search may hold at most 32 terms\n");
  const beyond = await run("search", "industrial", "--offset", "9999", "--limit", "5");
  assert.equal(beyond.code, 2);
  assert.match(beyond.err, /^mandates search: search-beyond-window: hits beyond the first 10000 are not served/);
});

test("show prints a document's outline, JSON or source text; an unknown symbol exits 1", async () => {
  const outline = await run("show", "69/235");
  assert.equal(outline.code, 0, outline.err);
  assert.match(outline.out, /^A\/RES\/69\/235 {2}Industrial development cooperation/);
  assert.match(outline.out, /versions: 1 ods .* \(current\)/);
  const json = JSON.parse((await run("show", "A_RES_69_235", "--json")).out);
  assert.equal(json.document.operative.length, 31);
  assert.match((await run("show", "A/RES/69/235", "--text")).out, /^\[DU1\]/);
  const missing = await run("show", "12/345");
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no document A\/RES\/12\/345/);
});

test("show --elsewhere lists where a paragraph's words appear again; an unknown paragraph exits 1", async () => {
  const text = await run("show", "79/222", "--elsewhere", "operative.38");
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, /^A\/RES\/79\/222 operative\.38: Encourages the promotion of South-South cooperation/);
  assert.match(text.out, /^ {2}A\/RES\/75\/231 operative\.30 {2}Industrial development cooperation$/m);
  const json = JSON.parse((await run("show", "79/222", "--elsewhere", "operative.38", "--json")).out);
  assert.ok(json.occurrences.length >= 2);
  const missing = await run("show", "79/222", "--elsewhere", "operative.999");
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no paragraph operative\.999 of A\/RES\/79\/222/);
  const malformed = await run("show", "79/222", "--elsewhere", "operative");
  assert.equal(malformed.code, 2);
  assert.match(malformed.err, /^mandates show: --elsewhere: "operative" is not a paragraph reference: write preamble\.N, operative\.N/);
});

test("mandates by actor and by session due", async () => {
  const unido = await run("mandates", "--actor", "UNIDO", "--session", "63");
  assert.equal(unido.code, 0, unido.err);
  assert.match(unido.out, /^\d+ mandates\n/);
  const lines = unido.out.split("\n").filter((l) => l.startsWith("A/RES/"));
  assert.ok(lines.length > 0);
  for (const line of lines) assert.match(line, /^A\/RES\/63\/231 operative\.\d+.* United Nations Industrial Development Organization: /);
  const due = JSON.parse((await run("mandates", "--due", "71", "--report", "--json")).out);
  assert.ok(due.items.some((m: { symbol: string; ref: string }) => m.symbol === "A/RES/69/235" && m.ref === "operative.31"));
  assert.equal((await run("mandates", "--due", "soon")).code, 2);
});

test("a command on a registry of an older schema says it is upgrading it, once", async () => {
  const { default: Database } = await import("better-sqlite3");
  const raw = new Database(db);
  // Migration 10 moves every paragraph id by its document's offset, zero once moved: rerunning it changes nothing.
  raw.prepare("DELETE FROM schema_migrations WHERE id = 10").run();
  raw.close();
  const upgraded = await run("show", "69/235");
  assert.equal(upgraded.code, 0, upgraded.err);
  assert.match(upgraded.err, /^upgrading the registry: migration 10, paragraph ids ascending from the newest document/m);
  const after = await run("search", "industrial", "--session", "69", "--limit", "1");
  assert.equal(after.code, 0);
  assert.equal(after.err, "");
  assert.match(after.out, /A\/RES\/69\/235/);
});

test("ingest stores the corpus's rows of official metadata, counts them, exits 0; show prints the vote", async () => {
  const ingested = await run("ingest", join(CORPUS, "metadata"), join(CORPUS, "ods", "A_RES_80_96.en.txt"));
  assert.equal(ingested.code, 0, ingested.out + ingested.err);
  assert.match(ingested.out, /^8 files: 1 added, 0 updated, 0 kept as renditions, 0 unchanged, 0 failed; 7 metadata files, 1,931 rows .*$/m);
  const outline = await run("show", "80/96");
  assert.match(outline.out, /\nAdopted by a recorded vote of 153 to 2, with 9 abstentions \(A\/80\/PV\.55\)\n/);
  const json = JSON.parse((await run("show", "A/RES/80/96", "--json")).out);
  assert.deepEqual([json.document.voting.inFavour, json.document.voting.against, json.document.voting.abstaining], [153, 2, 9]);
  assert.equal(json.document.voting.members.length, 164);
  const summary = JSON.parse((await run("ingest", "--json", join(CORPUS, "metadata", "80.json"))).out);
  assert.deepEqual(summary.metadata, { files: 1, rows: 228, problems: [] });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DocumentLookup, diffCommand, seriesCommand } from "../../src/cli/diff.js";
import { duplicatesCommand } from "../../src/cli/duplicates.js";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import type { Resolution } from "../../src/model/types.js";
import { corpusFile, unpackedCorpus } from "../helpers/corpus.js";
import { corpusResolution, ods } from "./helpers.js";

const OLD = corpusFile("seeds", "A_RES_63_231.en.txt");
const NEW = corpusFile("seeds", "A_RES_69_235.en.txt");
const disk = async (path: string) => new Uint8Array(await readFile(path));
const ESC = "\x1b[";

test("diff --json: one entry per aligned pair, named as the gold contract names paragraphs", async () => {
  const io = memoryIO({}, disk);
  assert.equal(await runCli(["diff", OLD, NEW, "--json"], io), 0, io.err);
  const out = JSON.parse(io.out);
  assert.equal(out.from.symbol, "A/RES/63/231");
  assert.equal(out.to.symbol, "A/RES/69/235");
  const report = out.pairs.find((p: any) => p.from === "operative.20");
  assert.equal(report.to, "operative.31");
  assert.equal(report.change, "edited");
  assert.equal(report.similarity, 0.92);
  assert.deepEqual(report.changes.filter((c: any) => c.type !== "equal").map((c: any) => c.text), ["sixty", "seventy", "fifth", "first"]);
  assert.deepEqual(out.pairs.find((p: any) => p.from === "operative.2").to, "operative.7");
  // dropped and added paragraphs have a null side
  assert.ok(out.pairs.some((p: any) => p.change === "dropped" && p.from === "operative.11" && p.to === null));
  assert.ok(out.pairs.some((p: any) => p.change === "added" && p.from === null && p.to === "operative.2"));
  assert.ok(out.mandates.changes.some((m: any) => m.status === "changed" && m.fields.includes("deadline") && m.to.dueSession === 71));
});

test("diff as text: track-change marks without colour off a terminal, ANSI colour on one, none with NO_COLOR", async () => {
  const plain = memoryIO({}, disk);
  assert.equal(await runCli(["diff", OLD, NEW], plain), 0);
  assert.ok(!plain.out.includes(ESC));
  assert.match(plain.out, /\[-sixty-\]\{\+seventy\+\}-\[-fifth-\]\{\+first\+\} session/);
  assert.match(plain.out, /~ operative\.20 -> operative\.31 {2}edited 92%/);

  const tty = memoryIO({}, disk);
  tty.isTTY = true;
  assert.equal(await runCli(["diff", OLD, NEW], tty), 0);
  assert.ok(tty.out.includes(`${ESC}31;9msixty${ESC}0m`), "deletions red and struck through");
  assert.ok(tty.out.includes(`${ESC}32;4mseventy${ESC}0m`), "insertions green and underlined");

  const noColor = memoryIO({}, disk);
  noColor.isTTY = true;
  noColor.env = { NO_COLOR: "1" };
  await runCli(["diff", OLD, NEW], noColor);
  assert.ok(!noColor.out.includes(ESC));
  const forced = memoryIO({}, disk);
  await runCli(["diff", OLD, NEW, "--color"], forced);
  assert.ok(forced.out.includes(ESC));
});

test("diff --html: a standalone page, every text escaped", async () => {
  const source = new TextDecoder().decode(await disk(NEW)).replace("Encourages giving due consideration", 'Encourages <script>alert("x")</script> & giving due consideration');
  const io = memoryIO({ "new.txt": source }, disk);
  assert.equal(await runCli(["diff", OLD, "new.txt", "--html"], io), 0, io.err);
  const html = io.out;
  assert.ok(html.startsWith("<!DOCTYPE html>"));
  assert.match(html, /<style>[^<]*ins \{/);
  assert.ok(!/<script|<link|\bsrc=|https?:/i.test(html), "nothing to load, nothing to run");
  assert.ok(html.includes("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; giving"));
  assert.ok(html.includes("<del>sixty</del><ins>seventy</ins>"));
});

test("diff: a missing file fails with its name; choosing two formats is a usage error", async () => {
  const io = memoryIO({}, disk);
  assert.equal(await runCli(["diff", OLD, "no-such-file.txt"], io), 1);
  assert.match(io.err, /no-such-file\.txt/);
  const both = memoryIO({}, disk);
  assert.equal(await runCli(["diff", OLD, NEW, "--json", "--html"], both), 2);
});

/** A registry stand-in holding corpus documents by symbol. */
function lookupOf(docs: Resolution[]): () => Promise<DocumentLookup> {
  return async () => ({
    document: async (symbol) => docs.find((d) => d.meta.symbol === symbol) ?? null,
    series: async (query) => {
      const documents = docs.filter((d) => d.meta.symbol === query || d.meta.title?.toLowerCase().includes(query.toLowerCase()));
      return [{ title: documents[0]?.meta.title ?? query, documents }];
    },
    all: async () => docs,
    close: async () => {},
  });
}

test("diff SYMBOL SYMBOL: symbols are looked up in the registry when they are not files", async () => {
  const docs = [await corpusResolution("seeds", "A_RES_63_231.en.txt"), await corpusResolution("seeds", "A_RES_69_235.en.txt")];
  const io = memoryIO({}, disk);
  assert.equal(await diffCommand("63/231", "A/RES/69/235", { json: true }, io, lookupOf(docs)), 0, io.err);
  assert.equal(JSON.parse(io.out).pairs.find((p: any) => p.from === "operative.20").to, "operative.31");

  const missing = memoryIO({}, disk);
  assert.equal(await diffCommand("63/231", "A/RES/99/999", {}, missing, lookupOf(docs)), 1);
  assert.match(missing.err, /no document A\/RES\/99\/999 in the registry/);

  const noRegistry = memoryIO({}, disk);
  assert.equal(await diffCommand("63/231", NEW, {}, noRegistry, async () => null), 1);
  assert.match(noRegistry.err, /no registry/);
});

test("series FILES: the versions grouped by title and shown as a grid; --json; or a title from the registry", async () => {
  const files = ["75_231", "77_180", "79_222"].map((n) => corpusFile("ods", `A_RES_${n}.en.txt`));
  const io = memoryIO({}, disk);
  assert.equal(await runCli(["series", ...files], io), 0, io.err);
  assert.match(io.out, /^Industrial development cooperation: 3 versions/);
  assert.match(io.out, /75\/231 +77\/180 +79\/222/);

  const json = memoryIO({}, disk);
  assert.equal(await runCli(["series", ...files, "--json"], json), 0);
  const view = JSON.parse(json.out);
  assert.deepEqual(view.versions.map((v: any) => v.symbol), ["A/RES/75/231", "A/RES/77/180", "A/RES/79/222"]);

  const docs = [await ods("77/180"), await ods("79/222")];
  const byTitle = memoryIO({}, disk);
  assert.equal(await seriesCommand(["Industrial", "development"], { json: true }, byTitle, lookupOf(docs)), 0, byTitle.err);
  assert.equal(JSON.parse(byTitle.out).versions.length, 2);
});

test("series FILES: Council renewals without titles grouped by the mandate they renew, oldest first; a file in no series shown alone", async () => {
  const eosgFile = (name: string) => join(unpackedCorpus(), "eosg", `${name}.en.paragraphs.json`);
  // shuffled, in three formats: ODS-like texts, EOSG JSON of both Councils, an ODS text of the Assembly
  const files = [
    corpusFile("sc", "cr-unsc", "S_RES_420_1977.en.txt"),
    eosgFile("A_HRC_RES_55_1"),
    corpusFile("sc", "cr-unsc", "S_RES_350_1974.en.txt"),
    eosgFile("A_HRC_RES_43_27"),
    eosgFile("S_RES_2766(2024)"),
    corpusFile("ods", "A_RES_79_222.en.txt"),
    eosgFile("A_HRC_RES_52_1"),
    corpusFile("sc", "cr-unsc", "S_RES_756_1992.en.txt"),
  ];
  const io = memoryIO({}, disk);
  assert.equal(await runCli(["series", ...files, "--json"], io), 0, io.err);
  const views = io.out.trim().split("\n").map((line) => JSON.parse(line));
  assert.deepEqual(
    views.map((v: any) => [v.title, v.versions.map((x: any) => x.symbol)]),
    [
      ["Advancing human rights in South Sudan", ["A/HRC/RES/43/27", "A/HRC/RES/52/1", "A/HRC/RES/55/1"]],
      ["United Nations Disengagement Observer Force (UNDOF)", ["S/RES/350 (1974)", "S/RES/420 (1977)", "S/RES/756 (1992)", "S/RES/2766 (2024)"]],
      ["Industrial development cooperation", ["A/RES/79/222"]],
    ],
  );
  // a mandate's lineage across the renewals: the call on the parties to implement resolution 338
  // (1973), new in 1977, reworded in 1992, unchanged in 2024
  const undof = views[1];
  const call = undof.mandates.find((m: any) => m.actor === "parties concerned" && /resolution 338 \(1973\)/.test(m.states[0].mandate.action));
  assert.ok(call, "the call on the parties is followed across the versions");
  assert.deepEqual(
    call.states.map((s: any) => [undof.versions[s.version].symbol, s.status]),
    [["S/RES/420 (1977)", "new"], ["S/RES/756 (1992)", "changed"], ["S/RES/2766 (2024)", "unchanged"]],
  );
  assert.equal(call.dropped, null);

  const text = memoryIO({}, disk);
  assert.equal(await runCli(["series", ...files.slice(0, 5)], text), 0, text.err);
  assert.match(text.out, /^Advancing human rights in South Sudan: 2 versions/m);
  assert.match(text.out, /^United Nations Disengagement Observer Force \(UNDOF\): 3 versions/m);
  assert.match(text.out, /S\/RES\/350 \(1974\) +S\/RES\/420 \(1977\) +S\/RES\/2766 \(2024\)/);
});

test("duplicates FILES and --db: the ranked report as text or JSON; files and --db together are a usage error", async () => {
  const files = ["79/301", "79/303", "79/304"].map((s) => corpusFile("ods", `A_RES_${s.replace("/", "_")}.en.txt`));
  const io = memoryIO({}, disk);
  assert.equal(await runCli(["duplicates", ...files, "--limit", "3"], io), 0, io.err);
  assert.match(io.out, /^Duplication and staleness: 3 documents, 3 series/);
  assert.match(io.out, /\[duplicate \d+/);
  assert.match(io.out, /more findings/);

  const json = memoryIO({}, disk);
  assert.equal(await runCli(["duplicates", ...files, "--json"], json), 0);
  const report = JSON.parse(json.out);
  assert.ok(report.findings.length > 0 && report.findings[0].kind === "duplicate");

  const db = memoryIO({}, disk);
  assert.equal(await duplicatesCommand([], { db: true, json: true }, db, lookupOf([await ods("79/301"), await ods("79/303")])), 0, db.err);
  assert.equal(JSON.parse(db.out).scanned.documents, 2);

  const both = memoryIO({}, disk);
  assert.equal(await runCli(["duplicates", files[0]!, "--db", "x.db"], both), 2);
  const neither = memoryIO({}, disk);
  assert.equal(await runCli(["duplicates"], neither), 2);
});

test("diff, series and duplicates against a real registry (SQLite): symbols, titles and --db", async () => {
  const dir = mkdtempSync(join(tmpdir(), "compare-db-"));
  try {
    const db = join(dir, "registry.db");
    const files = [OLD, NEW, ...["75_231", "77_180", "79_222", "79_301", "79_303"].map((n) => corpusFile("ods", `A_RES_${n}.en.txt`))];
    const ingest = memoryIO({}, disk);
    assert.equal(await runCli(["ingest", ...files, "--db", db, "--workers", "0"], ingest), 0, ingest.err);

    const diff = memoryIO({}, disk);
    assert.equal(await runCli(["diff", "63/231", "A/RES/69/235", "--db", db, "--json"], diff), 0, diff.err);
    assert.equal(JSON.parse(diff.out).pairs.find((p: any) => p.from === "operative.20").to, "operative.31");

    const series = memoryIO({}, disk);
    assert.equal(await runCli(["series", "79/222", "--db", db, "--json"], series), 0, series.err);
    assert.deepEqual(JSON.parse(series.out).versions.map((v: any) => v.session), [63, 69, 75, 77, 79]);

    const duplicates = memoryIO({}, disk);
    assert.equal(await runCli(["duplicates", "--db", db, "--json"], duplicates), 0, duplicates.err);
    const report = JSON.parse(duplicates.out);
    assert.equal(report.scanned.documents, 7);
    assert.ok(report.findings.some((f: any) => f.kind === "duplicate" && f.mandates.some((m: any) => m.symbol === "A/RES/79/301")));

    const absent = memoryIO({}, disk);
    assert.equal(await runCli(["diff", "63/231", "99/1", "--db", join(dir, "none.db")], absent), 1);
    assert.match(absent.err, /no registry at/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportCommand } from "../../src/cli/export.js";
import { memoryIO, processIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { corpusFile, unpackedCorpus } from "../helpers/corpus.js";
import { countAkn } from "./akn-helpers.js";

const SEED = corpusFile("seeds", "A_RES_63_231.en.txt");
const ODS = corpusFile("ods", "A_RES_75_100.en.txt");

/** An IO that reads the real files and keeps what is printed. */
const io = () => memoryIO({}, processIO.readFile);

test("export --akn FILE prints the AKN of one document", async () => {
  const out = io();
  const code = await runCli(["export", SEED, "--akn"], out);
  assert.equal(code, 0, out.err);
  assert.match(out.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<akomaNtoso /);
  assert.equal(countAkn(out.out).paragraphs, 20);
});

test("export --out writes one AKN file per document and the collection files", async () => {
  const files = new Map<string, string>();
  const out = io();
  const code = await exportCommand([SEED, ODS], { akn: true, jsonl: true, mandatesCsv: true, citationsCsv: true, graphml: true, out: "/exports" }, out, async (path, content) => {
    files.set(path, content);
  });
  assert.equal(code, 0, out.err);
  assert.deepEqual([...files.keys()].sort(), [
    "/exports/A_RES_63_231.en.akn.xml",
    "/exports/A_RES_75_100.en.akn.xml",
    "/exports/citations.csv",
    "/exports/citations.graphml",
    "/exports/documents.jsonl",
    "/exports/mandates.csv",
  ]);
  assert.equal(files.get("/exports/documents.jsonl")!.trim().split("\n").length, 2);
  assert.match(files.get("/exports/citations.csv")!, /^citing_symbol,citing_date,cited_symbol,/);
});

test("export of a UN AKN file keeps the UN's own links", async () => {
  const file = join(unpackedCorpus(), "akn", "en", "A_RES_75_100.en.xml");
  const out = io();
  assert.equal(await runCli(["export", file, "--akn"], out), 0, out.err);
  assert.equal(countAkn(out.out).links, countAkn(readFileSync(file, "utf8")).links);
});

test("export needs a format, and --out for several formats or documents", async () => {
  for (const argv of [["export", SEED], ["export", SEED, "--akn", "--jsonl"], ["export", SEED, ODS, "--akn"], ["export", "--akn"]]) {
    const out = io();
    assert.equal(await runCli(argv, out), 2, argv.join(" "));
    assert.match(out.err, /^mandates export: /);
  }
});

test("a file that is not a resolution is reported, the others exported (exit 3)", async () => {
  const out = memoryIO({ "notes.txt": "Shopping list: milk, eggs." }, processIO.readFile);
  const code = await runCli(["export", SEED, "notes.txt", "--jsonl"], out);
  assert.equal(code, 3);
  assert.match(out.err, /^notes\.txt: /m);
  assert.equal(out.out.trim().split("\n").length, 1);
});

test("export --db exports the registry's documents", async () => {
  const dir = mkdtempSync(join(tmpdir(), "export-db-"));
  try {
    const db = join(dir, "registry.db");
    const ingest = io();
    assert.equal(await runCli(["ingest", SEED, ODS, "--db", db], ingest), 0, ingest.err);
    const out = io();
    assert.equal(await runCli(["export", "--db", db, "--akn", "--citations-csv", "--out", join(dir, "out")], out), 0, out.err);
    assert.deepEqual(readdirSync(join(dir, "out")).sort(), ["A_RES_63_231.en.akn.xml", "A_RES_75_100.en.akn.xml", "citations.csv"]);
    const one = io();
    assert.equal(await runCli(["export", "A/RES/63/231", "--db", db, "--jsonl"], one), 0, one.err);
    assert.equal(JSON.parse(one.out).symbol, "A/RES/63/231");
    const missing = io();
    assert.equal(await runCli(["export", "A/RES/1/1", "--db", db, "--jsonl"], missing), 1);
    assert.match(missing.err, /no document A\/RES\/1\/1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

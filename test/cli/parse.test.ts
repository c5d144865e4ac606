import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { corpusFile } from "../helpers/corpus.js";

const realFiles = async (path: string) => new Uint8Array(await readFile(path));
const seed = corpusFile("seeds", "A_RES_63_231.en.txt");

test("parse --json prints one contract object per file, in order, errors on their own line", async () => {
  const io = memoryIO({ "empty.txt": "" }, realFiles);
  const code = await runCli(["parse", seed, "empty.txt", "missing.txt", "--json"], io);
  assert.equal(code, 3, "some files failed");
  const lines = io.out.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].symbol, "A/RES/63/231");
  assert.equal(lines[0].operative.length, 20);
  assert.equal(lines[0].operative[19].verb, "requests");
  assert.deepEqual(lines[1], { file: "empty.txt", error: "the file is empty" });
  assert.equal(lines[2].file, "missing.txt");
  assert.match(io.err, /missing\.txt: cannot read/);
});

test("parse --text prints an outline; a bad --format is a usage error", async () => {
  const io = memoryIO({}, realFiles);
  assert.equal(await runCli(["parse", seed, "--text"], io), 0);
  assert.match(io.out, /^A\/RES\/63\/231  Industrial development cooperation/);
  assert.match(io.out, /20\.  \[requests\] Requests the Secretary-General/);
  const bad = memoryIO({}, realFiles);
  assert.equal(await runCli(["parse", seed, "--format", "docx2"], bad), 2);
  assert.match(bad.err, /unknown format "docx2"/);
});

test("parse --mandates prints the mandates table", async () => {
  const io = memoryIO({}, realFiles);
  assert.equal(await runCli(["parse", seed, "--mandates"], io), 0);
  assert.match(io.out, /A\/RES\/63\/231  Industrial development cooperation: 9 mandates/);
  assert.match(io.out, /\n5 +all Governments +urges +to develop and implement policies/);
  assert.match(io.out, /\n10 +United Nations Industrial Dev\S* +calls upon/);
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readResolution } from "../../src/ingest/read.js";
import { readCorpus, unpackedCorpus } from "../helpers/corpus.js";

/**
 * The decoders are part of `readResolution` itself: this file imports nothing but the read
 * entry point, and every format the registry takes is read (a caller cannot forget to
 * register a decoder and get "unsupported-format" for a PDF).
 */

test("PDF, Akoma Ntoso and EOSG files are read through the entry point alone", async () => {
  const corpus = unpackedCorpus();
  const inputs: [string, Uint8Array][] = [
    ["A_RES_73_7.en.pdf", readCorpus("pdf", "A_RES_73_7.en.pdf")],
    ["A_RES_75_135.en.xml", new Uint8Array(readFileSync(join(corpus, "akn", "en", "A_RES_75_135.en.xml")))],
    ["A_RES_75_122.en.paragraphs.json", new Uint8Array(readFileSync(join(corpus, "eosg", "A_RES_75_122.en.paragraphs.json")))],
  ];
  const read = [];
  for (const [name, bytes] of inputs) {
    const parsed = await readResolution(bytes, { name });
    assert.ok(parsed.ok, `${name}: ${parsed.ok ? "" : JSON.stringify(parsed.problems)}`);
    read.push([parsed.document.source.format, parsed.document.meta.symbol]);
  }
  assert.deepEqual(read, [
    ["pdf", "A/RES/73/7"],
    ["akn", "A/RES/75/135"],
    ["eosg", "A/RES/75/122"],
  ]);
});

test("a format without a decoder is reported as unsupported, naming the format", async () => {
  // a Word file's first bytes: a ZIP archive named .docx
  const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
  const parsed = await readResolution(docx, { name: "A_RES_75_1.en.docx" });
  assert.equal(parsed.ok, false);
  assert.deepEqual(parsed.ok ? [] : parsed.problems.map((p) => [p.code, p.message]), [["unsupported-format", "the docx format is not supported yet"]]);
});

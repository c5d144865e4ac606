import assert from "node:assert/strict";
import { test } from "node:test";
import { deflateSync } from "node:zlib";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import type { SourceFormat } from "../../src/model/types.js";
import { prepareSource } from "../../src/registry/prepare.js";
import { decodeModel, encodeModel } from "../../src/registry/rows.js";
import { readCorpus } from "../helpers/corpus.js";

test("a stored model reads back whole, in the current encoding and in the deflate streams of earlier registries", async () => {
  const parsed = await readResolution(readCorpus("seeds", "A_RES_69_235.en.txt"), { name: "A_RES_69_235.en.txt" });
  assert.ok(parsed.ok);
  const document = enrich(parsed.document);
  const stored = encodeModel(document);
  assert.deepEqual(decodeModel(stored), { document, stage: "enriched" });
  // written before brotli: the model's JSON deflated, as registries up to now hold it
  assert.deepEqual(decodeModel(deflateSync(JSON.stringify(document), { level: 1 })), { document, stage: "enriched" });
  assert.ok(stored.length < JSON.stringify(document).length / 3, "the model is stored compressed");
});

test("a file the registry holds in a more authoritative format is prepared as a rendition: its model as parsed, no rows", async () => {
  const name = "A_RES_69_235.en.txt";
  const bytes = readCorpus("seeds", name);
  const held = (symbol: string, format: SourceFormat) => ({ symbol, language: "en" as const, format });
  const full = await prepareSource(bytes, name);
  const rendition = await prepareSource(bytes, name, held("A/RES/69/235", "akn"));
  assert.ok(full.ok && rendition.ok);
  assert.ok(full.prepared.rows && full.prepared.rows.paragraphs.length > 30);
  assert.equal(rendition.prepared.rows, null);
  assert.equal(rendition.format, "ods");
  const parsed = await readResolution(bytes, { name });
  assert.ok(parsed.ok);
  assert.deepEqual(decodeModel(rendition.prepared.model), { document: JSON.parse(JSON.stringify(parsed.document)), stage: "parsed" });
  // the hint is checked against what the file is: another symbol, or a format ranked no higher, prepares it whole
  for (const other of [held("A/RES/69/234", "akn"), held("A/RES/69/235", "ods"), held("A/RES/69/235", "eosg")]) {
    const outcome = await prepareSource(bytes, name, other);
    assert.ok(outcome.ok && outcome.prepared.rows !== null, JSON.stringify(other));
  }
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { deflateSync } from "node:zlib";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import { decodeModel, encodeModel } from "../../src/registry/rows.js";
import { readCorpus } from "../helpers/corpus.js";

test("a stored model reads back whole, in the current encoding and in the deflate streams of earlier registries", async () => {
  const parsed = await readResolution(readCorpus("seeds", "A_RES_69_235.en.txt"), { name: "A_RES_69_235.en.txt" });
  assert.ok(parsed.ok);
  const document = enrich(parsed.document);
  const stored = encodeModel(document);
  assert.deepEqual(decodeModel(stored), document);
  // written before brotli: the model's JSON deflated, as registries up to now hold it
  assert.deepEqual(decodeModel(deflateSync(JSON.stringify(document), { level: 1 })), document);
  assert.ok(stored.length < JSON.stringify(document).length / 3, "the model is stored compressed");
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { inheritedMandates } from "../../src/compare/carry-over.js";
import { mandateIds } from "../../src/compare/mandate-id.js";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import { corpusFile } from "../helpers/corpus.js";

async function read(...parts: string[]) {
  const parsed = await readResolution(new Uint8Array(readFileSync(corpusFile(...parts))), { name: parts.at(-1)! });
  assert.ok(parsed.ok);
  return enrich(parsed.document);
}

test("mandate ids: stable across renditions of one text, distinct within a document, different across versions of a series", async () => {
  const ods = await read("ods", "A_RES_79_222.en.txt");
  const ids = [...mandateIds(ods).values()];
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.every((id) => /^[0-9a-f]{16}$/.test(id)));
  // the same text again (another extraction of the same words) gives the same ids
  assert.deepEqual([...mandateIds(await read("ods", "A_RES_79_222.en.txt")).values()], ids);
  const earlier = await read("ods", "A_RES_77_180.en.txt");
  assert.equal([...mandateIds(earlier).values()].filter((id) => ids.includes(id)).length, 0, "another symbol, other ids");
});

test("carry-over: 79/222 inherits from 77/180 the mandates the comparison pairs; reworded ones are flagged", async () => {
  const earlier = await read("ods", "A_RES_77_180.en.txt");
  const later = await read("ods", "A_RES_79_222.en.txt");
  const inherited = inheritedMandates(earlier, later);
  const from = mandateIds(earlier);
  const to = mandateIds(later);
  assert.ok(inherited.length >= 10, `${inherited.length} pairs`);
  const byId = (ids: Map<unknown, string>) => new Map([...ids].map(([m, id]) => [id, m]));
  const olds = byId(from);
  const news = byId(to);
  for (const pair of inherited) {
    assert.ok(olds.has(pair.from) && news.has(pair.to));
  }
  assert.equal(new Set(inherited.map((p) => p.to)).size, inherited.length, "one-to-one");
  assert.ok(inherited.some((p) => p.changed.length === 0), "some are renewed as they were");
  assert.ok(inherited.some((p) => p.changed.includes("action")), "some are reworded");
  // the Secretary-General's report is asked again: that mandate pairs with the earlier request
  const report = [...to].find(([m]) => (m as { report: boolean }).report)![1];
  assert.ok(inherited.some((p) => p.to === report));
});

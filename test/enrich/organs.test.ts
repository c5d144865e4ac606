import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readResolution } from "../../src/ingest/read.js";
import { enrich } from "../../src/enrich/index.js";
import { resolveActor } from "../../src/model/actors.js";
import type { Mandate, Resolution } from "../../src/model/types.js";
import { corpusFile, unpackedCorpus } from "../helpers/corpus.js";

/**
 * Mandates of the Security Council and the Human Rights Council, read from their texts in the
 * corpus: decisions about a body's mandate, their ends and reviews, dates counted from the
 * adoption, and the bodies the Councils name.
 */

async function enriched(path: string): Promise<Resolution> {
  const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: path });
  assert.ok(parsed.ok, `${path} parses`);
  return enrich(parsed.document);
}

const eosg = (name: string) => enriched(join(unpackedCorpus(), "eosg", `${name}.en.paragraphs.json`));
const printed = (name: string) => enriched(corpusFile("sc", "cr-unsc", `${name}.en.txt`));
const at = (doc: Resolution, n: number): Mandate[] => doc.operative.find((p) => p.number === n)!.mandates;

test("a decision about a Panel's mandate is the Panel's mandate, with its end; the intention to review 'the mandate' gives it and the Panel's tasks their review", async () => {
  const doc = await eosg("S_RES_2266(2016)");
  const [extension, administrative] = at(doc, 5);
  assert.deepEqual([extension!.actor, extension!.verb, extension!.decision], ["Panel of Experts", "decides", { kind: "extend" }]);
  assert.deepEqual([extension!.end?.date, extension!.dueDate], ["2017-03-27", "2017-03-27"]);
  assert.equal(extension!.review?.date, "2017-02-27", "expresses its intention to review the mandate ... no later than 27 February 2017");
  assert.equal(administrative!.actor, "Secretary-General");
  assert.equal(administrative!.review, null, "the Secretary-General's mandate is not the one reviewed");
  // paragraph 6 asks the Panel for a midterm update by 27 July 2016: its own date, the Panel's end and review
  const [updates] = at(doc, 6);
  assert.deepEqual([updates!.actor, updates!.dueDate, updates!.end?.date, updates!.review?.date], ["Panel of Experts", "2016-07-27", "2017-03-27", "2017-02-27"]);
});

test("'Renews the mandate of the Special Rapporteur ...' is a renewal for three years from the adoption, read in its base form", async () => {
  const doc = await eosg("A_HRC_RES_42_10");
  const [renewal] = at(doc, 4);
  assert.equal(renewal!.decision?.kind, "renew");
  assert.equal(renewal!.actorCanonical, "Special Rapporteur on contemporary forms of slavery");
  assert.match(renewal!.action, /^to renew the mandate of the Special Rapporteur on contemporary forms of slavery/);
  assert.deepEqual([renewal!.end?.duration, renewal!.end?.date, doc.meta.adoptionDate], ["P3Y", "2022-09-26", "2019-09-26"]);
  // the Special Rapporteur's tasks in the paragraphs after it end with the mandate
  const [task] = at(doc, 5);
  assert.deepEqual([task!.actor, task!.end?.date], ["Special Rapporteur", "2022-09-26"]);
});

test("a report asked 'within thirty days' is due thirty days after the adoption", async () => {
  const doc = await printed("S_RES_699_1991");
  assert.equal(doc.meta.adoptionDate, "1991-06-17");
  const [recommendations] = at(doc, 4);
  assert.equal(recommendations!.actor, "Secretary-General");
  assert.deepEqual([recommendations!.dueDate, recommendations!.deadline?.text], ["1991-07-17", "within thirty days"]);
});

test("missions, forces and panels resolve to one body by their full name or abbreviation", () => {
  assert.deepEqual(resolveActor("UNSMIL"), { canonical: "United Nations Support Mission in Libya", type: "un-system" });
  assert.equal(resolveActor("the United Nations Support Mission in Libya")?.canonical, "United Nations Support Mission in Libya");
  assert.equal(resolveActor("UNDOF")?.canonical, "United Nations Disengagement Observer Force");
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { readResolution } from "../../src/ingest/read.js";
import { readCorpus } from "../helpers/corpus.js";
import type { Resolution } from "../../src/model/types.js";

async function parse(...path: string[]): Promise<Resolution> {
  const parsed = await readResolution(readCorpus(...path), { name: path.at(-1)! });
  assert.ok(parsed.ok, `${path.join("/")} parses`);
  return parsed.document;
}

test("Security Council 242 (1967): hard-wrapped text, symbol, date, meeting, nested lists", async () => {
  const doc = await parse("sc", "cr-unsc", "S_RES_242_1967.en.txt");
  assert.equal(doc.meta.symbol, "S/RES/242 (1967)");
  assert.equal(doc.meta.body, "SC");
  assert.equal(doc.meta.adoptionDate, "1967-11-22");
  assert.equal(doc.meta.plenaryMeeting, 1382);
  assert.equal(doc.meta.session, null);
  assert.equal(doc.formula, "The Security Council,");
  assert.deepEqual(doc.preamble.map((p) => p.starter), ["expressing", "emphasizing", "emphasizing"]);
  // wrapped lines are joined with single spaces
  assert.equal(doc.preamble[0]!.text, "Expressing its continuing concern with the grave situation in the Middle East,");
  assert.deepEqual(doc.operative.map((p) => p.verb), ["affirms", "affirms", "requests", "requests"]);
  assert.deepEqual(doc.operative[1]!.subparagraphs.map((s) => s.label), ["a", "b", "c"]);
});

test("Security Council 1445 (2002): meeting and date from the adoption line", async () => {
  const doc = await parse("sc", "cr-unsc", "S_RES_1445_2002.en.txt");
  assert.equal(doc.meta.symbol, "S/RES/1445 (2002)");
  assert.equal(doc.meta.plenaryMeeting, 4653);
  assert.equal(doc.meta.adoptionDate, "2002-12-04");
  assert.ok(doc.preamble.length >= 8);
  assert.ok(doc.operative.length >= 10);
});

test("75/245 B: a part of a resolution in parts keeps its letter, and the letter's call-out", async () => {
  const doc = await parse("ods", "A_RES_75_245_B.en.txt");
  assert.equal(doc.meta.symbol, "A/RES/75/245 B");
  assert.equal(doc.meta.title, "United Nations common system");
  assert.equal(doc.footnotes[0]!.number, 1);
  assert.deepEqual(doc.footnotes[0]!.calledFrom, ["header"]);
});

test("75/212: chapeau with lettered sub-paragraphs folded into the text, and annexes after the closing", async () => {
  const doc = await parse("ods", "A_RES_75_212.en.txt");
  const op4 = doc.operative.find((p) => p.number === 4)!;
  assert.equal(op4.lead, "Decides that the Conference shall:");
  assert.deepEqual(op4.subparagraphs.map((s) => s.label), ["a", "b", "c", "d", "e", "f", "g", "h"]);
  assert.ok(op4.text.startsWith("Decides that the Conference shall: (a) Assess the progress"));
  assert.deepEqual(doc.annexes.map((a) => a.label).slice(-3), ["Annex I", "Annex II", "Annex III"]);
  assert.ok(doc.annexes.at(-1)!.blocks.length > 100);
  assert.equal(doc.conclusions.meeting, 48);
  assert.equal(doc.conclusions.date, "2020-12-21");
});

test("75/1: a declaration adopted by an unnumbered operative paragraph right after the formula", async () => {
  const doc = await parse("ods", "A_RES_75_1.en.txt");
  assert.equal(doc.preamble.length, 0);
  assert.equal(doc.operative[0]!.verb, "adopts");
  assert.equal(doc.operative[0]!.numbered, false);
  assert.ok(doc.headings.some((h) => h.text.startsWith("Declaration on the commemoration")));
});

test("a Security Council press release quotes the resolution: its paragraphs open with a quotation mark before the number", async () => {
  const doc = await parse("sc", "uniteideas-unmis", "S_RES_1919_2010.en.txt");
  assert.deepEqual(doc.operative.map((p) => p.number), Array.from({ length: 25 }, (_, i) => i + 1));
  assert.equal(doc.operative[0]!.verb, "decides");
  assert.match(doc.operative[0]!.text, /^Decides to extend the mandate of UNMIS until 30 April 2011/);
});

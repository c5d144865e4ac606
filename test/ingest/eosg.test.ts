import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { toContractJson } from "../../src/export/json.js";
import { decodeEosg } from "../../src/ingest/eosg.js";
import { languageFromName, readResolution } from "../../src/ingest/read.js";
import type { Resolution } from "../../src/model/types.js";
import { CORPUS, gold, listFiles, unpackedCorpus } from "../helpers/corpus.js";
import { loadAll } from "./corpus-load.js";

const EOSG = join(unpackedCorpus(), "eosg");
const eosgFile = (name: string) => join(EOSG, `${name}.en.paragraphs.json`);
const key = (s: string) =>
  s.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2010-\u2015]/g, "-").replace(/\s+/g, "");

async function read(path: string): Promise<Resolution> {
  const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: path });
  assert.ok(parsed.ok, `${path}: ${parsed.ok ? "" : parsed.problems.map((p) => p.message).join("; ")}`);
  return parsed.document;
}

test("A/RES/75/122 from EOSG JSON: heading metadata and paragraphs equal the gold read from AKN", async () => {
  const doc = await read(eosgFile("A_RES_75_122"));
  const expected = gold("A_RES_75_122.en");
  const out = toContractJson(doc);
  assert.equal(doc.source.format, "eosg");
  for (const field of ["symbol", "title", "adoptionDate", "session", "committee", "committeeReport", "plenaryMeeting", "language"]) {
    assert.equal(out[field as keyof typeof out], expected[field], field);
  }
  assert.deepEqual(out.preamble.map((p) => key(p.text)), expected.preamble.map((p: { text: string }) => key(p.text)));
  assert.deepEqual(out.operative.map((p) => p.number), expected.operative.map((p: { number: number }) => p.number));
  assert.deepEqual(out.operative.map((p) => key(p.text)), expected.operative.map((p: { text: string }) => key(p.text)));
  const requests = doc.operative.find((p) => p.subparagraphs.length > 0)!;
  assert.deepEqual(requests.subparagraphs.map((s) => s.label), ["a", "b", "c", "d", "e", "f", "g", "h"]);
  assert.equal(doc.conclusions.meeting, 41);
});

test("EOSG links become citations located in the rendering", async () => {
  const doc = await read(eosgFile("A_RES_75_122"));
  const cited = toContractJson(doc).citations;
  assert.ok(cited.some((c) => c.symbol === "A/75/420" && c.in === "header"), "the report of the heading");
  const withLinks = [...doc.preamble, ...doc.operative].flatMap((p) => p.citations);
  assert.ok(withLinks.length > 0, "paragraph links");
  for (const c of withLinks) assert.equal(doc.source.text.slice(c.position.start.offset, c.position.end.offset), c.text);
  for (const p of doc.operative) {
    assert.equal(doc.source.text.slice(p.position.start.offset, p.position.end.offset), `${p.number}.\t${p.text}`);
  }
});

test("Security Council resolutions: symbol, meeting and date from the frontmatter", async () => {
  const doc = await read(eosgFile("S_RES_1197(1998)"));
  assert.equal(doc.meta.symbol, "S/RES/1197 (1998)");
  assert.equal(doc.meta.body, "SC");
  assert.equal(doc.meta.session, null);
  assert.equal(doc.meta.adoptionDate, "1998-09-18");
  assert.equal(doc.meta.plenaryMeeting, 3928);
  assert.equal(doc.formula, "The Security Council,");
  assert.equal(doc.operative.at(-1)!.number, 12);
  assert.equal(doc.operative.at(-1)!.verb, "decides");
  assert.ok(doc.headings.some((h) => h.num === "II"), "section II heading");
});

test("presidential statements load as documents of the Council without operative numbers", async () => {
  const statement = listFiles(EOSG, ".json").find((f) => /S_PRST_2011_4\./.test(f))!;
  const doc = await read(statement);
  assert.equal(doc.meta.symbol, "S/PRST/2011/4");
  assert.equal(doc.meta.body, "SC");
  assert.ok(doc.operative.length >= 5, "statement paragraphs");
  assert.ok(doc.operative.every((p) => !p.numbered), "no printed numbers");
});

test("languages from file names", () => {
  assert.equal(languageFromName("/x/A_RES_70_1.fr.paragraphs.json"), "fr");
  assert.equal(languageFromName("A_RES_63_231.en.txt"), "en");
  assert.equal(languageFromName("A_RES_70_1.paragraphs.json"), undefined);
});

test("malformed JSON and JSON of another shape give clear errors", async () => {
  const cut = readFileSync(eosgFile("A_RES_75_122"), "utf8").slice(0, 500);
  const malformed = await readResolution(new TextEncoder().encode(cut), { name: "A_RES_75_122.en.paragraphs.json" });
  assert.equal(malformed.ok, false);
  if (!malformed.ok) assert.equal(malformed.problems[0]!.code, "malformed-json");
  const other = decodeEosg(new TextEncoder().encode('{"title": "not a paragraph list"}'));
  assert.equal(other.ok, false);
  if (!other.ok) assert.equal(other.problems[0]!.code, "not-eosg");
  const empty = decodeEosg(new TextEncoder().encode("[]"));
  assert.equal(empty.ok, false);
  if (!empty.ok) assert.equal(empty.problems.at(-1)!.code, "not-a-resolution");
});

test("every EOSG file of the corpus gives a document or a clear problem", { timeout: 300_000 }, async (t) => {
  const files = listFiles(EOSG, ".json");
  assert.ok(files.length > 2600, `only ${files.length} EOSG files found`);
  const results = await loadAll(files);
  assert.equal(results.length, files.length);
  const failures = results.filter((r) => !r.ok);
  for (const f of failures) {
    assert.ok(f.errors!.every((e) => e.code !== "THROWN" && e.message.length > 10), `${f.file}: ${JSON.stringify(f.errors)}`);
  }
  const documents = results.filter((r) => r.ok);
  t.diagnostic(`EOSG: ${documents.length} documents, ${failures.length} clear problems, of ${files.length} files`);
  for (const f of failures) t.diagnostic(`${f.file.split("/").pop()}: ${f.errors![0]!.message}`);
  // A handful of scanned 1940s-1970s texts carry no typed paragraphs; all else must load.
  assert.ok(failures.length <= files.length * 0.01, `${failures.length} files gave no document`);
});

test("JSON Lines of resolution metadata are named as such, not reported as malformed JSON", async () => {
  const file = join(CORPUS, "metadata", "79.json");
  const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: file });
  assert.equal(parsed.ok, false);
  assert.deepEqual(parsed.problems.map((p) => p.code), ["not-a-resolution"]);
  assert.match(parsed.problems[0]!.message, /JSON Lines of \d+ records/);
});

test("a subject before the verb is not the verb: presidential statements and first-person declarations", async () => {
  const statement = await read(eosgFile("S_PRST_2021_7"));
  assert.match(statement.operative[0]!.text, /^\u201cThe Security Council takes note of the report/);
  assert.deepEqual(statement.operative.slice(0, 4).map((p) => p.verb), ["takes note", "expresses its deep concern", "stresses", "stresses the importance"]);
  assert.ok(statement.operative.every((p) => p.verb !== "the"));
  const agenda2030 = await read(eosgFile("A_RES_70_1"));
  const resolve = agenda2030.operative.find((p) => p.text.startsWith("We resolve, between now and 2030"))!;
  assert.equal(resolve.verb, "resolve");
  assert.equal(resolve.phrase, "We resolve");
});

test("articles of annexed rules carry no verb rather than their article: \"The Special Rapporteur shall ...\"", async () => {
  const rules = await read(eosgFile("A_RES_48_96"));
  const articles = rules.operative.filter((p) => p.text.startsWith("The Special Rapporteur shall"));
  assert.ok(articles.length >= 2);
  assert.ok(articles.every((p) => p.verb === "" && p.phrase === ""));
  const verbs = new Set(rules.operative.map((p) => p.verb));
  for (const word of ["the", "in", "to", "a", "each"]) assert.ok(!verbs.has(word), word);
});

test("Security Council adoption dates: a line wrapped onto an item of its own, and a line without the meeting", async () => {
  // "Adopted by the Security Council at its 5907th meeting, on" + a heading "11 June 2008"
  assert.equal((await read(eosgFile("S_RES_1817(2008)"))).meta.adoptionDate, "2008-06-11");
  // "... at its 6634th meeting," + "on 21 October 2011"
  const sc2014 = await read(eosgFile("S_RES_2014(2011)"));
  assert.equal(sc2014.meta.adoptionDate, "2011-10-21");
  assert.equal(sc2014.meta.plenaryMeeting, 6634);
  // "Adopted by the Security Council on 11 May 2021"
  assert.equal((await read(eosgFile("S_RES_2574(2021)"))).meta.adoptionDate, "2021-05-11");
  // no-break spaces inside the line: "on\u00a013\u00a0February 2009"
  assert.equal((await read(eosgFile("S_RES_1866(2009)"))).meta.adoptionDate, "2009-02-13");
});

test("lists inside a paragraph stay in it: dash bullets, titled sub-paragraphs, \"and requests ...\" after them", async () => {
  // MINUSCA's mandate: "(a) Protection of civilians" typed as a heading, its "(i)".."(vi)" and
  // their "–" bullets; the paragraphs keep their printed numbers 1..59
  const minusca = await read(eosgFile("S_RES_2659(2022)"));
  assert.deepEqual(minusca.operative.map((p) => p.number), Array.from({ length: 59 }, (_, i) => i + 1));
  const tasks = minusca.operative.find((p) => p.number === 35)!;
  assert.deepEqual(tasks.subparagraphs.map((s) => s.label), ["a", "b", "c", "d"]);
  assert.match(tasks.text, /\u2013 to ensure effective and dynamic protection of civilians/);
  // ATMIS: "and requests the Secretary-General to submit this ... by 15 November 2024", typed as
  // a preambular paragraph after the sub-paragraphs of paragraph 8, is the end of paragraph 8
  const atmis = await read(eosgFile("S_RES_2748(2024)"));
  assert.deepEqual(atmis.operative.map((p) => p.number), Array.from({ length: 12 }, (_, i) => i + 1));
  assert.match(atmis.operative[7]!.text, /and requests the Secretary-General to submit this to the Security Council for its consideration by 15 November 2024;$/);
  // "a.", "b." printed as letters with a period are sub-paragraphs
  const atmis2023 = await read(eosgFile("S_RES_2710(2023)"));
  assert.deepEqual(atmis2023.operative.map((p) => p.number), Array.from({ length: 15 }, (_, i) => i + 1));
  assert.deepEqual(atmis2023.operative[5]!.subparagraphs.map((s) => s.label), ["a", "b", "c"]);
});

test("an \"Annex\" heading after the operative paragraphs opens the annex: its numbered items are not paragraphs", async () => {
  const doc = await read(eosgFile("S_RES_1636(2005)"));
  assert.deepEqual(doc.operative.map((p) => p.number), Array.from({ length: 15 }, (_, i) => i + 1));
  assert.equal(doc.annexes.length, 1);
  assert.ok(doc.annexes[0]!.blocks.some((b) => /^1\. To register as subject to the measures/.test(b.text)));
});

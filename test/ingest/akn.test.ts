import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { toContractJson } from "../../src/export/json.js";
import { decodeAkn } from "../../src/ingest/akn.js";
import { attr, childrenOf, parseXml, rawText, tagOf } from "../../src/ingest/akn/xml.js";
import { readResolution } from "../../src/ingest/read.js";
import type { Resolution } from "../../src/model/types.js";
import { gold, listFiles, unpackedCorpus } from "../helpers/corpus.js";
import { loadAll } from "./corpus-load.js";

const AKN = join(unpackedCorpus(), "akn");
const aknFile = (language: string, name: string) => join(AKN, language, `${name}.${language}.xml`);

async function read(path: string): Promise<Resolution> {
  const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: path });
  assert.ok(parsed.ok, `${path}: ${parsed.ok ? "" : parsed.problems.map((p) => p.message).join("; ")}`);
  return parsed.document;
}

/** The comparison of the gold contract: NFKC, straight quotes, no white space. */
const key = (s: string) =>
  s.normalize("NFKC").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2010-\u2015]/g, "-").replace(/\s+/g, "");

/** The rendering under a node's position. */
const under = (doc: Resolution, p: { start: { offset: number }; end: { offset: number } }) => doc.source.text.slice(p.start.offset, p.end.offset);

test("A/RES/75/100 from AKN equals its gold: metadata, preamble, operative part, footnotes", async () => {
  const doc = await read(aknFile("en", "A_RES_75_100"));
  const expected = gold("A_RES_75_100.en");
  const out = toContractJson(doc);
  for (const field of ["symbol", "title", "adoptionDate", "session", "committee", "committeeReport", "agendaItem", "plenaryMeeting", "distributionDate", "jobNumber", "language"]) {
    assert.equal(out[field as keyof typeof out], expected[field], field);
  }
  assert.equal(doc.source.format, "akn");
  assert.equal(doc.formula, "The General Assembly,");
  assert.equal(out.operative.length, 7);
  assert.deepEqual(out.operative.map((p) => p.number), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(out.preamble.map((p) => key(p.text)), expected.preamble.map((p: { text: string }) => key(p.text)));
  assert.deepEqual(out.operative.map((p) => key(p.text)), expected.operative.map((p: { text: string }) => key(p.text)));
  assert.deepEqual(out.preamble.map((p) => p.starter), expected.preamble.map((p: { starter: string }) => p.starter));
  assert.deepEqual(out.operative.map((p) => p.verb), expected.operative.map((p: { verb: string }) => p.verb));
  // Footnote 1 stands in the tenth recital (container_11: the formula is the first container).
  assert.deepEqual(out.footnotes, expected.footnotes);
  assert.deepEqual(doc.footnotes[0]!.calledFrom, ["preamble.10"]);
  assert.ok(!doc.preamble[9]!.text.includes("A/66/340"), "the footnote text stays out of the paragraph");
  assert.deepEqual(doc.preamble[9]!.footnoteRefs.map((r) => r.number), [1]);
  assert.deepEqual([...new Set(doc.meta.officialSdgs?.map((g) => g.split(".")[0]))].sort(), [...expected.sdgs].sort());
});

test("AKN links become citations with canonical symbols, in the paragraph that holds them", async () => {
  const doc = await read(aknFile("en", "A_RES_75_100"));
  const cited = toContractJson(doc).citations;
  const has = (symbol: string, where: string) => cited.some((c) => c.symbol === symbol && c.in === where);
  assert.ok(has("S/RES/2282 (2016)", "preamble.5"), "S/RES/2282 (2016) in preamble.5");
  assert.ok(has("S/RES/2282 (2016)", "operative.4"), "S/RES/2282 (2016) in operative.4");
  assert.ok(has("A/RES/67/123", "preamble.2"), "A/RES/67/123 in preamble.2");
  assert.ok(has("A/RES/72/262 C", "preamble.20"), "the part letter of .../262c");
  assert.ok(has("A/66/7/Add.21", "footnote.1"), "A/66/7/Add.21 in footnote.1");
  assert.ok(has("A/75/414", "header"), "the committee report of the heading");
  const s = doc.operative[3]!.citations.find((c) => c.symbol === "S/RES/2282 (2016)")!;
  assert.equal(s.kind, "resolution");
  assert.equal(under(doc, s.position), "2282 (2016)");
  const expected = new Set(gold("A_RES_75_100.en").citations.map((c: { symbol: string }) => c.symbol));
  assert.deepEqual(new Set(cited.map((c) => c.symbol)), expected);
});

test("positions index the plain-text rendering: one paragraph per line, footnotes at the end", async () => {
  const doc = await read(aknFile("en", "A_RES_75_100"));
  const lines = doc.source.text.split("\n");
  for (const p of doc.preamble) {
    assert.equal(under(doc, p.position), p.text);
    assert.equal(lines[p.position.start.line - 1], p.text);
  }
  for (const p of doc.operative) assert.equal(under(doc, p.position), `${p.number}.\t${p.text}`);
  const last = doc.footnotes.at(-1)!;
  assert.equal(under(doc, last.position), `${last.number}\t${last.text}`);
  assert.ok(last.position.start.offset > doc.operative.at(-1)!.position.end.offset, "footnotes come last");
  assert.ok(doc.source.text.includes("75/100.\tComprehensive review of special political missions"), "number and title line");
  assert.equal(under(doc, doc.conclusions.position!), "41st plenary meeting\n10 December 2020");
});

test("list points are folded into the operative text as (a) ... with their own positions", async () => {
  const doc = await read(aknFile("en", "A_RES_75_283"));
  const p = doc.operative.find((o) => o.number === 2)!;
  assert.equal(p.verb, "decides");
  assert.deepEqual(p.subparagraphs.map((s) => s.label), ["a", "b", "c"]);
  assert.match(p.text, /^Also decides that: \(a\) The opening plenary meeting .*; \(b\) The plenary meetings .*; \(c\) The final format /);
  for (const s of p.subparagraphs) assert.equal(under(doc, s.position), `(${s.label}) ${s.text}`);
  const withNote = doc.operative.find((o) => o.number === 4)!;
  assert.deepEqual(withNote.subparagraphs.map((s) => s.label), ["a", "b", "c", "d"]);
  assert.ok(doc.footnotes.find((f) => f.number === 4)!.calledFrom.includes("operative.4"), "footnote 4 called from operative.4");
});

test("nested sub-lists become children: (i)..(v) under (a), then (b)", async () => {
  const doc = await read(aknFile("en", "A_RES_76_109"));
  const p = doc.operative.find((o) => o.number === 3)!;
  assert.deepEqual(p.subparagraphs.slice(0, 2).map((s) => s.label), ["a", "b"]);
  assert.deepEqual(p.subparagraphs[0]!.children.map((s) => s.label), ["i", "ii", "iii", "iv", "v"]);
  assert.match(p.text, /distribution of seats: \(i\) Two from African States; .* \(v\) Two from Western European and other States; \(b\) Of the 10/);
});

test("a resolution in parts (documentCollection) keeps its parts, headings and part letters", async () => {
  const doc = await read(aknFile("en", "A_RES_76_84_A-B"));
  assert.equal(doc.meta.symbol, "A/RES/76/84 A-B");
  assert.equal(doc.meta.title, "Questions relating to information");
  const parts = new Set(doc.operative.map((p) => p.part));
  assert.deepEqual([...parts], ["A", "B"]);
  assert.ok(doc.headings.some((h) => h.num === "A" && h.text === "Information in the service of humanity"), "part A heading");
  assert.ok(doc.headings.some((h) => h.num === "I"), "section I heading");
  // Part A's unnumbered chapeau "Urges ..." holds the lettered paragraphs beside it
  const urges = doc.operative.find((p) => p.part === "A" && p.verb === "urges")!;
  assert.ok(urges.subparagraphs.length >= 4, "lettered paragraphs joined to their chapeau");
  assert.equal(urges.numbered, false);
});

test("a part published alone (75/245 B) carries its part letter; its heading footnote is called from nowhere", async () => {
  const doc = await read(aknFile("en", "A_RES_75_245_B"));
  assert.equal(doc.meta.symbol, "A/RES/75/245 B");
  assert.ok(doc.operative.every((p) => p.part === "B"), "every paragraph in part B");
  assert.deepEqual(doc.footnotes[0]!.calledFrom, []);
  assert.deepEqual(toContractJson(doc).footnotes, gold("A_RES_75_245_B.en").footnotes);
});

test("session 79 in French, Spanish, Russian, Arabic and Chinese loads with the English structure", async () => {
  const name = "A_RES_79_100";
  const en = await read(aknFile("en", name));
  for (const language of ["fr", "es", "ru", "ar", "zh"]) {
    const doc = await read(aknFile(language, name));
    assert.equal(doc.meta.language, language);
    assert.equal(doc.meta.symbol, en.meta.symbol, language);
    assert.equal(doc.preamble.length, en.preamble.length, `${language} preamble`);
    assert.equal(doc.operative.length, en.operative.length, `${language} operative`);
    assert.equal(doc.footnotes.length, en.footnotes.length, `${language} footnotes`);
    assert.deepEqual(doc.footnotes.map((f) => f.calledFrom), en.footnotes.map((f) => f.calledFrom), `${language} call-outs`);
    assert.ok(doc.preamble.every((p) => p.starter.length > 0 && p.starter === p.starter.toLowerCase()), `${language} starters`);
  }
});

test("malformed XML and XML that is not Akoma Ntoso give clear errors", async () => {
  const whole = readFileSync(aknFile("en", "A_RES_75_100"), "utf8");
  const truncated = await readResolution(new TextEncoder().encode(whole.slice(0, whole.length / 2)), { name: "cut.xml" });
  assert.equal(truncated.ok, false);
  if (!truncated.ok) {
    assert.equal(truncated.problems[0]!.code, "malformed-xml");
    assert.match(truncated.problems[0]!.message, /XML is malformed/);
  }
  const mismatched = decodeAkn(new TextEncoder().encode("<akomaNtoso><statement><preamble></statement></akomaNtoso>"));
  assert.equal(mismatched.ok, false);
  if (!mismatched.ok) assert.match(mismatched.problems[0]!.message, /line 1/);
  const other = await readResolution(new TextEncoder().encode("<?xml version='1.0'?><rss><channel/></rss>"), { name: "feed.xml" });
  assert.equal(other.ok, false);
  if (!other.ok) assert.equal(other.problems[0]!.code, "not-akn");
  const empty = decodeAkn(new TextEncoder().encode("<akomaNtoso><statement><preamble/></statement></akomaNtoso>"));
  assert.equal(empty.ok, false);
  if (!empty.ok) assert.equal(empty.problems.at(-1)!.code, "not-a-resolution");
});

test("every AKN file of the corpus, in all six languages, gives a document or a clear problem", { timeout: 300_000 }, async (t) => {
  const files = ["en", "fr", "es", "ru", "ar", "zh"].flatMap((l) => listFiles(join(AKN, l), ".xml"));
  assert.ok(files.length > 2900, `only ${files.length} AKN files found`);
  const results = await loadAll(files);
  assert.equal(results.length, files.length);
  const failures = results.filter((r) => !r.ok);
  for (const f of failures) {
    assert.ok(f.errors!.length > 0 && f.errors!.every((e) => e.code !== "THROWN" && e.message.length > 10), `${f.file}: ${JSON.stringify(f.errors)}`);
  }
  const documents = results.filter((r) => r.ok);
  t.diagnostic(`AKN: ${documents.length} documents, ${failures.length} clear problems, of ${files.length} files`);
  // The corpus is well-formed AKN4UN: every file is a resolution with paragraphs.
  assert.equal(failures.length, 0, failures.map((f) => `${f.file}: ${f.errors![0]!.message}`).join("\n"));
  for (const r of documents) {
    assert.ok(r.preamble! + r.operative! > 0, r.file);
    assert.equal(r.language, /\.(\w\w)\.xml$/.exec(r.file)![1], r.file);
  }
});

test("the XML tree: prefixes and namespace declarations dropped, entities, references, &nbsp; and CDATA decoded, comments left out", () => {
  const parsed = parseXml(
    `<?xml version="1.0"?><!-- a comment --><akn:p xmlns:akn="urn:x" xmlns="urn:y" akn:eId="p_1" href="a?b=1&amp;c=2">` +
      `Member&nbsp;States&#x2019; <i>own</i> &lt;text&gt;<![CDATA[ & raw <b> ]]></akn:p>`,
  );
  assert.ok(parsed.ok);
  if (!parsed.ok) return;
  const [root, ...rest] = parsed.roots;
  assert.equal(rest.length, 0);
  assert.equal(tagOf(root!), "p");
  assert.equal(attr(root!, "eId"), "p_1");
  assert.equal(attr(root!, "href"), "a?b=1&c=2");
  assert.equal(attr(root!, "xmlns"), undefined);
  assert.equal(attr(root!, "akn"), undefined);
  assert.deepEqual(childrenOf(root!).map(tagOf), ["#text", "i", "#text", "#text"]);
  assert.equal(rawText(root!), "Member\u00a0States\u2019 own <text> & raw <b> ");
});

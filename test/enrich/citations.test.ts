import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readResolution } from "../../src/ingest/read.js";
import { enrich } from "../../src/enrich/index.js";
import { findCitations } from "../../src/enrich/citations.js";
import type { Citation, Resolution } from "../../src/model/types.js";
import { readCorpus, unpackedCorpus } from "../helpers/corpus.js";

/** The enriched document of a corpus file (`ods/NAME` or `seeds/NAME`). */
async function enriched(...path: string[]): Promise<Resolution> {
  const name = path.at(-1)!;
  const parsed = await readResolution(readCorpus(...path), { name });
  assert.ok(parsed.ok, `${name} parses`);
  return enrich(parsed.document);
}

function allCitations(doc: Resolution): Citation[] {
  return [...doc.citations, ...doc.preamble.flatMap((p) => p.citations), ...doc.operative.flatMap((p) => p.citations), ...doc.footnotes.flatMap((f) => f.citations)];
}

const symbolsIn = (doc: Resolution, where: string) => allCitations(doc).filter((c) => c.in === where).map((c) => c.symbol);

/** The paragraph of `doc` whose text contains `words`, with its citations. */
function paragraphWith(doc: Resolution, words: string) {
  const p = [...doc.preamble, ...doc.operative].find((x) => x.text.includes(words));
  assert.ok(p, `a paragraph contains "${words}"`);
  return p;
}

test("a list after 'its resolutions', with dates between the numbers (63/231, preamble 1)", async () => {
  const doc = await enriched("seeds", "A_RES_63_231.en.txt");
  assert.deepEqual(symbolsIn(doc, "preamble.1"), [
    "A/RES/46/151", "A/RES/49/108", "A/RES/51/170", "A/RES/53/177", "A/RES/55/187", "A/RES/57/243", "A/RES/59/249", "A/RES/61/215",
  ]);
  const first = doc.preamble[0]!.citations[0]!;
  assert.equal(first.kind, "resolution");
  assert.equal(first.text, "resolutions 46/151");
  // positions point at the words in the source
  assert.equal(doc.source.text.slice(first.position.start.offset, first.position.end.offset), "resolutions 46/151");
  const last = doc.preamble[0]!.citations.at(-1)!;
  assert.equal(doc.source.text.slice(last.position.start.offset, last.position.end.offset), "61/215");
});

test("'resolution 60/265' and 'General Assembly resolution 62/208'", async () => {
  const doc = await enriched("seeds", "A_RES_63_231.en.txt");
  assert.deepEqual(symbolsIn(doc, "preamble.3"), ["A/RES/60/265"]);
  assert.deepEqual(symbolsIn(doc, "operative.10"), ["A/RES/62/208"]);
  const doc2 = await enriched("seeds", "A_RES_69_235.en.txt");
  assert.deepEqual(paragraphWith(doc2, "General Assembly resolution 64/289").citations.map((c) => c.symbol), ["A/RES/64/289"]);
});

test("Security Council resolutions: 'resolution 1325 (2000)' and lists of year-numbered resolutions", async () => {
  const doc = await enriched("ods", "A_RES_75_48.en.txt");
  const p = paragraphWith(doc, "Security Council resolution 1325 (2000)");
  assert.ok(p.citations.some((c) => c.symbol === "S/RES/1325 (2000)"));
  const doc2 = await enriched("ods", "A_RES_75_193.en.txt");
  assert.deepEqual(
    paragraphWith(doc2, "Security Council in its resolutions 2199 (2015)").citations.map((c) => c.symbol).filter((s) => s.startsWith("S/")),
    ["S/RES/2199 (2015)", "S/RES/2347 (2017)"],
  );
  // one list, two bodies: the number's shape tells which resolution is the Council's
  const doc3 = await enriched("ods", "A_RES_75_201.en.txt");
  const mixed = paragraphWith(doc3, "Security Council resolutions 70/262 and 2282 (2016)").citations.map((c) => c.symbol);
  assert.deepEqual(mixed.slice(0, 4), ["A/RES/70/262", "S/RES/2282 (2016)", "A/RES/60/180", "S/RES/1645 (2005)"]);
});

test("Roman-numbered sessions: 'resolution 2152 (XXI)', '1514 (XV)', '2200 A (XXI)'", () => {
  // an EOSG paragraph of A/RES/2297 (XXII), the first session numbering in Roman numerals
  const file = join(unpackedCorpus(), "eosg", "A_RES_2297(XXII).en.paragraphs.json");
  const paragraphs = JSON.parse(readFileSync(file, "utf8")) as { text: string }[];
  const text = paragraphs.find((p) => p.text.includes("2152 (XXI)"))!.text;
  assert.deepEqual(findCitations(text, "GA").map((c) => c.symbol), ["A/RES/2152 (XXI)"]);
  assert.deepEqual(
    findCitations("Recalling its resolution 1514 (XV) of 14 December 1960 and resolution 2200 A (XXI), annex,", "GA").map((c) => c.symbol),
    ["A/RES/1514 (XV)", "A/RES/2200 A (XXI)"],
  );
});

test("decisions: 'General Assembly decision 79/512', 'its decision 79/537 A', 'its decisions 74/545, 74/559 and 74/566'", async () => {
  const doc = await enriched("ods", "A_RES_80_19.en.txt");
  assert.deepEqual(paragraphWith(doc, "General Assembly decision 79/512").citations.filter((c) => c.kind === "decision").map((c) => c.symbol), ["A/DEC/79/512"]);
  const parts = await enriched("ods", "A_RES_79_279.en.txt");
  assert.ok(allCitations(parts).some((c) => c.symbol === "A/DEC/79/537 A" && c.kind === "decision"));
  const doc2 = await enriched("ods", "A_RES_75_135.en.txt");
  assert.deepEqual(symbolsIn(doc2, "operative.1"), ["A/DEC/74/545", "A/DEC/74/559", "A/DEC/74/566"]);
});

test("documents in footnotes: 'A/63/309.', 'A/57/304, annex', 'A/68/970 and Corr.1', 'GC.15/Res.1'", async () => {
  const doc = await enriched("seeds", "A_RES_63_231.en.txt");
  assert.deepEqual(symbolsIn(doc, "footnote.5"), ["A/63/309"]);
  assert.deepEqual(symbolsIn(doc, "footnote.6"), ["A/57/304"]);
  const doc2 = await enriched("seeds", "A_RES_69_235.en.txt");
  assert.deepEqual(symbolsIn(doc2, "footnote.5"), ["A/68/970", "A/68/970/Corr.1"]);
  assert.deepEqual(symbolsIn(doc2, "footnote.3"), ["GC.15/INF/4", "GC.15/Res.1"]);
  assert.equal(doc2.footnotes[4]!.citations[1]!.text, "A/68/970 and Corr.1");
});

test("other series: FCCC decisions' report, a Security Council document, ECOSOC reports", async () => {
  const paris = await enriched("ods", "A_RES_75_118.en.txt");
  assert.ok(allCitations(paris).some((c) => c.symbol === "FCCC/CP/2015/10/Add.1" && c.in.startsWith("footnote.")));
  // "decision 1/CP.21" is the Conference of the Parties' numbering, not a UN decision
  assert.ok(!allCitations(paris).some((c) => c.symbol.includes("CP.21")));
  const sc = await enriched("ods", "A_RES_75_172.en.txt");
  assert.ok(allCitations(sc).some((c) => c.symbol === "S/2003/529"));
  const ecosoc = await enriched("ods", "A_RES_75_104.en.txt");
  assert.ok(allCitations(ecosoc).some((c) => c.symbol === "E/2020/52/Rev.1"));
});

test("Economic and Social Council 'resolution 1980/67' and Human Rights Council resolutions in context", async () => {
  const doc = await enriched("ods", "A_RES_75_131.en.txt");
  const p = paragraphWith(doc, "Economic and Social Council resolution 1980/67");
  assert.deepEqual(p.citations.map((c) => c.symbol), ["A/RES/53/199", "A/RES/61/185", "E/RES/1980/67"]);
  // "Human Rights Council resolutions on the subject, including resolution 42/9": the Council's
  const hrc = await enriched("ods", "A_RES_75_171.en.txt");
  const q = paragraphWith(hrc, "including resolution 42/9");
  assert.ok(q.citations.some((c) => c.symbol === "A/HRC/RES/42/9"), q.citations.map((c) => c.symbol).join());
  assert.ok(!q.citations.some((c) => c.symbol === "A/RES/42/9"));
});

test("named instruments resolved through a footnote; 'Ibid.' footnotes cite nothing", async () => {
  const doc = await enriched("seeds", "A_RES_63_231.en.txt");
  // "the United Nations Millennium Declaration,1" with footnote 1 "See resolution 55/2."
  const declaration = doc.footnotes[0]!.citations;
  assert.deepEqual(declaration.map((c) => [c.symbol, c.kind]), [["A/RES/55/2", "instrument"]]);
  // footnote 5 is called after "the report of the Director-General ...": a document
  assert.equal(doc.footnotes[4]!.citations[0]!.kind, "document");
  const ibid = await enriched("ods", "A_RES_75_124.en.txt");
  const f = ibid.footnotes.find((x) => /^Ibid\., annex/.test(x.text));
  assert.ok(f, "an Ibid. footnote");
  assert.deepEqual(f.citations, []);
});

test("the heading's committee report is cited from the header; the document's own symbol is not", async () => {
  const doc = await enriched("seeds", "A_RES_63_231.en.txt");
  assert.deepEqual(doc.citations.map((c) => [c.symbol, c.in, c.kind]), [["A/63/418/Add.2", "header", "document"]]);
  assert.ok(!allCitations(doc).some((c) => c.symbol === "A/RES/63/231"));
  const draft = await enriched("ods", "A_RES_75_7.en.txt");
  assert.deepEqual(draft.citations.map((c) => c.symbol), ["A/75/L.16", "A/75/L.16/Add.1"]);
});

test("63/231 cites the resolutions and documents of its text and footnotes", async () => {
  const doc = await enriched("seeds", "A_RES_63_231.en.txt");
  const cited = new Set(allCitations(doc).map((c) => c.symbol));
  for (const s of ["A/RES/46/151", "A/RES/49/108", "A/RES/51/170", "A/RES/53/177", "A/RES/55/187", "A/RES/57/243", "A/RES/59/249",
    "A/RES/61/215", "A/RES/60/265", "A/RES/55/2", "A/RES/60/1", "A/63/309", "A/57/304", "A/RES/62/208"]) {
    assert.ok(cited.has(s), `cites ${s}`);
  }
  // Monterrey and Johannesburg are cited by title and sales number only: no symbol
  assert.deepEqual(symbolsIn(doc, "footnote.2"), []);
  assert.equal(cited.size, 15);
});

test("AKN input: the UN's own links are kept, and citations they miss are added from the text", async () => {
  const file = join(unpackedCorpus(), "akn", "en", "A_RES_75_135.en.xml");
  const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: "A_RES_75_135.en.xml" });
  assert.ok(parsed.ok);
  const linked = allCitations(parsed.document).map((c) => `${c.in} ${c.symbol}`);
  assert.ok(linked.includes("preamble.14 A/RES/58/316"), "the decoder reads the link");
  const doc = enrich(parsed.document);
  const cited = allCitations(doc).map((c) => `${c.in} ${c.symbol}`);
  for (const c of linked) assert.ok(cited.includes(c), `keeps ${c}`);
  // "its decision 74/545" has no link in the AKN file
  assert.ok(cited.includes("preamble.1 A/DEC/74/545"));
  // the linked words are not cited twice
  assert.equal(cited.filter((c) => c === "preamble.14 A/RES/58/316").length, 1);
});

test("enriching twice gives the same citations", async () => {
  const doc = await enriched("seeds", "A_RES_69_235.en.txt");
  const once = JSON.stringify(allCitations(doc));
  enrich(doc);
  assert.equal(JSON.stringify(allCitations(doc)), once);
});

test("hostile input: a 1 MB line of near-citations is read in linear time", () => {
  const line = "resolutions 1/1, ".repeat(30000) + "A/".repeat(200000) + "(".repeat(100000);
  const found = findCitations(line, "GA");
  assert.ok(Array.isArray(found));
});

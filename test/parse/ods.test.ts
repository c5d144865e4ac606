import { test } from "node:test";
import assert from "node:assert/strict";
import { readResolution } from "../../src/ingest/read.js";
import { readCorpus } from "../helpers/corpus.js";
import type { Resolution } from "../../src/model/types.js";

async function seed(name: string): Promise<Resolution> {
  const parsed = await readResolution(readCorpus("seeds", name), { name });
  assert.ok(parsed.ok, "the seed parses");
  return parsed.document;
}

test("63/231: metadata from the heading, the closing lines and the ODS cover block", async () => {
  const doc = await seed("A_RES_63_231.en.txt");
  assert.deepEqual(
    { ...doc.meta, officialSdgs: undefined },
    {
      symbol: "A/RES/63/231",
      body: "GA",
      language: "en",
      title: "Industrial development cooperation",
      adoptionDate: "2008-12-19",
      session: 63,
      committee: "Second Committee",
      committeeReport: "A/63/418/Add.2",
      agendaItem: "53 (b)",
      plenaryMeeting: 72,
      distributionDate: "2009-03-17",
      jobNumber: "N0848465E",
      officialSdgs: undefined,
    },
  );
});

test("63/231: preamble phrases, operative verbs and glued footnote call-outs", async () => {
  const doc = await seed("A_RES_63_231.en.txt");
  assert.equal(doc.preamble.length, 9);
  assert.equal(doc.operative.length, 20);
  assert.deepEqual(doc.preamble.slice(0, 3).map((p) => [p.phrase, p.starter]), [
    ["Recalling", "recalling"],
    ["Recalling also", "recalling"],
    ["Recalling further", "recalling"],
  ]);
  // "Declaration,1 the" and "Outcome4 and" lose their call-outs
  assert.match(doc.preamble[1]!.text, /Millennium Declaration, the Monterrey Consensus/);
  assert.match(doc.preamble[2]!.text, /World Summit Outcome and resolution 60\/265/);
  assert.equal(doc.operative[2]!.phrase, "Also reaffirms");
  assert.equal(doc.operative[2]!.verb, "reaffirms");
  assert.equal(doc.operative[9]!.verb, "calls upon");
  assert.deepEqual(doc.footnotes.map((f) => f.calledFrom), [
    ["preamble.2"], ["preamble.2"], ["preamble.2"], ["preamble.3"], ["operative.1"], ["operative.17"],
  ]);
  assert.equal(doc.footnotes[4]!.text, "A/63/309.");
});

test("positions point back at the source text", async () => {
  const doc = await seed("A_RES_63_231.en.txt");
  const op20 = doc.operative[19]!;
  const slice = doc.source.text.slice(op20.position.start.offset, op20.position.end.offset);
  assert.ok(slice.startsWith("20.\tRequests the Secretary-General"), slice.slice(0, 40));
  assert.equal(op20.position.start.line, doc.source.text.slice(0, op20.position.start.offset).split("\n").length);
});

test("69/235: distribution date and job from the cover, footnotes after the date line", async () => {
  const doc = await seed("A_RES_69_235.en.txt");
  assert.equal(doc.meta.distributionDate, "2015-01-16");
  assert.equal(doc.meta.jobNumber, "N1471413E");
  assert.equal(doc.meta.plenaryMeeting, 75);
  assert.equal(doc.footnotes.length, 7);
  assert.equal(doc.footnotes[4]!.text, "A/68/970 and Corr.1.");
  // "the Lima Declaration: ... industrial development,3" in the preamble and ";3" in paragraph 2
  assert.deepEqual(doc.footnotes[2]!.calledFrom, ["preamble.3", "operative.2"]);
  assert.match(doc.operative[1]!.text, /industrial development;$/);
});

test("75/107: \"Takes note of the work\" has the verb \"takes note\" (the lexicon drops italics that ran over \"of\")", async () => {
  const name = "A_RES_75_107.en.txt";
  const parsed = await readResolution(readCorpus("ods", name), { name });
  assert.ok(parsed.ok);
  const op4 = parsed.document.operative.find((p) => p.number === 4)!;
  assert.match(op4.text, /^Takes note of the work of the territorial Government/);
  assert.equal(op4.verb, "takes note");
});

test("77/325: call-outs glued to resolution numbers (5/13 + 3, 5/64 + 4) do not stall the ones after them", async () => {
  const name = "A_RES_77_325.en.txt";
  const parsed = await readResolution(readCorpus("ods", name), { name });
  assert.ok(parsed.ok);
  const doc = parsed.document;
  const calledFrom = (n: number) => doc.footnotes.find((f) => f.number === n)!.calledFrom;
  // "Convention on International Trade in Endangered Species of Wild Fauna and Flora5"
  const cites = doc.preamble.find((p) => p.text.startsWith("Recognizing the legal framework provided by and the important role of the Convention on International Trade"))!;
  assert.deepEqual(calledFrom(5), [`preamble.${cites.index}`]);
  assert.ok(cites.footnoteRefs.some((r) => r.number === 5));
  // and no call-out is read out of "69/314", "71/326" or "75/311" in operative paragraph 1
  assert.deepEqual(doc.operative.find((p) => p.number === 1)!.footnoteRefs, []);
  assert.ok(doc.footnotes.filter((f) => f.calledFrom.length === 0).length <= 1);
});

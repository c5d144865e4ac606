import { test } from "node:test";
import assert from "node:assert/strict";
import { type Alignment, alignResolutions } from "../../src/compare/align.js";
import type { Resolution } from "../../src/model/types.js";
import { alignCorpus, assertAlignment, corpusResolution, ods } from "./helpers.js";

/*
 * Expected alignments of real consecutive versions, written after reading both texts. Rows
 * are the pairs a reader is sure of; paragraphs whose fate is a matter of judgement (a topic
 * rewritten from scratch, say) are left out rather than guessed.
 */

const seed = (name: string) => corpusResolution("seeds", name);

/** Every paragraph of both versions is accounted for: paired, added or dropped. */
function assertComplete(alignment: Alignment, from: Resolution, to: Resolution): void {
  for (const [kind, olds, news] of [
    ["preambular", from.preamble, to.preamble],
    ["operative", from.operative, to.operative],
  ] as const) {
    const pairs = alignment.pairs.filter((p) => p.kind === kind);
    assert.deepEqual([...new Set(pairs.flatMap((p) => (p.from ? [p.from.index] : [])))].sort((a, b) => a - b), [...olds.keys()]);
    assert.deepEqual([...new Set(pairs.flatMap((p) => (p.to ? [p.to.index] : [])))].sort((a, b) => a - b), [...news.keys()]);
  }
}

test("63/231 -> 69/235 (Industrial development cooperation, six years apart): heavy rewrite, renewed paragraphs found by content", async () => {
  const [from, to] = [await seed("A_RES_63_231.en.txt"), await seed("A_RES_69_235.en.txt")];
  const alignment = alignResolutions(from, to);
  assertComplete(alignment, from, to);
  assertAlignment(alignment, [
    // The list of recalled resolutions grows; the business-community paragraph swaps "domestic" for "national".
    "preamble.1 -> preamble.1 edited",
    "preamble.6 -> preamble.12 edited",
    // "international cooperation to promote equitable and sustainable patterns" -> "international industrial cooperation to promote inclusive and sustainable industrialization and to address ..."
    "preamble.5 -> preamble.10 edited",
    // The Africa Investor Award of 2007 and the transfer-of-technology recital are gone.
    "preamble.8 -> dropped",
    "preamble.7 -> dropped",
    "operative.1 -> operative.1 edited",
    // "Reaffirms that each country must take primary responsibility" -> "Emphasizes that each country must take the primary responsibility"
    "operative.2 -> operative.7 edited",
    // "Recognizes the key role of UNIDO in promoting sustainable industrial development and ..."
    "operative.9 -> operative.19 edited",
    // SMEs, international trade and product standards folded into the long "continue to assist" paragraph.
    "operative.13 -> operative.23 edited",
    // cleaner production, industrial water management, energy efficiency, "especially in rural areas"
    "operative.15 -> operative.24 edited",
    // support for the New Partnership for Africa's Development and the Pharmaceutical Manufacturing Plan
    "operative.17 -> operative.28 edited",
    // global forum capacity "with the aim of enhancing" -> four capacities including global forum activities
    "operative.19 -> operative.30 edited",
    // the report: sixty-fifth -> seventy-first session
    "operative.20 -> operative.31 edited",
    // the 2008 food crisis and post-conflict countries are no longer mentioned
    "operative.11 -> dropped",
    "operative.18 -> dropped",
    // new: Lima Declaration, post-2015 agenda, gender equality, corporate sustainability reporting
    "added -> operative.2",
    "added -> operative.3",
    "added -> operative.10",
    "added -> operative.27",
  ]);
  const report = alignment.pairs.find((p) => p.from?.id === "operative.20")!;
  assert.ok(report.similarity > 0.9 && report.similarity < 1, `one ordinal changed: ${report.similarity}`);
});

test("77/180 -> 79/222 (Industrial development cooperation): moves, a split, additions, nothing dropped", async () => {
  const [from, to] = [await ods("77/180"), await ods("79/222")];
  const alignment = alignResolutions(from, to);
  assertComplete(alignment, from, to);
  assertAlignment(alignment, [
    "preamble.2 -> preamble.2 unchanged",
    // "Reaffirming also its resolution 71/243 ..." moved down and lost its "also"
    "preamble.4 -> preamble.9 moved",
    // "Recalling that the Addis Ababa Action Agenda recognized ..." moved up
    "preamble.13 -> preamble.5 moved",
    // the SAMOA Pathway and the Vienna Programme give way to the Antigua and Barbuda Agenda
    "preamble.14 -> preamble.16 edited",
    // the Technology Facilitation Mechanism recital moved ahead of two others
    "preamble.37 -> preamble.37 moved",
    // SDG Summit, Summit of the Future, UNIDO strategies for Africa and the least developed countries
    "added -> preamble.6",
    "added -> preamble.7",
    "added -> preamble.20",
    "added -> preamble.21",
    // "four core functions" moved up from the middle of the operative part
    "operative.13 -> operative.7 moved",
    // the COVID-19 response paragraph keeps its place with its wording updated
    "operative.7 -> operative.8 edited",
    // one long "Encourages UNIDO to support developing countries ..." split in two: productive and trade capacities; environmentally sound production
    "operative.33 -> operative.36 edited",
    "operative.33 -> operative.37 edited",
    // the South-South and industrial safety paragraphs change places with their neighbours
    "operative.30 -> operative.38 paired",
    "operative.32 -> operative.39 paired",
    "operative.39 -> operative.45 edited",
    "operative.45 -> operative.54 edited",
    // creative economy, youth training, the Riyadh forum, digital divides, hunger and climate, three conferences
    "added -> operative.13",
    "added -> operative.18",
    "added -> operative.27",
    "added -> operative.29",
    "added -> operative.32",
    "added -> operative.50",
    "added -> operative.51",
    "added -> operative.52",
  ]);
  assert.equal(alignment.pairs.filter((p) => p.change === "dropped").length, 0);
  const split = alignment.pairs.filter((p) => p.from?.id === "operative.33");
  assert.deepEqual(split.map((p) => p.relation), ["split", "split"]);
});

test("Question of Saint Helena 76/100 -> 77/144: seminar recitals renewed, dated recitals dropped, mandates kept", async () => {
  const [from, to] = [await ods("76/100"), await ods("77/144")];
  const alignment = alignResolutions(from, to);
  assertComplete(alignment, from, to);
  assertAlignment(alignment, [
    "preamble.1 -> preamble.1 edited", // report of the Special Committee for 2021 -> 2022
    "preamble.15 -> preamble.15 edited", // Caribbean seminar in Grenada -> Pacific seminar in Saint Lucia
    "preamble.16 -> preamble.16 edited", // Third -> Fourth International Decade
    "preamble.17 -> dropped", // the rescheduled 2021 seminar in Dominica
    "preamble.18 -> preamble.17 unchanged", // renumbered only
    "preamble.21 -> dropped", // "last participated ... in 2015"
    "added -> preamble.20", // "Welcoming the re-engagement of the Territory ... in 2022"
    "preamble.24 -> dropped", // the airport
    "preamble.26 -> preamble.24 unchanged",
    "added -> preamble.25", // the ministerial system of government
    "operative.1 -> operative.1 unchanged",
    "operative.4 -> operative.4 edited", // "the ongoing governance reform process" -> "the governance reform process"
    "operative.12 -> operative.12 unchanged",
    "operative.13 -> operative.13 edited", // seventy-seventh -> seventy-eighth session
  ]);
  assert.equal(alignment.pairs.filter((p) => p.kind === "operative" && p.change === "unchanged").length, 11);
});

test("Question of Saint Helena 78/96 -> 79/109: the Bali seminar becomes the Caracas seminar; three recitals go", async () => {
  const [from, to] = [await ods("78/96"), await ods("79/109")];
  const alignment = alignResolutions(from, to);
  assertComplete(alignment, from, to);
  assertAlignment(alignment, [
    "preamble.15 -> preamble.15 edited",
    "preamble.18 -> preamble.18 edited", // the statement made at the seminar, Bali -> Caracas
    "preamble.19 -> dropped", // CEDAW extension
    "preamble.20 -> dropped", // re-engagement in 2022
    "preamble.26 -> dropped", // COVID-19 resolutions
    "operative.13 -> operative.13 edited", // seventy-ninth -> eightieth session
  ]);
  assert.equal(alignment.pairs.filter((p) => p.change === "added").length, 0);
});

test("International trade and development 76/190 -> 77/151: ten new paragraphs in front, old ones moved and rewritten", async () => {
  const [from, to] = [await ods("76/190"), await ods("77/151")];
  const alignment = alignResolutions(from, to);
  assertComplete(alignment, from, to);
  assertAlignment(alignment, [
    "operative.1 -> operative.1 unchanged",
    "operative.2 -> operative.2 unchanged",
    "operative.3 -> operative.13 edited", // one comma less
    "operative.4 -> operative.14 unchanged",
    "operative.6 -> operative.15 edited", // "Recommits firmly to promoting a ... multilateral trading system"
    "operative.14 -> operative.16 moved", // twelfth Ministerial Conference: convening -> successful conclusion, moved up
    "operative.7 -> operative.17 edited", // "the urgent need to combat protectionism" -> "the need to continue combating protectionism"
    "operative.8 -> operative.19 edited", // the COVID-19 omnibus paragraph cut down to "enhancing the capacity of the multilateral trading system"
    "operative.10 -> operative.22 edited", // fisheries subsidies: negotiations -> agreement adopted
    "operative.12 -> operative.23 unchanged", // Agreement on Trade Facilitation
    "operative.9 -> operative.24 moved", // unilateral economic measures, now after trade facilitation
    "operative.13 -> operative.26 paired", // UNCTAD 15 in Bridgetown: "Welcomes the convening" -> "Recalls the holding"
    "operative.15 -> operative.25 paired", // UNCTAD as focal point
    "operative.17 -> operative.29 edited", // the report: seventy-seventh -> seventy-eighth session
    "added -> operative.3", // a trading system contributing to the SDGs
    "added -> operative.4", // duty-free, quota-free access
    "added -> operative.6", // stable trade flows and the food, energy and finance crises
    "added -> operative.7",
    "added -> operative.8",
    "added -> operative.10", // renewable energy trade
    "added -> operative.18", // TRIPS decision
    "added -> operative.20", // World Food Programme export restrictions
    "added -> operative.27", // Creative Economy Outlook
  ]);
  // UNCTAD 15 and the UNCTAD focal-point paragraph swapped: one of the two moved, not both.
  const swapped = alignment.pairs.filter((p) => p.from?.id === "operative.13" || p.from?.id === "operative.15");
  assert.equal(swapped.filter((p) => p.change === "moved").length, 1);
});

test("International trade and development 78/134 -> 79/195: a moved recommitment, Ministerial Conferences and UNCTAD sessions renewed", async () => {
  const [from, to] = [await ods("78/134"), await ods("79/195")];
  const alignment = alignResolutions(from, to);
  assertComplete(alignment, from, to);
  assertAlignment(alignment, [
    "preamble.11 -> dropped", // "Deeply concerned that the COVID-19 pandemic has disrupted trade ..."
    "added -> preamble.15", // commodity value chains and climate change
    "added -> preamble.16", // trade-restrictive measures under the guise of environmental protection
    "operative.11 -> operative.11 edited", // the role of services, rewritten
    "operative.17 -> operative.20 moved", // "Recommits firmly ..." now after the gender paragraph
    "operative.18 -> operative.19 edited", // "the development and the implementation" -> "the development and implementation"
    "added -> operative.21", // competition and consumer protection
    "operative.19 -> operative.22 edited", // twelfth -> thirteenth Ministerial Conference
    "operative.33 -> operative.39 edited", // "Recalls the holding of the fifteenth session" -> "Looks forward to the holding of the sixteenth session"
  ]);
});

test("alignment is by content: the same resolution against itself with its paragraphs reversed is all moves", async () => {
  const doc = await ods("79/222");
  const reversed: Resolution = { ...doc, operative: [...doc.operative].reverse() };
  const alignment = alignResolutions(doc, reversed);
  const operative = alignment.pairs.filter((p) => p.kind === "operative");
  assert.equal(operative.length, doc.operative.length);
  assert.ok(operative.every((p) => p.from && p.to && p.from.id === p.to.id && p.similarity === 1));
  // The longest run kept in order is one paragraph: every other one moved.
  assert.equal(operative.filter((p) => p.change === "moved").length, doc.operative.length - 1);
});

test("an empty side: everything added or dropped", async () => {
  const doc = await ods("79/222");
  const empty: Resolution = { ...doc, preamble: [], operative: [] };
  assert.ok(alignResolutions(empty, doc).pairs.every((p) => p.change === "added"));
  assert.ok(alignResolutions(doc, empty).pairs.every((p) => p.change === "dropped"));
  assert.deepEqual((await alignCorpus(Promise.resolve(empty), Promise.resolve(empty))).pairs, []);
});

test("inputs far beyond any resolution: bounded work, a warning instead of a hang", async () => {
  const doc = await ods("79/222");
  const template = doc.operative[0]!;
  const many = (prefix: string): Resolution => ({
    ...doc,
    preamble: [],
    operative: Array.from({ length: 2100 }, (_, i) => ({ ...template, number: i + 1, text: `${prefix} paragraph ${i} on subject s${i} and s${i * 7}` })),
  });
  const huge = alignResolutions(many("Old"), many("New"));
  assert.equal(huge.problems[0]?.code, "compare-too-many-paragraphs");
  assert.ok(huge.pairs.every((p) => p.change === "added" || p.change === "dropped"));

  // One paragraph of 100,000 words (a 600 kB line) against the same with one word changed.
  const words = Array.from({ length: 100_000 }, (_, i) => `w${i % 997}`);
  const long = (text: string): Resolution => ({ ...doc, preamble: [], operative: [{ ...template, text }] });
  const edited = [...words];
  edited[50_000] = "changed";
  const alignment = alignResolutions(long(words.join(" ")), long(edited.join(" ")));
  assert.equal(alignment.pairs.length, 1);
  assert.equal(alignment.pairs[0]!.change, "edited");
  assert.ok(alignment.pairs[0]!.similarity > 0.99);
});

import assert from "node:assert/strict";
import { test } from "node:test";
import { hostileInput, readHostile } from "../helpers/hostile.js";

/**
 * Enrichment takes time in proportion to the paragraphs it reads: real texts grown with what
 * made citations and mandates search a growing list or window per item (test/helpers/hostile.ts),
 * each enriched whole and right.
 */

const HANG_GUARD = { timeout: 120_000 };

test("citations: 100,000 linked numbers and 100,000 unlinked ones in one AKN paragraph are all cited once", HANG_GUARD, async () => {
  const doc = await readHostile(hostileInput("AKN linked and unlinked citations").build(100_000), "A_RES_75_100.en.xml");
  const symbols = new Set(doc.operative[1]!.citations.map((c) => c.symbol));
  for (let i = 0; i < 1000; i++) {
    assert.ok(symbols.has(`A/RES/70/${i}`), `A/RES/70/${i}`);
    assert.ok(symbols.has(`A/RES/71/${i}`), `A/RES/71/${i}`);
  }
  // the links are kept as linked, with their words; the unlinked numbers are added
  assert.equal(doc.operative[1]!.citations.find((c) => c.symbol === "A/RES/70/7")!.text, "70/7");
  assert.equal(doc.operative[1]!.citations.find((c) => c.symbol === "A/RES/71/7")!.text, "resolution 71/7");
});

test("citations: 100,000 citations split over hard-wrapped lines are found, placed in their paragraph", HANG_GUARD, async () => {
  const doc = await readHostile(hostileInput("citations split over hard-wrapped lines").build(100_000), "S_RES_242_1967.en.txt");
  const first = doc.operative[0]!;
  assert.equal(first.citations.length, 100_000);
  for (const i of [0, 1, 500, 99_999]) assert.equal(first.citations[i]!.symbol, `A/RES/${70 + (i % 29)}/${i % 997}`);
  for (const c of first.citations) {
    assert.ok(c.position.start.offset >= first.position.start.offset && c.position.end.offset <= first.position.end.offset);
  }
});

test("mandates: 60,000 clauses in one paragraph are 60,000 mandates, each from its own clause", HANG_GUARD, async () => {
  const doc = await readHostile(hostileInput("mandate clauses in one paragraph").build(60_000), "A_RES_69_235.en.txt");
  const paragraph = doc.operative.find((p) => p.text.startsWith("Takes note of the report, requests 1 Member States"))!;
  const requests = paragraph.mandates.filter((m) => m.verb === "requests");
  assert.equal(requests.length, 60_000);
  assert.equal(requests[59_999]!.action, "to report on the item");
  assert.ok(paragraph.mandates.some((m) => m.verb === "invites" && m.actor === "all States"));
});

test("mandates: 60,000 pronouns with nothing to stand for stay as written", HANG_GUARD, async () => {
  const doc = await readHostile(hostileInput("pronouns with nothing to stand for").build(60_000), "A_RES_69_235.en.txt");
  const paragraph = doc.operative.find((p) => p.text.startsWith("Takes note of the report, requests him"))!;
  const requests = paragraph.mandates.filter((m) => m.verb === "requests");
  assert.equal(requests.length, 60_000);
  assert.ok(requests.every((m) => m.actor === "him"));
});

test("mandates: 20,000 decisions about mandates and the review of 'the mandate' each find their body's end and review", HANG_GUARD, async () => {
  const doc = await readHostile(hostileInput("decisions about mandates and their reviews").build(20_000), "A_RES_69_235.en.txt");
  const paragraph = doc.operative.find((p) => p.text.startsWith("Takes note of the report, decides to extend"))!;
  const decisions = paragraph.mandates.filter((m) => m.decision?.kind === "extend");
  const requests = paragraph.mandates.filter((m) => m.verb === "requests");
  assert.equal(decisions.length, 20_000);
  assert.equal(requests.length, 20_000);
  const last = requests[19_999]!;
  assert.equal(last.actor, "Panel of Experts on item 20000");
  // the request has no end of its own: its body's, decided in the clause before
  assert.deepEqual([last.end?.date, last.review?.date, last.recurrence], ["2030-05-01", "2030-04-01", "every 90 days"]);
  assert.ok(decisions.every((m) => m.dueDate === "2030-05-01" && m.review?.date === "2030-04-01"));
});

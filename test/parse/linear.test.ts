import assert from "node:assert/strict";
import { test } from "node:test";
import type { Resolution } from "../../src/model/types.js";
import { hostileInput, odsText, readGuarded, readHostile, wrappedText } from "../helpers/hostile.js";

/**
 * Parsing takes time in proportion to the input: texts built from real resolutions with what
 * made the parser copy a growing text once per marker, line or call-out (test/helpers/hostile.ts),
 * each read whole and right.
 */

const HANG_GUARD = { timeout: 120_000 };
const ODS = "A_RES_69_235.en.txt";
const paragraphs = (doc: Resolution) => [...doc.preamble.map((p) => p.text), ...doc.operative.map((p) => `${p.number} ${p.text}`)];
const codes = (doc: Resolution) => doc.problems.map((p) => p.code).sort();

test("a line of 170,000 [DU1] markers is blanked out, and the resolution around it reads as without it", HANG_GUARD, async () => {
  const original = await readHostile(odsText(), ODS);
  const marked = await readHostile(hostileInput("[DU1] markers on one line").build(170_000), ODS);
  assert.deepEqual(paragraphs(marked), paragraphs(original));
  assert.deepEqual(marked.footnotes.map((f) => f.calledFrom), original.footnotes.map((f) => f.calledFrom));
  assert.deepEqual(codes(marked), codes(original));
  assert.equal(marked.meta.symbol, "A/RES/69/235");
});

test("15 MB on one line: the text flattened into one line is refused as no resolution; a paragraph of 15 MB is read whole", HANG_GUARD, async () => {
  const flat = odsText().replace(/\n/g, " ");
  const { parsed: refused } = await readGuarded(flat.repeat(Math.ceil(15_000_000 / flat.length)), "one-line.txt");
  assert.equal(refused.ok, false);
  assert.match(refused.ok ? "" : refused.problems[0]!.message, /not a resolution/);

  const third = odsText().split("\n").find((l) => l.startsWith("\t3.\t"))!;
  const words = third.slice(4) + " ";
  const giant = words.repeat(Math.ceil(15_000_000 / words.length));
  const doc = await readHostile(odsText().replace(third, `\t3.\t${giant}`), ODS);
  assert.equal(doc.operative.length, 31);
  assert.equal(doc.operative[2]!.text, giant.trimEnd());
  assert.equal(doc.operative[3]!.number, 4);
  assert.equal(doc.operative[30]!.verb, "requests");
});

test("a hard-wrapped paragraph of 100,000 lines is joined into one paragraph", HANG_GUARD, async () => {
  const file = "S_RES_242_1967.en.txt";
  const original = await readHostile(wrappedText(), file);
  const doc = await readHostile(hostileInput("hard-wrapped lines of one paragraph").build(100_000), file);
  assert.equal(doc.operative.length, original.operative.length);
  const first = doc.operative[0]!;
  assert.ok(first.text.startsWith(original.operative[0]!.text.slice(0, 40)));
  assert.equal(first.text.split("and the parties concerned to the conflict in the region shall").length - 1, 100_000);
  assert.equal(doc.operative[1]!.text, original.operative[1]!.text);
});

test("50,000 lines opening with an operative verb but not after a sentence's end continue one paragraph", HANG_GUARD, async () => {
  const original = await readHostile(odsText(), ODS);
  // paragraph 5 ends its sentence, so the first line opens a paragraph; the others, which
  // follow no full stop or semicolon, continue it
  const doc = await readHostile(hostileInput("operative lines continuing a paragraph").build(50_000), ODS);
  assert.equal(doc.operative.length, original.operative.length + 1);
  const added = doc.operative[5]!;
  assert.equal(added.numbered, false);
  assert.equal(added.text.split("Requests the programme of work number").length - 1, 50_000);
  assert.ok(added.text.endsWith(" number 50000"));
  assert.equal(doc.operative[4]!.text, original.operative[4]!.text);
  assert.equal(doc.operative[6]!.text, original.operative[5]!.text);
});

test("a call-out repeated 200,000 times after the same words is found each time", HANG_GUARD, async () => {
  // operative paragraph 2 calls footnote 3 after the words that call it in the preamble
  const doc = await readHostile(hostileInput("call-outs repeated after the same words").build(200_000), ODS);
  const refs = doc.operative[1]!.footnoteRefs;
  assert.equal(refs.length, 200_001);
  assert.ok(refs.every((r) => r.number === 3));
  assert.ok(doc.footnotes.find((f) => f.number === 3)!.calledFrom.includes("operative.2"));
  assert.equal(doc.operative.length, 31);
});

test("999 footnotes that no call-out names, after a long paragraph of numbers, are reported uncalled", HANG_GUARD, async () => {
  const lines = odsText().split("\n");
  const notesAt = lines.findIndex((l) => l.startsWith("1 Resolution 66/288"));
  const last = lines.findIndex((l) => l.startsWith("\t31.\t"));
  const numbers = Array.from({ length: 999 }, (_, i) => `item ${i + 1}`).join(" ");
  lines[last] = `\t31.\tRequests the Secretary-General to report on ${`${numbers} `.repeat(400)}`;
  const notes = Array.from({ length: 999 }, (_, i) => `${i + 1} See A/70/${i + 1}.`);
  const doc = await readHostile([...lines.slice(0, notesAt), ...notes].join("\n"), ODS);
  const original = await readHostile(odsText(), ODS);
  assert.equal(doc.footnotes.length, 999);
  // the text's own call-outs are found; the numbers glued to nothing are none
  const called = (d: Resolution) => d.footnotes.filter((f) => f.calledFrom.length).map((f) => f.number);
  assert.deepEqual(called(doc), called(original));
  assert.ok(doc.problems.some((p) => p.code === "footnote-uncalled"));
});

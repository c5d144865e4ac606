import assert from "node:assert/strict";
import { test } from "node:test";
import type { Resolution } from "../../src/model/types.js";
import { odsText, readHostile, wrappedText } from "../helpers/hostile.js";

/**
 * Operative paragraphs numbered 1000 and above are paragraphs of their own, when they come in
 * turn (1000 after 999): before, the numbers of one to three digits the parser knew glued them
 * into paragraph 999, with no problem reported. Built from real resolutions, renumbered.
 */

const numbers = (doc: Resolution) => doc.operative.map((p) => p.number);
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

test("an ODS text of 1,200 operative paragraphs keeps them all, in order", async () => {
  const lines = odsText().split("\n");
  const first = lines.findIndex((l) => l.startsWith("\t1.\t"));
  const last = lines.findIndex((l) => l.startsWith("\t31.\t"));
  const bodies = lines.slice(first, last + 1).map((l) => l.replace(/^\t\d+\.\t/, ""));
  const renumbered = upTo(1200).map((n) => `\t${n}.\t${bodies[(n - 1) % bodies.length]}`);
  const original = await readHostile(odsText(), "A_RES_69_235.en.txt");
  const doc = await readHostile([...lines.slice(0, first), ...renumbered, ...lines.slice(last + 1)].join("\n"), "A_RES_69_235.en.txt");
  assert.deepEqual(numbers(doc), upTo(1200));
  assert.ok(doc.operative.every((p) => p.numbered));
  assert.ok(!doc.problems.some((p) => p.code === "operative-numbering"), JSON.stringify(doc.problems));
  for (const n of [999, 1000, 1001, 1200]) assert.equal(doc.operative[n - 1]!.verb, original.operative[(n - 1) % 31]!.verb, `paragraph ${n}`);
  assert.ok(!doc.operative[998]!.text.includes("1000."));
  // every paragraph's mandates come from its own text
  assert.equal(doc.operative[1199]!.mandates.length, original.operative[(1199 % 31)]!.mandates.length);
});

test("a hard-wrapped text of 1,200 operative paragraphs without blank lines keeps them all; a year opening a line does not", async () => {
  const lines = wrappedText().split("\n");
  const third = lines.findIndex((l) => l.startsWith("3. Requests"));
  const end = lines.findIndex((l) => l.startsWith("Adopted unanimously"));
  // paragraphs 3 and 4, wrapped over several lines each, one after the other
  const paragraphs = lines.slice(third, end).join("\n").split(/\n\n/).map((p) => p.trim().replace(/^\d+\. /, ""));
  const body = upTo(1200)
    .map((n) => {
      const text = `${n}. ${paragraphs[n % 2]!}`;
      // a line of paragraph 500 that opens with a year
      return n === 500 ? text.replace("Secretary-General to", "Secretary-General to act as in\n1967. and to") : text;
    })
    .join("\n");
  const doc = await readHostile([...lines.slice(0, third), body, "", ...lines.slice(end)].join("\n"), "S_RES_242_1967.en.txt");
  assert.deepEqual(numbers(doc).slice(2), upTo(1200));
  assert.ok(doc.operative.slice(2).every((p) => p.numbered));
  assert.ok(doc.operative[501]!.text.includes("act as in 1967. and to"), doc.operative[501]!.text);
  assert.ok(doc.operative[1001]!.text.startsWith("Requests the Secretary-General"));
  assert.ok(!doc.problems.some((p) => p.code === "operative-numbering"), JSON.stringify(doc.problems));
});

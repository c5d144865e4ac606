import { test } from "node:test";
import assert from "node:assert/strict";
import { compareResolutions } from "../../src/compare/compare.js";
import { type WordChange, longestCommonSubsequence, wordChanges, wordSimilarity } from "../../src/compare/diff.js";
import { normaliseText } from "../../src/compare/text.js";
import { corpusResolution, ods } from "./helpers.js";

const rebuild = (changes: WordChange[], side: "before" | "after") =>
  changes.filter((c) => c.type === "equal" || c.type === (side === "before" ? "delete" : "insert")).map((c) => c.text).join("");
// An unchanged paragraph may differ in compatibility characters (a non-breaking hyphen in "COVID-19"): compare normal forms.
const squash = normaliseText;

test("track changes of the report request, 63/231 op. 20 -> 69/235 op. 31: one ordinal replaced", async () => {
  const before = (await corpusResolution("seeds", "A_RES_63_231.en.txt")).operative[19]!.text;
  const after = (await corpusResolution("seeds", "A_RES_69_235.en.txt")).operative[30]!.text;
  assert.deepEqual(wordChanges(before, after), [
    { type: "equal", text: "Requests the Secretary-General to submit to the General Assembly at its " },
    { type: "delete", text: "sixty" },
    { type: "insert", text: "seventy" },
    { type: "equal", text: "-" },
    { type: "delete", text: "fifth" },
    { type: "insert", text: "first" },
    { type: "equal", text: " session a report on the implementation of the present resolution." },
  ]);
  // 22 of the 24 words on each side are kept.
  assert.equal(wordSimilarity(before, after), 44 / 48);
});

test("the changes of every edited paragraph of 77/180 -> 79/222 rebuild both texts", async () => {
  const comparison = compareResolutions(await ods("77/180"), await ods("79/222"));
  const from = await ods("77/180");
  const to = await ods("79/222");
  const edited = comparison.paragraphs.filter((p) => p.edited);
  assert.ok(edited.length >= 20);
  for (const p of edited) {
    const list = p.kind === "preambular" ? "preamble" : "operative";
    // character for character: every space belongs to exactly one run
    assert.equal(rebuild(p.changes, "before"), from[list][p.from!.index]!.text);
    assert.equal(rebuild(p.changes, "after"), to[list][p.to!.index]!.text);
  }
  for (const p of comparison.paragraphs) {
    const list = p.kind === "preambular" ? "preamble" : "operative";
    if (p.from) assert.equal(squash(rebuild(p.changes, "before")), squash(from[list][p.from.index]!.text), `${p.from.id} rebuilt`);
    if (p.to) assert.equal(squash(rebuild(p.changes, "after")), squash(to[list][p.to.index]!.text), `${p.to.id} rebuilt`);
  }
  // an added paragraph is one insertion, a dropped one one deletion, an unchanged one one equal run
  assert.ok(comparison.paragraphs.filter((p) => p.change === "added").every((p) => p.changes.length === 1 && p.changes[0]!.type === "insert"));
  assert.ok(comparison.paragraphs.filter((p) => p.change === "unchanged").every((p) => p.changes.length === 1 && p.changes[0]!.type === "equal"));
});

test("word similarity: punctuation does not count, order does", () => {
  assert.equal(wordSimilarity("Requests the Secretary-General;", "Requests the Secretary-General."), 1);
  assert.equal(wordSimilarity("alpha beta", "gamma delta"), 0);
  assert.equal(wordSimilarity("", ""), 1);
  // the same words in reverse order share only one word in order
  assert.equal(wordSimilarity("one two three", "three two one"), 2 / 6);
});

test("an exhausted time budget gives the whole paragraph replaced, never a hang or a throw", () => {
  const before = "Decides to include in the provisional agenda of its eightieth session the item.";
  const after = "Decides to include in the provisional agenda of its eighty-first session the item.";
  assert.deepEqual(wordChanges(before, after, { timeout: -1 }), [
    { type: "delete", text: before },
    { type: "insert", text: after },
  ]);
  assert.deepEqual(wordChanges(before, before), [{ type: "equal", text: before }]);
  assert.deepEqual(wordChanges("", ""), []);
});

test("the bit-parallel longest common subsequence agrees with the textbook dynamic programme", () => {
  const reference = (a: number[], b: number[]) => {
    const row = new Array<number>(b.length + 1).fill(0);
    for (const x of a) {
      let diagonal = 0;
      for (let j = 1; j <= b.length; j++) {
        const up = row[j]!;
        row[j] = x === b[j - 1] ? diagonal + 1 : Math.max(up, row[j - 1]!);
        diagonal = up;
      }
    }
    return row[b.length]!;
  };
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  // lengths across the 32-bit block boundaries, small and large alphabets
  for (let trial = 0; trial < 300; trial++) {
    const alphabet = 2 + random(40);
    const a = Array.from({ length: random(140) }, () => random(alphabet));
    const b = Array.from({ length: random(140) }, () => random(alphabet));
    assert.equal(longestCommonSubsequence(a, b), reference(a, b), `trial ${trial}: |a| ${a.length}, |b| ${b.length}`);
  }
});

test("edits separated only by spaces read as one deletion and one insertion", async () => {
  const before = (await corpusResolution("seeds", "A_RES_63_231.en.txt")).preamble[0]!.text;
  const after = (await corpusResolution("seeds", "A_RES_69_235.en.txt")).preamble[0]!.text;
  const changes = wordChanges(before, after);
  // "... 61/215 of 20 December 2006 on industrial development cooperation," -> "... 2006, 63/231 of 19 December 2008, ..."
  assert.ok(changes.some((c) => c.type === "delete" && c.text === " on industrial development cooperation"));
  assert.ok(changes.some((c) => c.type === "insert" && c.text === ", 63/231 of 19 December 2008"));
  assert.equal(rebuild(changes, "before"), before);
  assert.equal(rebuild(changes, "after"), after);
  // no equal run of spaces alone between two edits
  changes.forEach((c, i) => {
    if (c.type === "equal" && /^\s+$/.test(c.text)) assert.ok(changes[i - 1]?.type === "equal" || changes[i + 1]?.type === "equal" || i === 0 || i === changes.length - 1);
  });
});

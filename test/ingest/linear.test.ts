import assert from "node:assert/strict";
import { test } from "node:test";
import { aknText, eosgItems, hostileInput, letters, readHostile } from "../helpers/hostile.js";

/**
 * The structured decoders (EOSG JSON, Akoma Ntoso XML) take time in proportion to their input:
 * real files grown with what made them copy a growing paragraph, or search a growing list, at
 * each piece (test/helpers/hostile.ts), each read whole and right.
 */

const HANG_GUARD = { timeout: 120_000 };
const EOSG = "A_RES_73_247.en.paragraphs.json";
const AKN = "A_RES_75_100.en.xml";

test("EOSG: a run of 1,000,000 zero-width spaces inside a paragraph is kept there, and the paragraph read", HANG_GUARD, async () => {
  const doc = await readHostile(hostileInput("EOSG zero-width spaces inside a paragraph").build(1_000_000), EOSG);
  const paragraph = doc.operative.find((p) => p.text.startsWith("Requests\u200b"))!;
  assert.equal(paragraph.text, `Requests${"\u200b".repeat(1_000_000)} the Secretary-General to report;`);
  assert.equal(paragraph.verb, "requests");
});

test("EOSG: 100,000 links whose words are not in their paragraph are left out; the link that is there is cited", HANG_GUARD, async () => {
  const original = await readHostile(JSON.stringify(eosgItems()), EOSG);
  const doc = await readHostile(hostileInput("EOSG links whose words are not in the paragraph").build(100_000), EOSG);
  assert.equal(doc.operative.length, original.operative.length + 1);
  const paragraph = doc.operative.find((p) => p.text.startsWith("Recalls resolution 70/1"))!;
  assert.deepEqual(paragraph.citations.map((c) => [c.symbol, c.text]), [["A/RES/70/1", "70/1"]]);
});

test("EOSG: 30,000 lettered sub-paragraphs of a preambular paragraph are folded into it, in order", HANG_GUARD, async () => {
  const original = await readHostile(JSON.stringify(eosgItems()), EOSG);
  const doc = await readHostile(hostileInput("EOSG sub-paragraphs of a preambular paragraph").build(30_000), EOSG);
  assert.equal(doc.preamble.length, original.preamble.length);
  const recalling = doc.preamble[0]!;
  assert.ok(recalling.text.startsWith(`${original.preamble[0]!.text} (a) the item 0 (b) the item 1`));
  assert.ok(recalling.text.endsWith(`(${letters(29_999 % 18_000)}) the item 29999`));
  assert.equal(doc.preamble[1]!.text, original.preamble[1]!.text);
});

test("AKN: 50,000 blocks continuing an operative paragraph are appended to it", HANG_GUARD, async () => {
  const original = await readHostile(aknText(), AKN);
  const doc = await readHostile(hostileInput("AKN blocks continuing an operative paragraph").build(50_000), AKN);
  assert.equal(doc.operative.length, original.operative.length);
  const second = doc.operative[1]!;
  assert.ok(second.text.startsWith(original.operative[1]!.text));
  assert.equal(second.text.split(" and the text goes on").length - 1, 50_000);
  assert.equal(doc.operative[2]!.text, original.operative[2]!.text);
});

test("AKN: 30,000 wrap-ups of a list are appended to its last item", HANG_GUARD, async () => {
  const akn = aknText();
  const at = akn.indexOf('<paragraph eId="para_25"');
  const list = `<paragraph><num>3.</num><list><intro><p>Decides:</p></intro><point><num>(a)</num><content><p>To act;</p></content></point>${"<wrapUp><p>and more</p></wrapUp>".repeat(30_000)}</list></paragraph>`;
  const doc = await readHostile(akn.slice(0, at) + list + akn.slice(at), AKN);
  const decides = doc.operative.find((p) => p.lead === "Decides:")!;
  assert.equal(decides.subparagraphs.length, 1);
  assert.equal(decides.subparagraphs[0]!.text, `To act;${" and more".repeat(30_000)}`);
});

test("EOSG: 30,000 dash bullets after an operative paragraph are joined to it, in order", HANG_GUARD, async () => {
  const original = await readHostile(JSON.stringify(eosgItems()), EOSG);
  const doc = await readHostile(hostileInput("EOSG dash bullets continuing an operative paragraph").build(30_000), EOSG);
  assert.equal(doc.operative.length, original.operative.length);
  const first = doc.operative[0]!;
  assert.ok(first.text.startsWith(`${original.operative[0]!.text} \u2013 strengthening the item 0; \u2013 strengthening the item 1;`));
  assert.ok(first.text.endsWith("\u2013 strengthening the item 29999;"));
  assert.equal(doc.operative[1]!.text, original.operative[1]!.text);
});

test("EOSG: 30,000 headings after an operative paragraph, then 30,000 sub-paragraphs: the sub-paragraphs are the paragraph's", HANG_GUARD, async () => {
  const original = await readHostile(JSON.stringify(eosgItems()), EOSG);
  const doc = await readHostile(hostileInput("EOSG headings between a paragraph and its sub-paragraphs").build(30_000), EOSG);
  assert.equal(doc.operative.length, original.operative.length);
  const subs = doc.operative[0]!.subparagraphs;
  assert.equal(subs.length, 30_000);
  assert.deepEqual([subs[0]!.label, subs[0]!.text], ["a", "the item 0;"]);
  assert.equal(subs[29_999]!.text, "the item 29999;");
  assert.equal(doc.operative[1]!.text, original.operative[1]!.text);
});

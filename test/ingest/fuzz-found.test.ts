import assert from "node:assert/strict";
import { test } from "node:test";
import { readResolution } from "../../src/ingest/read.js";
import { aknParagraph2, aknText, eosgItems } from "../helpers/hostile.js";

/** What the fuzz test (fuzz.test.ts) found, each on a real file: the decoders threw where they should read or refuse. */

const read = (text: string, name: string) => readResolution(new TextEncoder().encode(text), { name });
const AKN = "A_RES_75_100.en.xml";

test("AKN: a footnote of text alone is read, with or without a marker (without, it recursed until the stack overflowed)", async () => {
  const parsed = await read(aknParagraph2('<authorialNote marker="9">See A/75/1.</authorialNote> and<authorialNote>See A/75/2.</authorialNote>'), AKN);
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.problems[0]!.message);
  const notes = new Map(parsed.document.footnotes.map((f) => [f.number, f.text]));
  assert.equal(notes.get(9), "See A/75/1.");
  assert.ok([...notes.values()].includes("See A/75/2."));
});

test("AKN: elements nested 20,000 deep are refused as too deep, not read until the stack overflows", async () => {
  const parsed = await read(aknParagraph2(`${"<span>".repeat(20_000)}deep${"</span>".repeat(20_000)}`), AKN);
  assert.equal(parsed.ok, false);
  assert.deepEqual(parsed.ok ? [] : parsed.problems.map((p) => p.code), ["too-deep"]);
  assert.match(parsed.ok ? "" : parsed.problems[0]!.message, /elements nest more than 1000 deep \(line \d+, column \d+\)/);
  // as deep as the markup of real files goes, and more, is read
  assert.ok((await read(aknParagraph2(`${"<span>".repeat(200)}deep${"</span>".repeat(200)}`), AKN)).ok);
  assert.ok((await read(aknText(), AKN)).ok);
});

test("EOSG: fields of the wrong type count as absent (a numeric prefix threw)", async () => {
  const items = eosgItems().map((item, i) => (i === 45 ? { ...item, prefix: 0, paragraph_level: "deep", paragraph_type: 7, language: ["en"] } : item));
  const parsed = await read(JSON.stringify(items), "A_RES_73_247.en.paragraphs.json");
  assert.ok(parsed.ok, parsed.ok ? "" : parsed.problems[0]!.message);
  const original = await read(JSON.stringify(eosgItems()), "A_RES_73_247.en.paragraphs.json");
  assert.ok(original.ok);
  assert.equal(parsed.document.operative.length, original.document.operative.length);
});

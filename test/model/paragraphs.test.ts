import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import { formatParagraphRef, type ParagraphRef, paragraphRef, paragraphRefFromInput, parseParagraphRef } from "../../src/model/paragraphs.js";
import { CORPUS } from "../helpers/corpus.js";

const REFS: [string, ParagraphRef][] = [
  ["preamble.3", { kind: "preambular", number: 3 }],
  ["operative.31", { kind: "operative", number: 31 }],
  ["footnote.2", { kind: "footnote", number: 2 }],
  ["annex.1", { kind: "annex", number: 1 }],
  ["annex.1.4", { kind: "annex", number: 1, block: 4 }],
  ["B.operative.1", { part: "B", kind: "operative", number: 1 }],
  ["C.preamble.12", { part: "C", kind: "preambular", number: 12 }],
];

test("references parse into their parts and print back", () => {
  for (const [text, ref] of REFS) {
    assert.deepEqual(parseParagraphRef(text), ref, text);
    assert.equal(formatParagraphRef(ref), text);
  }
  for (const bad of ["operative", "operative.", "operative.0", "operative.3.2", "preambular.3", "paragraph 3", "b.operative.1", "operative.x", ""]) {
    assert.equal(parseParagraphRef(bad), null, bad);
  }
});

test("a reference a user types is read whatever its letter case, and anything else is a clear error", () => {
  assert.deepEqual(paragraphRefFromInput(" Operative.38 "), { ok: true, ref: { kind: "operative", number: 38 } });
  assert.deepEqual(paragraphRefFromInput("b.operative.1"), { ok: true, ref: { part: "B", kind: "operative", number: 1 } });
  for (const bad of ["operative", "operative.x", "paragraph 3", "operative.3.2", "annex.0.1", "x".repeat(500)]) {
    const read = paragraphRefFromInput(bad);
    assert.equal(read.ok, false, bad);
    if (!read.ok) {
      assert.match(read.message, /is not a paragraph reference: write preamble\.N, operative\.N, footnote\.N or annex\.N\.M/);
      assert.ok(read.message.length < 250, "the input is quoted short");
    }
  }
});

test("a resolution in parts: paragraphs are named with their part within the document, and within their part by the contract", async () => {
  // A/RES/75/254 A-C: part A unlabelled, parts B and C each numbering their paragraphs from 1
  const name = join(CORPUS, "ods", "A_RES_75_254_A-C.en.txt");
  const parsed = await readResolution(new Uint8Array(readFileSync(name)), { name });
  assert.ok(parsed.ok);
  const doc = enrich(parsed.document);
  const partOf = new Map<string, Set<string | undefined>>();
  for (const p of [...doc.preamble, ...doc.operative]) {
    const ref = formatParagraphRef(paragraphRef(p));
    partOf.set(ref, (partOf.get(ref) ?? new Set()).add(p.part));
  }
  assert.deepEqual([...partOf].filter(([, parts]) => parts.size > 1), [], "no paragraph shares its reference with one of another part");
  assert.ok(["operative.1", "B.operative.1", "C.operative.1"].every((ref) => partOf.has(ref)));
  for (const p of doc.operative) {
    for (const m of p.mandates) assert.equal(m.in, formatParagraphRef({ kind: "operative", number: p.number }), "the contract names it within its part");
  }
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { test } from "node:test";
import { enrich } from "../../src/enrich/index.js";
import { type Run, locate, runsOf, toReadingView } from "../../src/export/reading.js";
import { readResolution } from "../../src/ingest/read.js";
import { formatParagraphRef, paragraphRef } from "../../src/model/paragraphs.js";
import type { Resolution } from "../../src/model/types.js";
import { corpusFile } from "../helpers/corpus.js";

/** The reading view cuts each paragraph into runs without losing a character, and marks what enrich found in it. */

async function load(...parts: string[]): Promise<Resolution> {
  const path = corpusFile(...parts);
  const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: basename(path) });
  assert.ok(parsed.ok);
  return enrich(parsed.document);
}

const text = (runs: Run[]) => runs.map((r) => ("text" in r ? r.text : "")).join("");

test("runs: cut at spans and call-outs, covering the text exactly once", () => {
  const runs = runsOf("Requests the Secretary-General to report", [{ start: 9, end: 30, mandate: 0 }, { start: 13, end: 30, citation: 2 }], [{ number: 4, offset: 30 }]);
  assert.equal(text(runs), "Requests the Secretary-General to report");
  assert.deepEqual(runs, [{ text: "Requests " }, { text: "the ", mandate: 0 }, { text: "Secretary-General", mandate: 0, citation: 2 }, { footnote: 4 }, { text: " to report" }]);
  assert.deepEqual(locate("resolution 69/313 of\n27 July", "69/313 of 27 July"), { start: 11, end: 28 });
  assert.equal(locate("nothing here", "absent words"), null);
});

for (const [name, parts] of [
  ["79/222 (ODS text)", ["ods", "A_RES_79_222.en.txt"]],
  ["63/231 (seed text)", ["seeds", "A_RES_63_231.en.txt"]],
] as const) {
  test(`${name}: every paragraph's words kept, every mandate marked, citations and footnote call-outs where they stand`, async () => {
    const doc = await load(...parts);
    const view = toReadingView(doc);
    assert.equal(view.paragraphs.length, doc.preamble.length + doc.operative.length);
    for (const p of doc.preamble) assert.equal(text(view.paragraphs.find((r) => r.id === formatParagraphRef(paragraphRef(p)))!.runs), p.text);
    for (const p of doc.operative) {
      const read = view.paragraphs.find((r) => r.id === formatParagraphRef(paragraphRef(p)))!;
      assert.equal(text(read.runs), p.subparagraphs.length ? p.lead : p.text);
    }
    const all = JSON.stringify(view.paragraphs);
    const mandates = doc.operative.flatMap((p) => p.mandates);
    assert.equal(view.mandates.length, mandates.length);
    for (const m of view.mandates) assert.ok(all.includes(`"mandate":${m.id}`), `mandate ${m.id} (${m.in}, ${m.actor}) is marked`);
    const marked = view.citations.filter((c) => all.includes(`"citation":${c.id}`));
    assert.ok(marked.length >= view.citations.filter((c) => c.in !== "header" && !c.in.startsWith("footnote")).length * 0.9, `${marked.length} of ${view.citations.length} citations marked`);
    const callouts = doc.preamble.reduce((n, p) => n + p.footnoteRefs.length, 0) + doc.operative.reduce((n, p) => n + (p.subparagraphs.length ? 0 : p.footnoteRefs.length), 0);
    assert.ok((all.match(/"footnote":/g) ?? []).length >= callouts);
  });
}

test("a resolution in parts: each part's paragraphs are anchored by their own references, which the API's are", async () => {
  // A/RES/75/254 A-C: parts B and C number their paragraphs from 1 again
  const view = toReadingView(await load("ods", "A_RES_75_254_A-C.en.txt"));
  const partOf = new Map<string, Set<string | null>>();
  for (const p of view.paragraphs) partOf.set(p.id, (partOf.get(p.id) ?? new Set()).add(p.part));
  assert.deepEqual([...partOf].filter(([, parts]) => parts.size > 1), [], "no anchor is shared by two parts");
  assert.ok(["operative.1", "B.operative.1", "C.operative.1"].every((id) => partOf.has(id)));
});

test("79/222 op. 54: the report asked of the Secretary-General is due at the eighty-first session", async () => {
  const view = toReadingView(await load("ods", "A_RES_79_222.en.txt"));
  const op = view.paragraphs.find((p) => p.id === "operative.54")!;
  const m = view.mandates[op.mandates[0]!]!;
  assert.equal(m.actor, "Secretary-General");
  assert.equal(m.dueSession, 81);
  assert.equal(m.deadlineYears, "2026-2027");
  assert.ok(op.runs.some((r) => "text" in r && r.mandate === m.id));
});

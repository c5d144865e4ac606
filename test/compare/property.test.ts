import { test } from "node:test";
import assert from "node:assert/strict";
import { alignResolutions } from "../../src/compare/align.js";
import { normaliseText, words } from "../../src/compare/text.js";
import { readResolution } from "../../src/ingest/read.js";
import type { ResolutionParagraphKind } from "../../src/model/paragraphs.js";
import type { OperativeParagraph, PreambularParagraph, Resolution } from "../../src/model/types.js";
import { corpusFile, listFiles, readCorpus } from "../helpers/corpus.js";

/*
 * Property: take a real resolution, apply random edits (delete a paragraph, insert one from
 * another resolution, move one, reword one by replacing or inserting a few words), align the
 * edited version with the original, and read the edits back from the alignment. Over 1,000
 * seeded trials, precision and recall of the recovered operations must both reach 0.95.
 */

const TRIALS = 1000;
const POOL = 120;

type Op = "delete" | "insert" | "move" | "reword";
type Kind = ResolutionParagraphKind;

/** mulberry32: a small seeded generator, so that a failing trial can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function loadPool(): Promise<Resolution[]> {
  const names = listFiles(corpusFile("ods"), ".txt").map((p) => p.slice(p.lastIndexOf("/") + 1));
  // Every n-th file: a spread over sessions and committees, the same every run.
  const step = Math.max(1, Math.floor(names.length / POOL));
  const docs: Resolution[] = [];
  for (let i = 0; i < names.length && docs.length < POOL; i += step) {
    const parsed = await readResolution(readCorpus("ods", names[i]!), { name: names[i]! });
    if (parsed.ok && parsed.document.operative.length >= 4 && parsed.document.preamble.length >= 4) docs.push(parsed.document);
  }
  return docs;
}

interface Entry {
  /** Index of the paragraph in the original, or -1 for an inserted paragraph. */
  origin: number;
  text: string;
  paragraph: PreambularParagraph | OperativeParagraph;
  /** Identity of an inserted paragraph. */
  insertId?: number;
}

interface Trial {
  edited: Resolution;
  truth: Set<string>;
  /** Which inserted paragraph stands at `${kind}:${new index}`. */
  insertedAt: Map<string, number>;
}

function mutate(base: Resolution, pool: Resolution[], random: () => number): Trial {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const truth = new Set<string>();
  const lists: Record<Kind, Entry[]> = {
    preambular: base.preamble.map((p, i) => ({ origin: i, text: p.text, paragraph: p })),
    operative: base.operative.map((p, i) => ({ origin: i, text: p.text, paragraph: p })),
  };
  const baseTexts = new Set([...base.preamble, ...base.operative].map((p) => normaliseText(p.text)));
  const touched: Record<Kind, Set<number>> = { preambular: new Set(), operative: new Set() };
  const operations = 1 + Math.floor(random() * 4);
  const planned: { op: Op; kind: Kind }[] = [];
  for (let k = 0; k < operations; k++) planned.push({ op: pick<Op>(["delete", "insert", "move", "reword"]), kind: random() < 0.6 ? "operative" : "preambular" });
  // Deletions first, moves last: a later deletion could turn a move over two paragraphs into a
  // swap of neighbours, where either of the two may be the one that moved.
  const order: Op[] = ["delete", "reword", "insert", "move"];
  planned.sort((a, b) => order.indexOf(a.op) - order.indexOf(b.op));
  let inserted = 0;
  for (const { op, kind } of planned) {
    const list = lists[kind];
    const untouched = list.filter((e) => e.origin >= 0 && !touched[kind].has(e.origin));
    if (op === "insert") {
      const donor = pick(pool.filter((d) => d !== base));
      const source = pick<PreambularParagraph | OperativeParagraph>(kind === "preambular" ? donor.preamble : donor.operative);
      if (baseTexts.has(normaliseText(source.text))) continue; // the same words in both: nothing tells them apart
      const id = inserted++;
      list.splice(Math.floor(random() * (list.length + 1)), 0, { origin: -1, text: source.text, paragraph: source, insertId: id });
      truth.add(`insert ${kind} ${id}`);
      continue;
    }
    const candidates = op === "reword" ? untouched.filter((e) => words(e.text).length >= 10) : untouched;
    if (candidates.length < 3) continue;
    const entry = pick(candidates);
    touched[kind].add(entry.origin);
    if (op === "delete") {
      list.splice(list.indexOf(entry), 1);
    } else if (op === "reword") {
      entry.text = reword(entry.text, pool, random, pick);
      if (normaliseText(entry.text) === normaliseText(base[kind === "preambular" ? "preamble" : "operative"][entry.origin]!.text)) continue;
    } else {
      // Move over at least two original paragraphs, so that the move is the only minimal reading.
      const from = list.indexOf(entry);
      list.splice(from, 1);
      const originals = list.map((e, i) => (e.origin >= 0 ? i : -1)).filter((i) => i >= 0);
      const here = originals.filter((i) => i < from).length; // originals before the old place
      const targets = [...Array(originals.length + 1).keys()].filter((t) => Math.abs(t - here) >= 2);
      if (targets.length === 0) {
        list.splice(from, 0, entry);
        touched[kind].delete(entry.origin);
        continue;
      }
      const t = pick(targets);
      const at = t === originals.length ? list.length : originals[t]!;
      list.splice(at, 0, entry);
    }
    truth.add(`${op} ${kind} ${entry.origin}`);
  }
  const edited: Resolution = {
    ...base,
    preamble: lists.preambular.map((e, i) => ({ ...(e.paragraph as PreambularParagraph), type: "preambular", index: i + 1, text: e.text, part: undefined })),
    operative: lists.operative.map((e, i) => ({ ...(e.paragraph as OperativeParagraph), type: "operative", number: i + 1, numbered: true, text: e.text, part: undefined })),
  };
  const insertedAt = new Map<string, number>();
  for (const kind of ["preambular", "operative"] as const) {
    lists[kind].forEach((e, i) => {
      if (e.insertId !== undefined) insertedAt.set(`${kind}:${i}`, e.insertId);
    });
  }
  return { edited, truth, insertedAt };
}

function reword(text: string, pool: Resolution[], random: () => number, pick: <T>(list: T[]) => T): string {
  const tokens = text.split(" ");
  const edits = 1 + Math.floor(random() * 3);
  for (let k = 0; k < edits; k++) {
    const donor = pick(pool);
    const donorWords = words(pick(donor.operative).text).filter((w) => w.length > 3);
    const word = donorWords.length ? pick(donorWords) : "further";
    const at = Math.floor(random() * tokens.length);
    if (random() < 0.5) tokens[at] = word;
    else tokens.splice(at, 0, word);
  }
  return tokens.join(" ");
}

test(`random edits of real resolutions are recovered (${TRIALS} seeded trials; precision and recall >= 0.95)`, async (t) => {
  const pool = await loadPool();
  assert.ok(pool.length >= 50, `a pool of real resolutions (${pool.length})`);
  const random = prng(20250611);
  let truePositives = 0;
  let recovered = 0;
  let expected = 0;
  const misses: string[] = [];
  for (let trial = 0; trial < TRIALS; trial++) {
    const base = pool[Math.floor(random() * pool.length)]!;
    const { edited, truth, insertedAt } = mutate(base, pool, random);
    const found = new Set<string>();
    for (const p of alignResolutions(base, edited).pairs) {
      if (p.change === "dropped") found.add(`delete ${p.kind} ${p.from!.index}`);
      else if (p.change === "added") found.add(`insert ${p.kind} ${insertedAt.get(`${p.kind}:${p.to!.index}`) ?? `unknown@${p.to!.index}`}`);
      else {
        if (p.change === "moved") found.add(`move ${p.kind} ${p.from!.index}`);
        if (p.edited) found.add(`reword ${p.kind} ${p.from!.index}`);
      }
    }
    const hits = [...found].filter((op) => truth.has(op)).length;
    truePositives += hits;
    recovered += found.size;
    expected += truth.size;
    if (hits !== truth.size || hits !== found.size) misses.push(`trial ${trial} (${base.meta.symbol}): expected [${[...truth].join(", ")}] found [${[...found].join(", ")}]`);
  }
  const precision = truePositives / recovered;
  const recall = truePositives / expected;
  const detail = `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} over ${expected} operations; first misses:\n${misses.slice(0, 8).join("\n")}`;
  t.diagnostic(`precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)} over ${expected} operations, ${misses.length} imperfect trials`);
  for (const miss of misses.slice(0, 5)) t.diagnostic(miss);
  assert.ok(expected > 1500, `enough operations were applied (${expected})`);
  assert.ok(precision >= 0.95, detail);
  assert.ok(recall >= 0.95, detail);
});

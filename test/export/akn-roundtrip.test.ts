import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readResolution } from "../../src/ingest/read.js";
import { toAkn } from "../../src/export/akn.js";
import type { Resolution } from "../../src/model/types.js";
import { listFiles, unpackedCorpus } from "../helpers/corpus.js";
import { countAkn, invalidAgainstSchema, xmllintAvailable } from "./akn-helpers.js";

/**
 * The UN's own AKN files: decoding one and exporting the document gives a file that decodes to
 * the same paragraphs, footnotes and links, has the same structure counts as the UN's file, and
 * is valid. The decoded document is exported as read (no enrichment): its citations are the
 * UN's own links, which enrichment would replace by the ones found in the text.
 */

const noXmllint = xmllintAvailable() ? false : "xmllint is not installed (Debian package libxml2-utils)";
const FILES = listFiles(join(unpackedCorpus(), "akn", "en"), ".xml");

const normalise = (s: string) => s.replace(/\s+/g, " ").trim();

/** What a round trip must keep: paragraph and footnote texts in order, citations with their place. */
function essentials(doc: Resolution): string[] {
  return [
    ...doc.preamble.map((p) => `preamble: ${normalise(p.text)}`),
    ...doc.operative.map((p) => `operative ${p.numbered ? p.number : "-"}: ${normalise(p.text)}`),
    ...doc.footnotes.map((f) => `footnote ${f.number}: ${normalise(f.text)}`),
    ...[...doc.preamble, ...doc.operative, ...doc.footnotes].flatMap((p) => p.citations.map((c) => `citation ${c.in}: ${c.symbol}`)),
  ];
}

interface Trip {
  name: string;
  original: string;
  exported: string;
  first: Resolution;
  second: Resolution | null;
}

async function roundTrips(): Promise<{ trips: Trip[]; unreadable: string[] }> {
  const trips: Trip[] = [];
  const unreadable: string[] = [];
  for (const path of FILES) {
    const name = basename(path);
    const original = readFileSync(path, "utf8");
    const first = await readResolution(new TextEncoder().encode(original), { name });
    if (!first.ok) {
      unreadable.push(`${name}: ${first.problems.map((p) => p.message).join("; ")}`);
      continue;
    }
    const exported = toAkn(first.document);
    const second = await readResolution(new TextEncoder().encode(exported), { name, format: "akn" });
    trips.push({ name, original, exported, first: first.document, second: second.ok ? second.document : null });
  }
  return { trips, unreadable };
}

const all = roundTrips();

test("every English AKN file of the UN decodes, exports and decodes again to the same paragraphs, footnotes and links", async (t) => {
  const { trips, unreadable } = await all;
  assert.ok(FILES.length >= 1600, `the corpus has its ${FILES.length} English AKN files`);
  if (unreadable.length) t.diagnostic(`${unreadable.length} files are not read as resolutions: ${unreadable.slice(0, 3).join(" | ")}`);
  assert.ok(trips.length >= FILES.length - 10, `nearly all files decode (${trips.length} of ${FILES.length})`);
  const differing: string[] = [];
  for (const trip of trips) {
    assert.ok(trip.second, `${trip.name}: the export decodes`);
    const before = essentials(trip.first);
    const after = essentials(trip.second!);
    const at = before.findIndex((line, i) => line !== after[i]);
    if (at !== -1 || before.length !== after.length) {
      const i = at === -1 ? Math.min(before.length, after.length) : at;
      differing.push(`${trip.name}: ${before[i]?.slice(0, 100)} != ${after[i]?.slice(0, 100)}`);
    }
  }
  // A link whose symbol the decoder reads from the text around it (a part letter printed after
  // "57/130") can read differently once the link is written on the cited words alone.
  if (differing.length) t.diagnostic(`${differing.length} files differ: ${differing.slice(0, 5).join(" | ")}`);
  assert.ok(differing.length <= trips.length * 0.005, `${differing.length} files differ after the round trip: ${differing.slice(0, 5).join(" | ")}`);
});

test("the export of each UN file has the UN file's containers, operative paragraphs, footnotes and links", async (t) => {
  const { trips } = await all;
  const kinds = ["containers", "paragraphs", "notes", "links"] as const;
  const agree = { containers: 0, paragraphs: 0, notes: 0, links: 0 };
  const examples: Record<string, string[]> = { containers: [], paragraphs: [], notes: [], links: [] };
  for (const trip of trips) {
    const theirs = countAkn(trip.original);
    const ours = countAkn(trip.exported);
    for (const k of kinds) {
      if (theirs[k] === ours[k]) agree[k]++;
      else examples[k]!.push(`${trip.name} ${ours[k]}/${theirs[k]}`);
    }
  }
  const share = (k: (typeof kinds)[number]) => agree[k] / trips.length;
  t.diagnostic(`${trips.length} files; same count as the UN's file: ${kinds.map((k) => `${k} ${(100 * share(k)).toFixed(1)}%`).join(", ")}`);
  for (const k of kinds) if (examples[k]!.length) t.diagnostic(`${k} differ (ours/UN's) in ${examples[k]!.slice(0, 8).join(", ")}`);
  // What differs is what the decoder reads differently from the markup: paragraphs the UN's
  // editors split or merged, one link cut in pieces under different parents or two links
  // merged into one address ("52/169 L" and "M" both to A/RES/52/169), sections with their own
  // preambles. The exporter writes whatever the decoded document holds (previous test).
  assert.ok(share("containers") >= 0.97, "preambular containers");
  assert.ok(share("paragraphs") >= 0.94, "operative paragraphs");
  assert.ok(share("notes") >= 0.99, "footnotes");
  assert.ok(share("links") >= 0.75, "links");
});

test("the exports of the UN's files are valid against the OASIS schema", { skip: noXmllint }, async () => {
  const { trips } = await all;
  const invalid = invalidAgainstSchema(new Map(trips.map((t) => [t.name, t.exported])));
  assert.deepEqual([...invalid].slice(0, 3), []);
});

test("the official facts of every UN file survive the round trip: vote State by State, sponsors, subjects, agenda, meeting record", async () => {
  const { trips } = await all;
  const official = (doc: Resolution) => {
    const m = doc.meta;
    return JSON.stringify([m.voting, m.sponsors, m.additionalSponsors, m.subjects, m.agendaItemTitle, m.originatingDocument, m.meetingRecord]);
  };
  const lost = trips.filter((t) => t.second && official(t.first) !== official(t.second)).map((t) => t.name);
  assert.deepEqual(lost.slice(0, 5), []);
  // the round trip was not of empty facts
  assert.ok(trips.filter((t) => t.first.meta.voting?.members?.length).length > 400);
  assert.ok(trips.filter((t) => t.first.meta.sponsors?.length).length > 1500);
  assert.ok(trips.filter((t) => t.first.meta.subjects?.length).length > 1000);
});

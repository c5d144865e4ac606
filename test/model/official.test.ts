import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import "../../src/ingest/decoders.js";
import { decodeOfficialMetadata, type OfficialRecord } from "../../src/ingest/official-metadata.js";
import { readResolution } from "../../src/ingest/read.js";
import { splitSponsors, votingSentence, withOfficialFacts } from "../../src/model/official.js";
import type { Resolution } from "../../src/model/types.js";
import { CORPUS, listFiles, unpackedCorpus } from "../helpers/corpus.js";

/** The official facts' one form, and how a row of official metadata fills a document's metadata. */

const METADATA = join(CORPUS, "metadata");
const AKN = join(unpackedCorpus(), "akn");

function allRows(): Map<string, OfficialRecord> {
  const rows = new Map<string, OfficialRecord>();
  for (const file of listFiles(METADATA, ".json")) {
    const decoded = decodeOfficialMetadata(new Uint8Array(readFileSync(file)));
    assert.ok(decoded.ok);
    for (const r of decoded.records) rows.set(r.symbol, r);
  }
  return rows;
}

async function read(path: string): Promise<Resolution> {
  const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: path });
  assert.ok(parsed.ok, path);
  return parsed.document;
}

test("the vote line reads as the UN's records word it", async () => {
  const guam = await read(join(AKN, "en", "A_RES_80_96.en.xml"));
  assert.equal(votingSentence(guam.meta.voting!), "Adopted by a recorded vote of 153 to 2, with 9 abstentions");
  const rows = allRows();
  assert.equal(votingSentence(rows.get("A/RES/74/9")!.facts.voting!), "Adopted by a recorded vote of 137 to none, with 2 abstentions");
  assert.equal(votingSentence(rows.get("A/RES/74/1")!.facts.voting!), "Adopted without a vote");
  const lebanon = await read(join(AKN, "en", "A_RES_75_250_B.en.xml"));
  assert.equal(votingSentence(lebanon.meta.voting!), "Adopted by a recorded vote of 133 to 3, with no abstentions");
});

test("where the AKN files and the rows both give a fact they agree: votes always, the rest but for spellings", async () => {
  const rows = allRows();
  let compared = 0;
  const disagree: Record<string, string[]> = { votes: [], members: [], adoptionDate: [], agendaItem: [], plenaryMeeting: [], committee: [] };
  for (const file of listFiles(join(AKN, "en"), ".xml")) {
    const { meta } = await read(file);
    const row = rows.get(meta.symbol!)?.facts;
    if (!row) continue;
    compared++;
    const counts = (v: typeof meta.voting) => (v ? `${v.outcome} ${v.inFavour}-${v.against}-${v.abstaining}` : null);
    if (meta.voting && row.voting && counts(meta.voting) !== counts(row.voting)) disagree.votes!.push(meta.symbol!);
    if (meta.voting?.members && row.voting?.members) {
      const set = (v: typeof meta.voting) => v!.members!.map((m) => `${m.state}:${m.vote}`).sort().join();
      if (set(meta.voting) !== set(row.voting)) disagree.members!.push(meta.symbol!);
    }
    for (const key of ["adoptionDate", "agendaItem", "plenaryMeeting", "committee"] as const) {
      if (row[key] !== undefined && meta[key] !== null && row[key] !== meta[key]) disagree[key]!.push(meta.symbol!);
    }
  }
  assert.ok(compared > 1500, `${compared} resolutions in both`);
  assert.deepEqual(disagree.votes, []);
  assert.ok(disagree.members!.length <= 1, disagree.members!.join());
  assert.deepEqual(disagree.committee, []);
  assert.deepEqual(disagree.agendaItem, []);
  assert.deepEqual(disagree.plenaryMeeting, []);
  assert.ok(disagree.adoptionDate!.length <= 1, disagree.adoptionDate!.join());
});

test("a row fills what a document lacks and never overrides what it says", async () => {
  const rows = allRows();
  // the EOSG's paragraphs of a session-74 resolution carry no vote, sponsor or subject
  const eosg = await read(join(unpackedCorpus(), "eosg", "A_RES_74_50.en.paragraphs.json"));
  assert.equal(eosg.meta.voting, undefined);
  const row = rows.get("A/RES/74/50")!;
  const merged = withOfficialFacts(eosg.meta, row.facts);
  assert.deepEqual(merged.voting, row.facts.voting);
  assert.deepEqual(merged.sponsors, row.facts.sponsors);
  assert.deepEqual(merged.subjects, row.facts.subjects);
  assert.equal(merged.title, eosg.meta.title, "the document's own title stays");
  assert.equal(merged.committeeReport, eosg.meta.committeeReport);
  assert.equal(eosg.meta.voting, undefined, "the document's metadata is not changed");

  // the AKN file's own facts win over a row that says otherwise
  const guam = await read(join(AKN, "en", "A_RES_80_96.en.xml"));
  const other = rows.get("A/RES/80/4")!.facts; // another resolution's row: every field differs
  const kept = withOfficialFacts(guam.meta, other);
  assert.deepEqual(kept.voting, guam.meta.voting);
  assert.equal(kept.title, "Question of Guam");
  assert.deepEqual(kept.sponsors, guam.meta.sponsors);
  // and a gap it has is filled: the row's subjects
  assert.equal(guam.meta.subjects, undefined);
  assert.deepEqual(kept.subjects, other.subjects);

  // titles are English in the rows: a French document keeps its own, or none
  const french = await read(join(AKN, "fr", "A_RES_79_10.fr.xml"));
  const untitled = withOfficialFacts({ ...french.meta, title: null, agendaItemTitle: undefined }, rows.get("A/RES/79/10")!.facts);
  assert.equal(untitled.title, null);
  assert.equal(untitled.agendaItemTitle, undefined);
  assert.deepEqual(untitled.voting, french.meta.voting);

  // a null committee beside a report line is "without reference to a Main Committee": not filled
  const plenary = withOfficialFacts(guam.meta.committee === null ? guam.meta : { ...guam.meta, committee: null }, { committee: "Second Committee" });
  assert.equal(plenary.committee, null);
});

test("sponsor sentences of the AKN files split into as many sponsors as the rows list for the same resolution", async () => {
  const rows = allRows();
  let same = 0;
  let compared = 0;
  for (const file of listFiles(join(AKN, "en"), ".xml").slice(0, 400)) {
    const { meta } = await read(file);
    const row = rows.get(meta.symbol!)?.facts;
    if (!row?.sponsors || !meta.sponsors || meta.sponsors.length < 2) continue;
    compared++;
    if (row.sponsors.length === meta.sponsors.length) same++;
  }
  assert.ok(compared > 50, `${compared} lists compared`);
  assert.ok(same / compared > 0.9, `${same} of ${compared} lists as long as the row's`);
  // a description is never split, though it holds commas and "and"
  const description = "submitted by the Vice-Chair of the Committee, Ahmed Magdy (Egypt) and on the basis of informal consultations on draft resolution";
  assert.deepEqual(splitSponsors(description), [description]);
});

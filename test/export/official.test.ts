import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { enrich } from "../../src/enrich/index.js";
import { toAkn } from "../../src/export/akn.js";
import { DOCUMENT_COLUMNS, MANDATE_COLUMNS, toDocumentsCsv, toMandatesCsv } from "../../src/export/opendata.js";
import { toOutline } from "../../src/export/outline.js";
import "../../src/ingest/decoders.js";
import { decodeOfficialMetadata } from "../../src/ingest/official-metadata.js";
import { readResolution } from "../../src/ingest/read.js";
import { withOfficialFacts } from "../../src/model/official.js";
import type { Resolution } from "../../src/model/types.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";
import { invalidAgainstSchema, xmllintAvailable } from "./akn-helpers.js";

/** The official facts of an adoption in the outline, the open-data CSVs and the AKN export. */

const noXmllint = xmllintAvailable() ? false : "xmllint is not installed (Debian package libxml2-utils)";

async function read(path: string): Promise<Resolution> {
  const parsed = await readResolution(new Uint8Array(readFileSync(path)), { name: path });
  assert.ok(parsed.ok, path);
  return enrich(parsed.document);
}

const guam = () => read(join(unpackedCorpus(), "akn", "en", "A_RES_80_96.en.xml"));

/** The EOSG paragraphs of 74/50, completed by their row of official metadata, as the registry serves them. */
async function verification(): Promise<Resolution> {
  const doc = await read(join(unpackedCorpus(), "eosg", "A_RES_74_50.en.paragraphs.json"));
  const rows = decodeOfficialMetadata(new Uint8Array(readFileSync(join(CORPUS, "metadata", "74.json"))));
  assert.ok(rows.ok);
  doc.meta = withOfficialFacts(doc.meta, rows.records.find((r) => r.symbol === "A/RES/74/50")!.facts);
  return doc;
}

/** Splits CSV lines without quoted line breaks (these have none). */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)) out.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!);
  return out;
}

test("the outline shows the vote line and the sponsors", async () => {
  const outline = toOutline(await guam()).split("\n");
  assert.equal(outline[2], "Adopted by a recorded vote of 153 to 2, with 9 abstentions (A/80/PV.55)");
  assert.match(outline[3]!, /^sponsors: submitted by the Special Committee on the Situation/);
  const eosg = toOutline(await verification());
  assert.match(eosg, /\nAdopted by a recorded vote of 178 to 1, with 5 abstentions \(A\/74\/PV\.46\)\n/);
  assert.match(eosg, /\nsponsors \(44\): ANGOLA, ARGENTINA, /);
});

test("documents CSV: one row per document with its vote counts, sponsors and subjects", async () => {
  const docs = [await guam(), await verification()];
  const lines = toDocumentsCsv(docs).split("\r\n");
  assert.equal(lines.pop(), "");
  assert.deepEqual(cells(lines[0]!), [...DOCUMENT_COLUMNS]);
  const at = (row: string[], name: (typeof DOCUMENT_COLUMNS)[number]) => row[DOCUMENT_COLUMNS.indexOf(name)];
  const [first, second] = lines.slice(1).map(cells);
  assert.deepEqual(["symbol", "voting", "in_favour", "against", "abstaining", "meeting_record"].map((c) => at(first!, c as never)), ["A/RES/80/96", "adoptedRecordedVote", "153", "2", "9", "A/80/PV.55"]);
  assert.equal(at(first!, "originating_document"), "A/80/537, para. 15");
  assert.equal(at(second!, "sponsors")!.split("; ").length, docs[1]!.meta.sponsors!.length);
  assert.equal(at(second!, "subjects"), docs[1]!.meta.subjects!.map((s) => s.term).join("; "));
  assert.ok(lines.slice(1).every((l) => cells(l).length === DOCUMENT_COLUMNS.length));
});

test("mandates CSV: each mandate carries the vote of the resolution that gives it", async () => {
  const doc = await guam();
  const lines = toMandatesCsv([doc]).split("\r\n").filter(Boolean).map(cells);
  assert.ok(lines.length > 2, "80/96 gives mandates");
  const column = (name: (typeof MANDATE_COLUMNS)[number]) => MANDATE_COLUMNS.indexOf(name);
  for (const row of lines.slice(1)) {
    assert.deepEqual([row[column("voting")], row[column("in_favour")], row[column("against")], row[column("abstaining")]], ["adoptedRecordedVote", "153", "2", "9"]);
  }
});

test("the AKN export writes the vote, the sponsors and the subjects a row gave, valid against the OASIS schema, and reads them back", { skip: noXmllint }, async () => {
  const doc = await verification();
  const xml = toAkn(doc);
  assert.match(xml, /<voting outcome="adoptedRecordedVote">/);
  assert.match(xml, /<count value="178" refersTo="#inFavour">/);
  assert.match(xml, /<step date="0001-01-01" outcome="draftResolution" by="ANGOLA, ARGENTINA, /);
  assert.match(xml, /<keyword value="[^"]+" showAs="[^"]+" dictionary="UNBIS Thesaurus"\/>/);
  assert.deepEqual([...invalidAgainstSchema(new Map([["74_50", xml]]))], []);
  const back = await readResolution(new TextEncoder().encode(xml), { name: "74_50.akn.xml", format: "akn" });
  assert.ok(back.ok);
  const m = back.document.meta;
  assert.deepEqual([m.voting, m.sponsors, m.additionalSponsors, m.subjects, m.meetingRecord], [doc.meta.voting, doc.meta.sponsors, doc.meta.additionalSponsors, doc.meta.subjects, doc.meta.meetingRecord]);
});

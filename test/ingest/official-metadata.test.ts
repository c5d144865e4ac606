import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { decodeOfficialMetadata, isOfficialMetadata, type OfficialRecord } from "../../src/ingest/official-metadata.js";
import { CORPUS, listFiles, unpackedCorpus } from "../helpers/corpus.js";

/** The rows of official metadata, ../shared/corpus/metadata/*.json (JSON Lines, one resolution a line). */

const METADATA = join(CORPUS, "metadata");
const bytesOf = (path: string) => new Uint8Array(readFileSync(path));

function records(file: string): Map<string, OfficialRecord> {
  const decoded = decodeOfficialMetadata(bytesOf(join(METADATA, file)));
  assert.ok(decoded.ok, file);
  assert.deepEqual(decoded.problems, [], file);
  return new Map(decoded.records.map((r) => [r.symbol, r]));
}

test("the row of A/RES/80/96 gives its vote, 153-2-9 State by State, and its adoption", () => {
  const row = records("80.json").get("A/RES/80/96")!;
  const f = row.facts;
  assert.equal(f.voting!.outcome, "adoptedRecordedVote");
  assert.deepEqual([f.voting!.inFavour, f.voting!.against, f.voting!.abstaining], [153, 2, 9]);
  assert.deepEqual(f.voting!.members!.filter((m) => m.vote === "no").map((m) => m.state), ["ISRAEL", "UNITED STATES"]);
  assert.equal(f.voting!.members!.filter((m) => m.vote === "abstain").length, 9);
  assert.equal(f.adoptionDate, "2025-12-05");
  assert.equal(f.session, 80);
  assert.equal(f.committee, "Fourth Committee");
  assert.equal(f.committeeReport, "A/80/537");
  assert.equal(f.originatingDocument, "A/80/537, para. 15");
  assert.equal(f.agendaItem, "58");
  assert.equal(f.plenaryMeeting, 55);
  assert.equal(f.meetingRecord, "A/80/PV.55");
  assert.deepEqual(f.officialSdgs, ["6", "16", "14", "17", "8"]);
  assert.equal(f.subjects, undefined, "the row lists no subject");
});

test("rows of session 74: ISO dates with a time, counts of \"N.A.\", Library subjects", () => {
  const rows = records("74.json");
  const first = rows.get("A/RES/74/1")!.facts;
  assert.equal(first.adoptionDate, "2019-10-10");
  // adopted without a vote: "N.A." counts are no counts
  assert.deepEqual(first.voting, { outcome: "adoptedWithoutVote", inFavour: null, against: null, abstaining: null });
  assert.ok(first.subjects!.some((s) => s.term === "Comoros" && s.vocabulary === "UNBIS Thesaurus"));
  assert.deepEqual(first.sponsors, ["SUBMITTED BY THE CHAIR OF THE COMMITTEE"]);
  // a recorded vote whose row lists the States, with "N.A." against and no State against: none against
  const afghanistan = rows.get("A/RES/74/9")!.facts.voting!;
  assert.deepEqual([afghanistan.inFavour, afghanistan.against, afghanistan.abstaining], [137, 0, 2]);
  assert.equal(afghanistan.members!.length, 139);
});

test("every row of the corpus is read: 1,931 lines, one record per symbol, no problem", () => {
  let rows = 0;
  let symbols = 0;
  for (const file of listFiles(METADATA, ".json")) {
    const bytes = bytesOf(file);
    assert.ok(isOfficialMetadata(bytes), `${file} is recognised by its content`);
    const decoded = decodeOfficialMetadata(bytes);
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.problems, []);
    rows += decoded.rows;
    symbols += decoded.records.length;
    for (const r of decoded.records) {
      assert.match(r.symbol, /^A\/RES\/\d{2}\/\d{1,3}(?: [A-C](?:-[B-C])?)?$/, `${file} line ${r.line}`);
      assert.ok(r.facts.adoptionDate && /^\d{4}-\d{2}-\d{2}$/.test(r.facts.adoptionDate), `${r.symbol}: adoption date`);
      const v = r.facts.voting;
      if (v?.members) assert.equal(v.members.length > 0, v.outcome === "adoptedRecordedVote", r.symbol);
    }
  }
  assert.equal(rows, 1931);
  // a few symbols are described twice (an update of the same row)
  assert.ok(symbols < rows && symbols > 1850, `${symbols} symbols`);
});

test("a symbol described again is updated field by field: the later row's additional sponsors, the earlier row's SDGs", () => {
  const lines = readFileSync(join(METADATA, "79.json"), "utf8").split("\n");
  const described = lines.map((l, i) => ({ i, row: l.trim() ? (JSON.parse(l) as Record<string, any>) : null })).filter((x) => x.row?.symbol === "A/RES/79/264");
  assert.ok(described.length >= 2);
  const [earlier, later] = [described[0], described.at(-1)] as { i: number; row: Record<string, any> }[];
  assert.ok(earlier!.row.SDGs.length > 0 && later!.row.SDGs.length === 0);
  assert.ok(earlier!.row.additional_sponsors.length === 0 && later!.row.additional_sponsors.length > 0);
  const facts = records("79.json").get("A/RES/79/264")!;
  assert.equal(facts.line, later!.i + 1);
  assert.equal(facts.facts.additionalSponsors!.length, later!.row.additional_sponsors.length);
  assert.deepEqual(facts.facts.officialSdgs, earlier!.row.SDGs);
});

test("a malformed line is a problem named by its line number, and the other lines are read", () => {
  const lines = readFileSync(join(METADATA, "80.json"), "utf8").split("\n");
  const broken = [...lines];
  broken[4] = broken[4]!.slice(0, 200); // line 5 cut short
  broken[9] = '["not", "an", "object"]'; // line 10
  broken[14] = JSON.stringify({ ...JSON.parse(lines[14]!), symbol: undefined }); // line 15
  const decoded = decodeOfficialMetadata(new TextEncoder().encode(broken.join("\n")));
  assert.ok(decoded.ok);
  assert.deepEqual(decoded.problems.map((p) => p.line), [5, 10, 15]);
  assert.match(decoded.problems[0]!.message, /JSON is malformed/);
  assert.match(decoded.problems[1]!.message, /not a JSON object/);
  assert.match(decoded.problems[2]!.message, /no symbol/);
  const whole = decodeOfficialMetadata(new TextEncoder().encode(lines.join("\n")));
  assert.ok(whole.ok);
  assert.equal(decoded.rows, whole.rows - 3);
  assert.ok(decoded.records.some((r) => r.symbol === "A/RES/80/96"));
  // a field of the wrong type is left out, the row kept
  const typed = [...lines];
  typed[0] = JSON.stringify({ ...JSON.parse(lines[0]!), sponsors: "CUBA" });
  const withBadField = decodeOfficialMetadata(new TextEncoder().encode(typed.join("\n")));
  assert.ok(withBadField.ok);
  assert.deepEqual(withBadField.problems, [{ line: 1, message: "sponsors is not a list of strings; left out" }]);
  assert.equal(withBadField.records[0]!.facts.sponsors, undefined);
  assert.ok(withBadField.records[0]!.facts.voting);
});

test("a file without one readable row is an error naming its first bad line", () => {
  const decoded = decodeOfficialMetadata(new TextEncoder().encode("{\"symbol\": \"A/RES/80/1\",\n\"title\": \"x\"}\n"));
  assert.ok(!decoded.ok);
  assert.match(decoded.problems[0]!.message, /no line is a row of official metadata: line 1: the JSON is malformed/);
  const empty = decodeOfficialMetadata(new Uint8Array());
  assert.ok(!empty.ok);
});

test("rows are recognised by their content or their folder, never an EOSG paragraph file, an AKN file or a text", () => {
  const unpacked = unpackedCorpus();
  const eosg = listFiles(join(unpacked, "eosg"), ".json").slice(0, 50);
  assert.equal(eosg.length, 50);
  for (const file of eosg) assert.equal(isOfficialMetadata(bytesOf(file), file), false, file);
  const akn = join(unpacked, "akn", "en", "A_RES_80_96.en.xml");
  assert.equal(isOfficialMetadata(bytesOf(akn), akn), false);
  const ods = join(CORPUS, "ods", "A_RES_79_222.en.txt");
  assert.equal(isOfficialMetadata(bytesOf(ods), ods), false);
  // by content, whatever the name
  const row = bytesOf(join(METADATA, "80.json"));
  assert.equal(isOfficialMetadata(row, "/elsewhere/official.jsonl"), true);
  // by folder, whatever the content: a broken file there is reported as rows, not as a resolution
  assert.equal(isOfficialMetadata(new TextEncoder().encode("not json"), "/data/metadata/81.json"), true);
});

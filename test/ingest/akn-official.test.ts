import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { toContractJson } from "../../src/export/json.js";
import { decodeAkn } from "../../src/ingest/akn.js";
import { attr, descendants, parseXml } from "../../src/ingest/akn/xml.js";
import type { Resolution } from "../../src/model/types.js";
import { listFiles, unpackedCorpus } from "../helpers/corpus.js";

/** Votes, sponsors, subjects and the agenda read from the UN's Akoma Ntoso files. */

const AKN = join(unpackedCorpus(), "akn");
const aknFile = (language: string, name: string) => join(AKN, language, `${name}.${language}.xml`);

function read(path: string): Resolution {
  const parsed = decodeAkn(new Uint8Array(readFileSync(path)), { name: path });
  assert.ok(parsed.ok, path);
  return parsed.document;
}

/** The `by` of a workflow step of the file, as written. */
function stepBy(path: string, outcome: string): string {
  const xml = parseXml(readFileSync(path, "utf8"));
  assert.ok(xml.ok);
  const step = xml.roots.flatMap((r) => descendants(r, ["step"])).find((s) => attr(s, "outcome") === outcome);
  return attr(step!, "by") ?? "";
}

test("A/RES/80/96 records its recorded vote, 153 in favour, 2 against, 9 abstaining, State by State", () => {
  const { meta } = read(aknFile("en", "A_RES_80_96"));
  const voting = meta.voting!;
  assert.equal(voting.outcome, "adoptedRecordedVote");
  assert.deepEqual([voting.inFavour, voting.against, voting.abstaining], [153, 2, 9]);
  const members = voting.members!;
  assert.deepEqual(
    (["yes", "no", "abstain"] as const).map((vote) => members.filter((m) => m.vote === vote).length),
    [153, 2, 9],
  );
  assert.deepEqual(members.filter((m) => m.vote === "no").map((m) => m.state), ["ISRAEL", "UNITED STATES"]);
  assert.ok(members.some((m) => m.state === "FRANCE" && m.vote === "abstain"));
  assert.ok(members.some((m) => m.state === "NETHERLANDS (KINGDOM OF THE)" && m.vote === "yes"));
  assert.equal(new Set(members.map((m) => m.state)).size, members.length, "each State votes once");
  // the draft came from the Special Committee, a description kept as written
  assert.deepEqual(meta.sponsors, [
    "submitted by the Special Committee on the Situation with regard to the Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples",
  ]);
  assert.equal(meta.additionalSponsors, undefined);
  assert.equal(meta.meetingRecord, "A/80/PV.55");
  assert.equal(meta.originatingDocument, "A/80/537, para. 15");
  assert.equal(meta.agendaItemTitle, "Implementation of the Declaration on the Granting of Independence to Colonial Countries and Peoples");
  // and `parse --json` shows them
  const json = toContractJson(read(aknFile("en", "A_RES_80_96")));
  assert.deepEqual([json.voting?.inFavour, json.voting?.against, json.voting?.abstaining], [153, 2, 9]);
  assert.equal(json.meetingRecord, "A/80/PV.55");
});

test("a resolution adopted without a vote has no counts; its subjects are the Library's terms, not the agenda", () => {
  const { meta } = read(aknFile("en", "A_RES_75_245_B"));
  assert.deepEqual(meta.voting, { outcome: "adoptedWithoutVote", inFavour: null, against: null, abstaining: null });
  const subjects = meta.subjects!;
  assert.ok(subjects.some((s) => s.term === "UN Dispute Tribunal" && s.vocabulary === "DHLAUTH"));
  assert.ok(subjects.some((s) => s.term === "LABOUR DISPUTES" && s.vocabulary === "UNBIS Thesaurus"));
  // the keyword that refers to the agenda (dictionary A/75/251) is the agenda item's title
  assert.ok(!subjects.some((s) => s.term === "PERSONNEL QUESTIONS--UN SYSTEM"));
  assert.deepEqual(meta.sponsors, ["submitted by the Chair of the Committee following informal consultations"]);
});

test('an outcome written "Adopted 133-3-0, 88th plenary meeting" gives the column no count element gives', () => {
  const { meta } = read(aknFile("en", "A_RES_75_250_B"));
  assert.equal(meta.voting!.outcome, "adoptedRecordedVote");
  assert.deepEqual([meta.voting!.inFavour, meta.voting!.against, meta.voting!.abstaining], [133, 3, 0]);
  assert.equal(meta.voting!.members!.length, 136);
});

test("a sponsor sentence is split into States, names that hold \"and\" kept whole, in upper case", () => {
  const path = aknFile("en", "A_RES_75_125");
  const sentence = stepBy(path, "draftResolution");
  const { meta } = read(path);
  const sponsors = meta.sponsors!;
  // one sponsor per comma, and the two the closing "and" joins
  assert.equal(sponsors.length, sentence.split(", ").length + 1);
  for (const name of ["ANTIGUA AND BARBUDA", "BOSNIA AND HERZEGOVINA", "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "REPUBLIC OF KOREA"]) {
    assert.ok(sponsors.includes(name), name);
  }
  assert.equal(sponsors.at(-1), "STATE OF PALESTINE");
  assert.ok(sponsors.every((s) => s === s.toUpperCase()));
});

test("a sponsor sentence that is a description stays one entry, brackets are never cut", () => {
  const path = join(AKN, "en", listFiles(join(AKN, "en"), ".xml").map((f) => f.split("/").pop()!).find((f) => stepBy(join(AKN, "en", f), "draftResolution").includes("(on behalf of"))!);
  const sentence = stepBy(path, "draftResolution");
  assert.match(sentence, /and China\)|Countries\)|States\)/);
  const { meta } = read(path);
  assert.deepEqual(meta.sponsors, [sentence.replace(/\s+/g, " ").trim()]);
});

test("a French file of session 79 reads its vote and its English sponsor list", () => {
  const { meta } = read(aknFile("fr", "A_RES_79_10"));
  assert.deepEqual([meta.voting!.inFavour, meta.voting!.against, meta.voting!.abstaining], [67, 8, 69]);
  assert.deepEqual(meta.sponsors, ["BELARUS", "KAZAKHSTAN", "KYRGYZSTAN", "RUSSIAN FEDERATION", "TAJIKISTAN"]);
  assert.equal(meta.meetingRecord, "A/79/PV.39");
});

test("every English AKN file gives how it was adopted; recorded votes list the States they count", () => {
  let recorded = 0;
  const miscounted: string[] = [];
  const files = listFiles(join(AKN, "en"), ".xml");
  const withoutOutcome: string[] = [];
  for (const file of files) {
    const { meta } = read(file);
    if (!meta.voting) {
      withoutOutcome.push(meta.symbol!);
      continue;
    }
    const v = meta.voting;
    if (v.outcome !== "adoptedRecordedVote") {
      assert.deepEqual([v.inFavour, v.against, v.abstaining, v.members], [null, null, null, undefined], file);
      continue;
    }
    recorded++;
    assert.ok(v.inFavour !== null && v.against !== null && v.abstaining !== null, `${file}: counts`);
    if (!v.members) continue;
    const listed = (["yes", "no", "abstain"] as const).map((vote) => v.members!.filter((m) => m.vote === vote).length);
    if (listed.join() !== [v.inFavour, v.against, v.abstaining].join()) miscounted.push(`${meta.symbol}: ${[v.inFavour, v.against, v.abstaining]} counted, ${listed} listed`);
  }
  // The files whose <voting> is empty are resolutions in parts (A-B, A-C), each part adopted on its own.
  assert.ok(withoutOutcome.length < 10 && withoutOutcome.every((s) => / A-[B-Z]$/.test(s)), withoutOutcome.join(", "));
  assert.ok(recorded > 400, `${recorded} recorded votes`);
  // one record (77/293) counts 59 abstentions and lists 58 States: counts are kept as printed
  assert.ok(miscounted.length <= 1, miscounted.join("\n"));
});

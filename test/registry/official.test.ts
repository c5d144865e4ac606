import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { formatSummary, ingestExitCode } from "../../src/cli/ingest.js";
import { decodeOfficialMetadata } from "../../src/ingest/official-metadata.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { buildApp } from "../../src/server/app.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";
import { type OpenedStore, storeFactories } from "./stores.js";

/**
 * Rows of official metadata in the registry, on every store: ingested before or after the
 * documents they describe, they complete the documents' metadata on `getDocument` and the API.
 */

const METADATA = join(CORPUS, "metadata");
const GUAM_AKN = () => join(unpackedCorpus(), "akn", "en", "A_RES_80_96.en.xml");
const CUBA_ODS = join(CORPUS, "ods", "A_RES_80_4.en.txt");
const EOSG_74_50 = () => join(unpackedCorpus(), "eosg", "A_RES_74_50.en.paragraphs.json");

for (const factory of storeFactories()) {
  describe(`official metadata on ${factory.dialect}`, () => {
    let scratch: string;
    before(() => {
      scratch = mkdtempSync(join(tmpdir(), "official-"));
    });
    after(() => rmSync(scratch, { recursive: true, force: true }));

    const withStore = async (work: (db: OpenedStore) => Promise<void>) => {
      const db = await factory.open();
      try {
        await work(db);
      } finally {
        await db.dispose();
      }
    };

    test("rows ingested before the documents: stored, counted, and on getDocument when the documents come", () =>
      withStore(async (db) => {
        const rows = await ingestPaths(db.store, [join(METADATA, "80.json"), join(METADATA, "74.json")]);
        assert.deepEqual(rows.failed, []);
        assert.deepEqual({ files: rows.metadata.files, rows: rows.metadata.rows, problems: rows.metadata.problems }, { files: 2, rows: 228 + 266, problems: [] });
        assert.equal(rows.added, 0);
        assert.match(formatSummary(rows), /; 2 metadata files, 494 rows/);
        assert.equal(ingestExitCode(rows), 0);
        const stored = await db.store.getOfficialMetadata("80/96");
        assert.deepEqual([stored!.facts.voting!.inFavour, stored!.facts.voting!.against, stored!.facts.voting!.abstaining], [153, 2, 9]);
        assert.equal(stored!.line, 204);
        const [columns] = await db.query("SELECT session, voting_outcome, in_favour, against, abstaining FROM official_metadata WHERE symbol = 'A/RES/80/96'");
        assert.deepEqual(
          [Number(columns!.session), columns!.voting_outcome, Number(columns!.in_favour), Number(columns!.against), Number(columns!.abstaining)],
          [80, "adoptedRecordedVote", 153, 2, 9],
        );

        const docs = await ingestPaths(db.store, [GUAM_AKN(), CUBA_ODS, EOSG_74_50()]);
        assert.deepEqual([docs.added, docs.failed.length, docs.metadata.files], [3, 0, 0]);
        // the AKN file's own vote, as the row gives it too
        const guam = (await db.store.getDocument("A/RES/80/96"))!.document.meta;
        assert.deepEqual([guam.voting!.inFavour, guam.voting!.against, guam.voting!.abstaining], [153, 2, 9]);
        assert.equal(guam.voting!.members!.length, 164);
        // an ODS text carries no vote nor sponsor: the row's
        const cuba = (await db.store.getDocument("A/RES/80/4"))!.document.meta;
        const cubaRow = (await db.store.getOfficialMetadata("A/RES/80/4"))!.facts;
        assert.equal(cuba.voting!.outcome, "adoptedRecordedVote");
        assert.deepEqual(cuba.voting, cubaRow.voting);
        assert.deepEqual(cuba.sponsors, ["CUBA"]);
        assert.equal(cuba.meetingRecord, "A/80/PV.22");
        // the EOSG's paragraphs of 74/50: the vote and the Library's subjects
        const verification = (await db.store.getDocument("A/RES/74/50"))!.document.meta;
        assert.equal(verification.voting!.outcome, "adoptedRecordedVote");
        assert.ok(verification.subjects!.some((s) => s.vocabulary === "UNBIS Thesaurus"));
      }));

    test("rows ingested after the documents complete them; the same file again changes nothing", () =>
      withStore(async (db) => {
        await ingestPaths(db.store, [CUBA_ODS]);
        assert.equal((await db.store.getDocument("A/RES/80/4"))!.document.meta.voting, undefined);
        const first = await ingestPaths(db.store, [METADATA]);
        assert.equal(first.metadata.files, 7);
        assert.equal(first.metadata.rows, 1931);
        assert.deepEqual(first.failed, []);
        const cuba = (await db.store.getDocument("A/RES/80/4"))!.document.meta;
        assert.equal(cuba.voting!.outcome, "adoptedRecordedVote");
        assert.ok(cuba.voting!.inFavour! > 100);
        const [count] = await db.query("SELECT COUNT(*) AS n FROM official_metadata");
        const symbols = [...new Set(["74", "75", "76", "77", "78", "79", "80"].flatMap((s) => {
          const decoded = decodeOfficialMetadata(new Uint8Array(readFileSync(join(METADATA, `${s}.json`))));
          return decoded.ok ? decoded.records.map((r) => r.symbol) : [];
        }))];
        assert.equal(Number(count!.n), symbols.length);
        // a file read again: every row unchanged
        const decoded = decodeOfficialMetadata(new Uint8Array(readFileSync(join(METADATA, "80.json"))));
        assert.ok(decoded.ok);
        const again = await db.store.putOfficialMetadata(decoded.records, { name: "80.json" });
        assert.deepEqual(again, { added: 0, updated: 0, unchanged: 225 });
      }));

    test("a malformed line is reported with its line number and the other rows are stored", () =>
      withStore(async (db) => {
        const folder = join(scratch, `${factory.dialect}-bad`, "metadata");
        mkdirSync(folder, { recursive: true });
        const lines = readFileSync(join(METADATA, "80.json"), "utf8").split("\n");
        lines[2] = lines[2]!.slice(0, 300);
        writeFileSync(join(folder, "80.json"), lines.join("\n"));
        writeFileSync(join(folder, "broken.json"), "{ this is not JSON\n");
        const summary = await ingestPaths(db.store, [folder]);
        assert.deepEqual(summary.metadata.problems.map((p) => [p.file.endsWith("80.json"), p.line]), [[true, 3]]);
        assert.match(summary.metadata.problems[0]!.message, /JSON is malformed/);
        assert.equal(summary.metadata.rows, 227);
        // a file in a metadata folder with no readable row fails as such, not as a resolution
        assert.equal(summary.failed.length, 1);
        assert.match(summary.failed[0]!.reasons[0]!, /no line is a row of official metadata: line 1/);
        assert.match(formatSummary(summary), /80\.json line 3: the JSON is malformed/);
        assert.equal(ingestExitCode(summary), 3);
        assert.ok(await db.store.getOfficialMetadata("A/RES/80/96"));
      }));

    test("the API's document route returns the vote, the sponsors and the subjects", () =>
      withStore(async (db) => {
        await ingestPaths(db.store, [join(METADATA, "74.json"), GUAM_AKN(), EOSG_74_50()]);
        const app: FastifyInstance = await buildApp(db.store);
        try {
          const guam = (await app.inject({ method: "GET", url: "/api/documents/A%2FRES%2F80%2F96" })).json().document;
          assert.deepEqual([guam.voting.outcome, guam.voting.inFavour, guam.voting.against, guam.voting.abstaining], ["adoptedRecordedVote", 153, 2, 9]);
          assert.equal(guam.voting.members.length, 164);
          assert.deepEqual(guam.voting.members.at(-1), { state: "UNITED KINGDOM", vote: "abstain" });
          assert.equal(guam.sponsors.length, 1);
          assert.equal(guam.meetingRecord, "A/80/PV.55");
          assert.equal(guam.originatingDocument, "A/80/537, para. 15");
          assert.equal(guam.subjects, null);
          // fields beyond the declared ones still pass
          assert.equal(guam.operative.length > 0, true);
          const eosg = (await app.inject({ method: "GET", url: "/api/documents/A_RES_74_50" })).json().document;
          assert.equal(eosg.voting.outcome, "adoptedRecordedVote");
          assert.ok(eosg.sponsors.length > 0);
          assert.ok(eosg.subjects.length > 0 && typeof eosg.subjects[0].term === "string");
          const openapi = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
          assert.ok(openapi.components.schemas.Voting.properties.members);
          // the AKN export of the stored document writes the vote
          const akn = (await app.inject({ method: "GET", url: "/api/documents/A_RES_74_50?format=akn" })).body;
          assert.match(akn, /<voting outcome="adoptedRecordedVote"/);
        } finally {
          await app.close();
        }
      }));
  });
}

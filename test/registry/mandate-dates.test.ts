import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { Mandate } from "../../src/model/types.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { decodeModel, encodeModel } from "../../src/registry/rows.js";
import type { MandateRecord } from "../../src/registry/store.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";
import { type OpenedStore, storeFactories } from "./stores.js";

/**
 * Mandates' due dates, decisions about mandates, ends and reviews in the registry (migration 16),
 * on the four resolutions of the issue: S/RES/420 (1977) from the Security Council's texts,
 * S/RES/2636 (2022), S/RES/2629 (2022) and A/HRC/RES/53/8 from the EOSG files.
 */
const FILES = [
  join(CORPUS, "sc", "cr-unsc", "S_RES_420_1977.en.txt"),
  join(unpackedCorpus(), "eosg", "S_RES_2636(2022).en.paragraphs.json"),
  join(unpackedCorpus(), "eosg", "S_RES_2629(2022).en.paragraphs.json"),
  join(unpackedCorpus(), "eosg", "A_HRC_RES_53_8.en.paragraphs.json"),
];
const NEW_COLUMNS = ["due_date", "decision", "end_date", "end_duration", "end_text", "review_session", "review_date", "review_recurrence", "review_text"];
const page = { limit: 500, offset: 0 };

/** A mandate as the registry lists it, for comparing two states of a registry. */
const line = (m: MandateRecord) =>
  [m.symbol, m.ref, m.sub, m.verb, m.actor, m.actorCanonical, m.report, m.dueDate, m.decision, JSON.stringify(m.end), JSON.stringify(m.review)].join(" | ");

for (const factory of storeFactories()) {
  const withOwnStore = async (work: (db: OpenedStore) => Promise<void>) => {
    const db = await factory.open();
    try {
      await work(db);
    } finally {
      await db.dispose();
    }
  };

  describe(`mandates' dates and decisions in the registry on ${factory.dialect}`, () => {
    test("the mandate table lists decisions about mandates with their kind, due date and end; filters and sorts by due date", () =>
      withOwnStore(async (db) => {
        const loaded = await ingestPaths(db.store, FILES, { workers: 0 });
        assert.deepEqual([loaded.added, loaded.failed.length], [4, 0]);
        const unitams = (await db.store.mandates({ symbol: "S/RES/2636 (2022)" }, page)).items;
        const extension = unitams.find((m) => m.decision !== null)!;
        assert.deepEqual(
          [extension.ref, extension.verb, extension.actor, extension.actorCanonical, extension.decision, extension.dueDate, extension.end],
          ["operative.1", "decides", "UNITAMS", "United Nations Integrated Transition Assistance Mission in Sudan", "extend", "2023-06-03",
            { date: "2023-06-03", duration: null, text: "until 3 June 2023" }],
        );
        const undof = (await db.store.mandates({ actor: "UNDOF" }, page)).items;
        assert.deepEqual(undof.map((m) => [m.symbol, m.sub, m.decision, m.dueDate, m.end?.duration]), [["S/RES/420 (1977)", "b", "renew", "1978-05-31", "P6M"]]);
        // sorted by what is due first: a session, then a date
        const due = (await db.store.mandates({ sort: "due" }, page)).items.map((m) => m.dueDate).filter((d): d is string => d !== null);
        assert.deepEqual(due, [...due].sort());
        assert.equal(due[0], "1978-05-31");
      }));

    test("a registry written before migration 16 is upgraded: its mandates are derived again from the stored models", () =>
      withOwnStore(async (db) => {
        assert.equal((await ingestPaths(db.store, FILES, { workers: 0 })).added, 4);
        const expected = (await db.store.mandates({}, page)).items.map(line);
        assert.ok(expected.some((l) => l.includes("| decides | United Nations Support Mission in Libya |")));

        // as the registry was before: no columns for the facts, models without them nor the decisions about mandates
        const versions = await db.query("SELECT document_id, number, model FROM versions");
        for (const v of versions) {
          const { document } = decodeModel(v.model as Uint8Array);
          for (const p of document.operative) {
            p.mandates = p.mandates.filter((m) => m.decision === null);
            for (const m of p.mandates as Partial<Mandate>[]) for (const key of ["dueDate", "decision", "end", "review"] as const) delete m[key];
          }
          const hex = Buffer.from(encodeModel(document)).toString("hex");
          const blob = factory.dialect === "sqlite" ? `X'${hex}'` : `'\\x${hex}'::bytea`;
          await db.query(`UPDATE versions SET model = ${blob} WHERE document_id = ${Number(v.document_id)} AND number = ${Number(v.number)}`);
        }
        await db.query("DELETE FROM mandates WHERE decision IS NOT NULL");
        await db.query("DROP INDEX mandates_due_date");
        for (const column of NEW_COLUMNS) await db.query(`ALTER TABLE mandates DROP COLUMN ${column}`);
        await db.query("DELETE FROM schema_migrations WHERE id = 16");
        const before = await db.query("SELECT COUNT(*) AS n FROM mandates");
        assert.equal(Number(before[0]!.n), expected.length - 4, "the four decisions about mandates are not in the old registry");

        const upgrades: number[] = [];
        const results = await db.store.migrate({ onUpgrade: (m) => upgrades.push(m.id) });
        assert.deepEqual(results.filter((r) => r.status === "applied").map((r) => r.id), [16]);
        assert.deepEqual(upgrades, [16], "the user is told of the upgrade");
        assert.deepEqual((await db.store.mandates({}, page)).items.map(line), expected);
        // the documents read back carry the facts too
        const libya = (await db.store.getDocument("S/RES/2629 (2022)"))!.document;
        const decided = libya.operative[0]!.mandates[0]!;
        assert.deepEqual([decided.decision, decided.dueDate, decided.actorCanonical], [{ kind: "extend" }, "2022-07-31", "United Nations Support Mission in Libya"]);
      }));
  });
}

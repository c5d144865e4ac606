import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ingestPaths } from "../../src/registry/ingest.js";
import { CORPUS } from "../helpers/corpus.js";
import { type OpenedStore, storeFactories } from "./stores.js";

/** Migrations that rewrite what a registry stored under an older rule of the model, on every store. */

const page = (limit = 500) => ({ limit, offset: 0 });
/** A resolution in three parts: part A unlabelled, parts B and C numbering their paragraphs from 1. */
const IN_PARTS = join(CORPUS, "ods", "A_RES_75_254_A-C.en.txt");
const SYMBOL_IN_PARTS = "A/RES/75/254 A-C";

for (const factory of storeFactories()) {
  const withOwnStore = async (work: (db: OpenedStore) => Promise<void>) => {
    const db = await factory.open();
    try {
      await work(db);
    } finally {
      await db.dispose();
    }
  };

  describe(`paragraph references on ${factory.dialect}`, () => {
    test("paragraphs of a resolution in parts are named with their part, and references written before migration 15 are rewritten so", () =>
      withOwnStore(async (db) => {
        assert.equal((await ingestPaths(db.store, [IN_PARTS], { workers: 0 })).added, 1);
        const refs = async () => (await db.query("SELECT ref FROM paragraphs ORDER BY id")).map((r) => String(r.ref));
        const answers = async () => ({
          refs: await refs(),
          mandates: (await db.store.mandates({ symbol: SYMBOL_IN_PARTS }, page())).items.map((m) => m.ref),
          citations: (await db.query("SELECT ref FROM citations ORDER BY id")).map((r) => String(r.ref)),
          hits: (await db.store.search({ query: "budget", filter: {}, page: page(), facets: [] })).hits.map((h) => h.ref),
        });
        const written = await answers();
        const parts = await db.query("SELECT ref, part FROM paragraphs");
        const shared = parts.filter((r) => parts.some((o) => o.ref === r.ref && o.part !== r.part));
        assert.deepEqual(shared, [], "no paragraph shares its reference with one of another part");
        assert.ok(["operative.1", "B.operative.1", "C.operative.1"].every((ref) => written.refs.includes(ref)));
        assert.ok(written.citations.some((r) => r.startsWith("B.")), "citations of part B name it");
        const first = await db.store.paragraphOccurrences(SYMBOL_IN_PARTS, "operative.1");
        const partB = await db.store.paragraphOccurrences(SYMBOL_IN_PARTS, "B.operative.1");
        assert.ok(first && partB && first.text !== partB.text, "operative.1 and B.operative.1 are two paragraphs");

        // as registries stored them before: without the part
        const local = "CASE WHEN ref LIKE '_.%' THEN substr(ref, 3) ELSE ref END";
        for (const table of ["paragraphs", "citations", "mandates"]) await db.query(`UPDATE ${table} SET ref = ${local}`);
        await db.query("DELETE FROM schema_migrations WHERE id = 15");
        assert.ok((await refs()).filter((r) => r === "operative.1").length > 1, "the old references collide");

        const results = await db.store.migrate();
        assert.deepEqual(results.filter((r) => r.status === "applied").map((r) => r.id), [15]);
        assert.deepEqual(await answers(), written);
      }));
  });
}

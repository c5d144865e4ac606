import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ingestPaths } from "../../src/registry/ingest.js";
import { CORPUS } from "../helpers/corpus.js";
import { actorFiles, type OpenedStore, searchResult, storeFactories } from "./stores.js";

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
          hits: (await searchResult(db.store, { query: "budget", filter: {}, page: page(), facets: [] })).hits.map((h) => h.ref),
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

  describe(`actor keys on ${factory.dialect}`, () => {
    test("a registry written under the old key rule (punctuation kept) has its keys rewritten by migration 14, and answers as one written after", () =>
      withOwnStore(async (db) => {
        assert.deepEqual((await ingestPaths(db.store, actorFiles(), { workers: 0 })).failed, []);
        const keys = async () => (await db.query("SELECT id, actor_key FROM mandates ORDER BY id")).map((r) => `${r.id} ${r.actor_key}`);
        const answers = async () => ({
          keys: await keys(),
          unido: (await db.store.mandates({ actor: "UNIDO" }, page())).total,
          unidoByName: (await db.store.mandates({ actor: "United Nations Industrial Development Organization" }, page())).total,
          committee: (await db.store.mandates({ actor: "Counter Terrorism Committee" }, page())).items.map((m) => m.symbol),
          facet: (await searchResult(db.store, { query: "", filter: {}, page: page(1), facets: ["actor"] })).facets.actor,
        });
        const written = await answers();
        assert.equal(written.unido, written.unidoByName);
        assert.deepEqual([...new Set(written.committee)].sort(), ["S/RES/1624 (2005)", "S/RES/2322 (2016)"]);

        // the rule of the registry before: case and spacing only
        const names = await db.query("SELECT DISTINCT COALESCE(actor_canonical, actor) AS name FROM mandates");
        for (const { name } of names) {
          const old = String(name).normalize("NFKC").toLowerCase().replace(/[\s\u00a0]+/g, " ").trim().replace(/^the /, "");
          const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
          await db.query(`UPDATE mandates SET actor_key = ${quote(old)} WHERE COALESCE(actor_canonical, actor) = ${quote(String(name))}`);
        }
        await db.query("DELETE FROM schema_migrations WHERE id = 14");
        const before = await keys();
        assert.ok(before.some((k) => k.endsWith(" secretary-general")), "the old keys keep their hyphens");
        assert.notDeepEqual(before, written.keys);

        const results = await db.store.migrate();
        assert.deepEqual(results.filter((r) => r.status === "applied").map((r) => r.id), [14]);
        assert.deepEqual(await answers(), written);
      }));
  });
}

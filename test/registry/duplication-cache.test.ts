import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { findDuplication } from "../../src/compare/duplicates.js";
import { allDocuments } from "../../src/registry/all-documents.js";
import { DuplicationCache, scanInWorker } from "../../src/registry/duplication-cache.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { CORPUS } from "../helpers/corpus.js";
import { type OpenedStore, seriesFiles, storeFactories } from "./stores.js";

/**
 * The duplication report is scanned once per state of the registry: read again from memory or
 * from the registry while nothing was written, scanned again after a write (the old report
 * served as stale meanwhile), and the same report a direct scan gives.
 */

for (const factory of storeFactories()) {
  describe(`duplication report cache on ${factory.dialect}`, () => {
    let db: OpenedStore;

    before(async () => {
      db = await factory.open();
      assert.deepEqual((await ingestPaths(db.store, seriesFiles())).failed, []);
    });
    after(async () => {
      await db?.dispose();
    });

    test("one scan per registry state, stored across restarts, stale while a write is scanned again", async () => {
      const cache = new DuplicationCache(db.store);
      const first = await cache.get();
      assert.equal(cache.scans, 1);
      assert.equal(first.stale, false);
      assert.deepEqual(first.report, findDuplication(await allDocuments(db.store)));
      assert.ok(first.report.findings.length > 0);

      const again = await cache.get();
      assert.equal(cache.scans, 1, "no scan while nothing was written");
      assert.equal(again.computedAt, first.computedAt);

      // Another server on the same registry reads the stored report instead of scanning.
      const restarted = new DuplicationCache(db.store);
      const read = await restarted.get();
      assert.equal(restarted.scans, 0);
      assert.deepEqual(read.report, first.report);

      const stampBefore = await db.store.registryStamp();
      assert.deepEqual((await ingestPaths(db.store, [join(CORPUS, "ods", "A_RES_78_1.en.txt")])).failed, []);
      assert.notEqual(await db.store.registryStamp(), stampBefore, "a write changes the stamp");
      const during = await cache.get();
      assert.equal(during.stale, true, "the previous report is served while the new one is scanned");
      await cache.warm();
      const updated = await cache.get();
      assert.equal(cache.scans, 2);
      assert.equal(updated.stale, false);
      assert.equal(updated.report.scanned.documents, first.report.scanned.documents + 1);
    });

    test("scanned in a worker thread on its own connection: no report is waited for, the worker's is the same as one scanned here", async () => {
      // A registry state never scanned: a new document.
      assert.deepEqual((await ingestPaths(db.store, [join(CORPUS, "ods", "A_RES_78_2.en.txt")])).failed, []);
      const cache = new DuplicationCache(db.store, { scan: scanInWorker(db.location) });
      const pending = await cache.current();
      assert.ok("computing" in pending, "the caller is told the report is being computed, not made to wait");
      assert.ok(pending.retryAfterSeconds >= 1);
      await cache.warm();
      const found = await cache.current();
      assert.ok(!("computing" in found));
      assert.equal(found.stale, false);
      assert.deepEqual(found.report, findDuplication(await allDocuments(db.store)));
    });
  });
}

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { lostUpdates, runReviewLoad } from "../../bench/review-load.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { CLI_AUTHOR } from "../../src/registry/lifecycle/index.js";
import { buildApp } from "../../src/server/app.js";
import { type OpenedStore, seriesFiles, storeFactories } from "../registry/stores.js";

/**
 * No lost update under concurrent editors, over loopback, on both databases: a short version of
 * the bench's 60 s run (`npm run bench -- review`), bounded by writes rather than time. Every accepted change is audited exactly
 * once, and each review's version counts the changes accepted on it.
 */

const EDITORS = 20;
/** Writes each editor attempts: a count rather than a time, so that a loaded machine slows the test without weakening it. */
const WRITES = 12;

for (const factory of storeFactories()) {
  describe(`concurrent editors on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    let base = "";
    const tokens: string[] = [];
    let mandates: string[] = [];

    before(async () => {
      db = await factory.open();
      await ingestPaths(db.store, seriesFiles().slice(4));
      for (let i = 0; i < EDITORS; i++) {
        const email = `editor${i}@unido.org`;
        assert.ok((await db.store.lifecycle.createUser({ email, role: "editor", entities: ["UNIDO"], passwordHash: "$argon2id$unused" }, CLI_AUTHOR)).ok);
        const token = await db.store.lifecycle.createToken(email, "load", CLI_AUTHOR);
        assert.ok(token.ok);
        tokens.push(token.value.token);
      }
      mandates = (await db.store.mandates({ symbol: "79/222", actor: "UNIDO" }, { limit: 8, offset: 0 })).items.map((m) => m.id);
      app = await buildApp(db.store, { webRoot: null });
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      assert.ok(address && typeof address === "object");
      base = `http://127.0.0.1:${address.port}`;
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test(`${EDITORS} editors on 8 mandates, ${WRITES} writes each: no lost update, one audit entry per accepted change`, async () => {
      const result = await runReviewLoad({ base, tokens, entity: "UNIDO", mandates, seconds: 300, writesPerEditor: WRITES });
      assert.deepEqual(result.errorSamples, []);
      assert.equal(result.errors, 0);
      assert.ok(result.accepted >= 40, `${result.accepted} accepted of ${result.requests} requests, ${result.conflicts} conflicts, p95 ${result.p95} ms`);
      assert.ok(result.conflicts > 0, "editors collided, and were told");
      const finals = new Map<string, number>();
      for (const id of mandates) finals.set(id, (await db.store.lifecycle.reviewsOf(id))[0]?.version ?? 0);
      assert.equal(lostUpdates(result, finals), 0);
      for (const id of mandates) assert.equal(finals.get(id), result.acceptedOn.get(id) ?? 0, id);
      const [audited] = await db.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'review.set'");
      assert.equal(Number(audited!.n), result.accepted);
    });
  });
}

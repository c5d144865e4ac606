import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { ingestPaths } from "../../src/registry/ingest.js";
import { buildApp } from "../../src/server/app.js";
import { CORPUS, listFiles } from "../helpers/corpus.js";
import { type OpenedStore, searchResult, seriesFiles, storeFactories } from "../registry/stores.js";

/**
 * 50 HTTP clients on loopback search while an ingest writes: every answer is a 200, answers about
 * documents stored before the ingest never change, and a growing result only grows.
 */

const CLIENTS = 50;

interface Answer {
  status: number;
  body: { total: number; hits: { symbol: string; ref: string }[] };
}

for (const factory of storeFactories()) {
  describe(`concurrent searches during an ingest on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    let base: string;

    before(async () => {
      db = await factory.open();
      assert.deepEqual((await ingestPaths(db.store, seriesFiles())).failed, []);
      app = await buildApp(db.store);
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      assert.ok(address && typeof address === "object");
      base = `http://127.0.0.1:${address.port}`;
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test(`${CLIENTS} clients get correct answers and no errors`, async () => {
      // Scores move as the corpus grows (ranking statistics are corpus-wide); which paragraphs match must not.
      const paragraphs = (answer: Answer) => answer.body.hits.map((h) => `${h.symbol} ${h.ref}`).sort().join("\n");
      const ask = async (path: string): Promise<Answer> => {
        const response = await fetch(base + path);
        return { status: response.status, body: (await response.json()) as Answer["body"] };
      };
      // A question only the documents stored beforehand answer, and one every new document adds to.
      const stable = "/api/search?q=industrial%20cooperation&session=69&limit=50";
      const growing = "/api/search?q=General%20Assembly&limit=5&facets=session";
      const expected = await ask(stable);
      assert.equal(expected.status, 200);
      assert.ok(expected.body.total > 0);
      const initial = await ask(growing);

      const files = listFiles(join(CORPUS, "ods"), ".txt").slice(0, 16);
      let ingesting = true;
      const ingest = ingestPaths(db.store, files, { workers: 0 }).finally(() => {
        ingesting = false;
      });

      const failures: string[] = [];
      let requests = 0;
      const client = async (id: number) => {
        let lastTotal = initial.body.total;
        for (let round = 0; ingesting || round < 3; round++) {
          const path = (id + round) % 2 === 0 ? stable : growing;
          const answer = await ask(path);
          requests++;
          if (answer.status !== 200) failures.push(`client ${id}: ${path} answered ${answer.status}`);
          else if (path === stable && (answer.body.total !== expected.body.total || paragraphs(answer) !== paragraphs(expected))) {
            failures.push(`client ${id}: the answer about session 69 changed during the ingest`);
          } else if (path === growing) {
            if (answer.body.total < lastTotal) failures.push(`client ${id}: total went from ${lastTotal} down to ${answer.body.total}`);
            lastTotal = answer.body.total;
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
      const summary = await ingest;

      assert.deepEqual(failures, []);
      assert.deepEqual(summary.failed, []);
      assert.equal(summary.added, files.length);
      assert.ok(requests >= CLIENTS * 3);
      const final = await ask(growing);
      const direct = await searchResult(db.store, { query: "General Assembly", filter: {}, page: { limit: 5, offset: 0 }, facets: [] });
      assert.equal(final.body.total, direct.total);
      assert.ok(final.body.total > initial.body.total);
    });
  });
}

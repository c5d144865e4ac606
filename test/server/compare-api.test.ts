import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { ingestPaths } from "../../src/registry/ingest.js";
import { buildApp } from "../../src/server/app.js";
import { type OpenedStore, seriesFiles, storeFactories } from "../registry/stores.js";

/** The comparison endpoints over the Industrial development cooperation series. */
for (const factory of storeFactories()) {
  describe(`compare API on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    const get = (url: string) => app.inject({ method: "GET", url });

    before(async () => {
      db = await factory.open();
      await ingestPaths(db.store, seriesFiles());
      app = await buildApp(db.store);
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test("/diff aligns 63/231 op. 20 with 69/235 op. 31 and names unknown symbols", async () => {
      const res = await get("/diff?from=A/RES/63/231&to=A/RES/69/235");
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const pairs = JSON.stringify(body);
      assert.match(pairs, /"from":"operative\.20","to":"operative\.31"/);
      assert.equal((await get("/diff?from=A/RES/63/231&to=A/RES/1/999")).statusCode, 404);
      assert.equal((await get("/diff?from=A/RES/63/231")).statusCode, 400);
    });

    test("/duplicates ranks findings, limited on request", async () => {
      const res = await get("/duplicates?limit=5");
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.ok(Array.isArray(body.findings), "findings listed");
      assert.ok(body.findings.length > 0 && body.findings.length <= 5, `got ${body.findings.length}`);
      assert.equal((await get("/duplicates?limit=0")).statusCode, 400);
    });

    test("the OpenAPI document describes both routes", async () => {
      const paths = Object.keys((await get("/openapi.json")).json().paths);
      assert.ok(paths.includes("/diff") && paths.includes("/duplicates"), paths.join(" "));
    });
  });
}

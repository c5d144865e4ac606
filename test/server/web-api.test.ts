import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { ingestPaths } from "../../src/registry/ingest.js";
import { buildApp } from "../../src/server/app.js";
import { type OpenedStore, SERIES_SYMBOLS, seriesFiles, storeFactories } from "../registry/stores.js";

/**
 * The routes the web pages read, on both databases: search by resolution, the reading view,
 * nearest symbols, a series with its gaps, the mandate table's filters, sorts, CSV and counts,
 * and the duplication report's filters.
 */

for (const factory of storeFactories()) {
  describe(`routes of the web pages on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    const get = (url: string) => app.inject({ method: "GET", url });

    before(async () => {
      db = await factory.open();
      assert.deepEqual((await ingestPaths(db.store, seriesFiles())).failed, []);
      app = await buildApp(db.store, { webRoot: null, location: db.location, loadShedding: false });
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test("search by resolution: title matches first, newest first; a symbol is recognised", async () => {
      const r = (await get("/api/search/resolutions?q=industrial%20development%20cooperation&facets=session,language")).json();
      assert.deepEqual(r.items.map((i: { symbol: string }) => i.symbol), [...SERIES_SYMBOLS].reverse());
      assert.ok(r.items.every((i: { titleMatch: boolean; paragraphs: { snippet: string }[] }) => i.titleMatch && i.paragraphs[0]!.snippet.includes("<mark>")));
      assert.deepEqual(r.facets.language, [{ value: "en", count: r.paragraphs }]);
      assert.equal((await get("/api/search/resolutions?q=79/222")).json().symbol, "A/RES/79/222");
      assert.equal((await get("/api/search/resolutions?q=A/RES/79/222")).json().symbol, "A/RES/79/222");
      assert.equal((await get("/api/search/resolutions?q=industrial")).json().symbol, null);
      assert.equal((await get("/api/search/resolutions?q=x&limit=51")).statusCode, 400);
      // a query the paragraph search refuses is refused here too, naming its problem
      const refused = await get("/api/search/resolutions?q=-only");
      assert.equal(refused.statusCode, 400);
      assert.match(refused.json().message, /^search-only-exclusions: /);
    });

    test("the reading view marks the mandates and names the held citations and what cites the document", async () => {
      const r = await get("/api/documents/A%2FRES%2F77%2F180/reading");
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.equal(body.summary.symbol, "A/RES/77/180");
      assert.ok(body.held.includes("A/RES/75/231"));
      assert.deepEqual(body.citedBy.map((c: { symbol: string }) => c.symbol), ["A/RES/79/222"]);
      assert.ok(body.reading.mandates.length > 5);
      assert.ok(body.versions.every((v: { sourceName: string | null }) => !v.sourceName?.includes("/")), "file names, never folders");
      assert.equal((await get("/api/documents/A%2FRES%2F1%2F999/reading")).statusCode, 404);
    });

    test("nearest symbols to one not held: the same session, closest numbers first", async () => {
      const r = (await get("/api/symbols/nearest?near=77/181")).json();
      assert.equal(r.symbol, "A/RES/77/181");
      assert.equal(r.nearest[0].symbol, "A/RES/77/180");
      assert.equal((await get("/api/symbols/nearest")).statusCode, 400);
    });

    test("a series with the earlier versions its recalling paragraphs name but the registry does not hold", async () => {
      const r = (await get("/api/series/79%2F222")).json();
      assert.deepEqual(r.series.members.map((m: { symbol: string }) => m.symbol), SERIES_SYMBOLS);
      const gaps = r.gaps.map((g: { symbol: string }) => g.symbol);
      for (const gap of ["A/RES/65/175", "A/RES/67/225", "A/RES/71/242"]) assert.ok(gaps.includes(gap), gap);
      assert.ok(!gaps.some((g: string) => SERIES_SYMBOLS.includes(g)));
      assert.equal(r.view.versions.length, 6);
      assert.equal((await get("/api/series/A%2FRES%2F1%2F999")).statusCode, 404);
    });

    test("the mandate table: strength, review clause and sort filters; the CSV holds exactly the rows; counts by group", async () => {
      const strong = (await get("/api/mandates?minForce=4&limit=200")).json();
      assert.ok(strong.total > 0 && strong.items.every((m: { force: number }) => m.force >= 4));
      const open = (await get("/api/mandates?reviewOrEnd=false&limit=200")).json();
      assert.ok(open.items.every((m: { hasReviewOrEnd: boolean }) => m.hasReviewOrEnd === false));
      const due = (await get("/api/mandates?sort=due&limit=200")).json();
      const sessions = due.items.map((m: { dueSession: number | null }) => m.dueSession).filter((s: number | null) => s !== null);
      assert.deepEqual(sessions, [...sessions].sort((a: number, b: number) => a - b));
      assert.equal((await get("/api/mandates?sort=sideways")).statusCode, 400);

      const unido = (await get("/api/mandates?actor=UNIDO&limit=200")).json();
      const csv = await get("/api/mandates.csv?actor=UNIDO");
      assert.match(csv.headers["content-type"] as string, /^text\/csv/);
      const lines = csv.body.trimEnd().split("\r\n");
      assert.equal(lines[0], "symbol,language,session,paragraph,sub,actor,actor_canonical,actor_type,verb,category,force,action,report,report_to,deliverable,due_session,deadline,recurrence,has_review_or_end,due_date,decision,end_date,end_duration,review_session,review_date,review_recurrence");
      assert.equal(lines.length - 1, unido.total);
      assert.ok(lines[1]!.startsWith(`${unido.items[0].symbol},en,${unido.items[0].session},${unido.items[0].ref},`));

      const groups = (await get("/api/mandates/groups?by=session&actor=UNIDO")).json().groups;
      assert.equal(groups.reduce((n: number, g: { mandates: number }) => n + g.mandates, 0), unido.total);
      assert.deepEqual(groups.map((g: { key: { session: number } }) => g.key.session).sort(), [63, 69, 73, 75, 77, 79]);
      assert.equal((await get("/api/mandates/groups?by=colour")).statusCode, 400);
    });

    test("the duplication report filtered by kind, actor and years, with a page of mandates per finding", async () => {
      // The first request starts the scan and is told to come back (503); it is a few seconds on six documents.
      for (let waited = 0; (await get("/api/duplicates?limit=1")).statusCode === 503 && waited < 180_000; waited += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const all = (await get("/api/duplicates?limit=500&mandates=1")).json();
      assert.equal(all.total, all.findings.length);
      assert.ok(all.findings.every((f: { mandates: unknown[]; mandateCount: number }) => f.mandates.length === 1 && f.mandateCount >= 1));
      const kind = (await get("/api/duplicates?kind=no-review-or-end&limit=500")).json();
      assert.ok(kind.total > 0 && kind.findings.every((f: { kind: string }) => f.kind === "no-review-or-end"));
      const actor = (await get("/api/duplicates?actor=industrial%20development%20organization&limit=500")).json();
      assert.ok(actor.total > 0 && actor.findings.every((f: { mandates: { actor: string }[] }) => f.mandates.some((m) => /industrial development organization/i.test(m.actor))));
      const recent = (await get("/api/duplicates?from=2020&limit=500")).json();
      assert.ok(recent.total > 0);
      assert.equal((await get("/api/duplicates?from=2030")).json().total, 0, "no resolution of the series opens a session after 2030");
      assert.ok(recent.findings.every((f: { mandates: { session: number }[] }) => f.mandates.some((m) => m.session + 1945 >= 2020)));
      assert.equal((await get("/api/duplicates?kind=triplicate")).statusCode, 400);
    });
  });
}

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { ingestPaths } from "../../src/registry/ingest.js";
import { buildApp } from "../../src/server/app.js";
import { type OpenedStore, SERIES_SYMBOLS, seriesFiles, storeFactories } from "../registry/stores.js";

/** The HTTP API through fastify's inject: status codes, error bodies, formats, the comparison routes and the OpenAPI document. */

for (const factory of storeFactories()) {
  describe(`HTTP API on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    const get = (url: string) => app.inject({ method: "GET", url });

    before(async () => {
      db = await factory.open();
      const summary = await ingestPaths(db.store, seriesFiles());
      assert.deepEqual(summary.failed, []);
      app = await buildApp(db.store);
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test("bad parameters are 400 with a JSON error naming the problem", async () => {
      for (const url of [
        "/api/documents?session=abc",
        "/api/documents?limit=0",
        "/api/documents?colour=blue",
        "/api/search?q=x&facets=session,shoe-size",
        "/api/search?q=-only",
        `/api/search?q=${"word ".repeat(120)}`,
        "/api/search?kind=chapter",
        "/api/mandates?due=eighty-first",
        "/api/documents/A_RES_79_222/citations?depth=9",
        "/api/documents/A_RES_79_222?format=pdf",
        "/api/series",
      ]) {
        const r = await get(url);
        assert.equal(r.statusCode, 400, url);
        const body = r.json();
        assert.deepEqual(Object.keys(body).sort(), ["error", "message", "statusCode"], url);
        assert.equal(body.statusCode, 400);
        assert.equal(body.error, "Bad Request");
        assert.ok(body.message.length > 5, url);
      }
      // a search the registry refuses: the message names the problem by its code (docs/problems.md)
      const refused = (await get("/api/search?q=-only")).json().message;
      assert.equal(refused, "search-only-exclusions: a search needs at least one word to look for, not only words to exclude");
      assert.match((await get("/api/search?q=x&offset=9999&limit=5")).json().message, /^search-beyond-window: /);
    });

    test("unknown symbols and routes are 404", async () => {
      for (const url of ["/api/documents/A%2FRES%2F99%2F999", "/api/documents/A_RES_99_999/citations", "/api/no/such/route"]) {
        const r = await get(url);
        assert.equal(r.statusCode, 404, url);
        assert.equal(r.json().statusCode, 404);
        assert.equal(r.json().error, "Not Found");
      }
      assert.match((await get("/api/documents/A_RES_99_999")).json().message, /A\/RES\/99\/999/);
    });

    test("a document by symbol as JSON with its versions, as its source text, and as Akoma Ntoso", async () => {
      const json = await get("/api/documents/A%2FRES%2F79%2F222");
      assert.equal(json.statusCode, 200);
      const body = json.json();
      assert.equal(body.summary.symbol, "A/RES/79/222");
      assert.equal(body.summary.title, "Industrial development cooperation");
      assert.equal(body.versions.length, 1);
      assert.equal(body.document.symbol, "A/RES/79/222");
      assert.ok(body.document.operative.length > 40);
      assert.ok(body.document.citations.some((c: { symbol: string }) => c.symbol === "A/RES/70/1"));

      const text = await get("/api/documents/79%2F222?format=text");
      assert.equal(text.statusCode, 200);
      assert.match(text.headers["content-type"] as string, /^text\/plain/);
      assert.match(text.body, /79\/222\.\tIndustrial development cooperation/);

      const akn = await get("/api/documents/A_RES_79_222?format=akn");
      if (akn.statusCode === 501) return; // no exporter in this build
      assert.equal(akn.statusCode, 200);
      assert.match(akn.headers["content-type"] as string, /xml/);
      assert.match(akn.body, /<akomaNtoso[\s>]/);
    });

    test("documents list, search, mandates, citations, series and statistics answer from the registry", async () => {
      const list = (await get("/api/documents?limit=2&offset=1")).json();
      assert.equal(list.total, 6);
      assert.deepEqual(list.items.map((d: { symbol: string }) => d.symbol), ["A/RES/77/180", "A/RES/75/231"]);

      const search = (await get("/api/search?q=%22industrial%20development%22&session=79&facets=kind,verb")).json();
      assert.ok(search.total > 0);
      assert.ok(search.hits.every((h: { symbol: string; snippet: string }) => h.symbol === "A/RES/79/222" && h.snippet.includes("<mark>")));
      assert.equal(search.facets.kind.reduce((n: number, f: { count: number }) => n + f.count, 0), search.total);

      const due = (await get("/api/mandates?due=71&report=true")).json();
      assert.ok(due.items.some((m: { symbol: string; ref: string }) => m.symbol === "A/RES/69/235" && m.ref === "operative.31"));
      const unido = (await get("/api/mandates?actor=UNIDO&limit=200")).json();
      assert.deepEqual([...new Set(unido.items.map((m: { symbol: string }) => m.symbol))].sort(), [...SERIES_SYMBOLS].sort());

      const cites = (await get("/api/documents/A_RES_79_222/citations?direction=out")).json();
      assert.ok(cites.edges.some((e: { to: string }) => e.to === "A/RES/70/1"));

      const series = (await get("/api/series?q=Industrial%20development%20cooperation")).json();
      assert.deepEqual(series.series[0].members.map((m: { symbol: string }) => m.symbol), SERIES_SYMBOLS);

      const stats = (await get("/api/stats")).json();
      assert.equal(stats.documents, 6);
      assert.deepEqual(stats.bySession.map((s: { session: number }) => s.session), [63, 69, 73, 75, 77, 79]);
      assert.ok(stats.byActor.some((a: { actor: string }) => a.actor === "United Nations Industrial Development Organization"));
      assert.ok(stats.reportsDueBySession.some((r: { session: number }) => r.session === 71));
    });

    test("where else a paragraph appears, with 404 for an unknown paragraph and 400 for a malformed reference", async () => {
      const r = await get("/api/documents/A_RES_79_222/paragraphs/operative.38/elsewhere");
      assert.equal(r.statusCode, 200);
      const body = r.json();
      assert.equal(body.symbol, "A/RES/79/222");
      assert.match(body.text, /^Encourages the promotion of South-South cooperation/);
      assert.ok(body.occurrences.some((o: { symbol: string; ref: string }) => o.symbol === "A/RES/75/231" && o.ref === "operative.30"));
      assert.equal((await get("/api/documents/A_RES_79_222/paragraphs/operative.999/elsewhere")).statusCode, 404);
      const bad = await get("/api/documents/A_RES_79_222/paragraphs/paragraph%2038/elsewhere");
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().message, /^"paragraph 38" is not a paragraph reference: write preamble\.N, operative\.N/);
      // letter case aside, as the CLI reads it
      assert.equal((await get("/api/documents/A_RES_79_222/paragraphs/Operative.38/elsewhere")).json().ref, "operative.38");
    });

    test("/openapi.json describes every route from the schemas the server validates with", async () => {
      const r = await get("/api/openapi.json");
      assert.equal(r.statusCode, 200);
      const doc = r.json();
      assert.equal(doc.openapi, "3.1.0");
      assert.deepEqual(Object.keys(doc.paths).sort(), [
        "/api/diff",
        "/api/documents",
        "/api/documents/{symbol}",
        "/api/documents/{symbol}/citations",
        "/api/documents/{symbol}/paragraphs/{ref}/elsewhere",
        "/api/documents/{symbol}/reading",
        "/api/duplicates",
        "/api/health",
        "/api/mandates",
        "/api/mandates.csv",
        "/api/mandates/groups",
        "/api/openapi.json",
        "/api/search",
        "/api/search/resolutions",
        "/api/series",
        "/api/series/{symbol}",
        "/api/stats",
        "/api/symbols/nearest",
      ]);
      for (const [path, item] of Object.entries<Record<string, { responses: Record<string, unknown>; parameters: { name: string; in: string }[] }>>(doc.paths)) {
        assert.ok(item.get!.responses["200"], `${path} documents its success`);
        for (const name of path.match(/\{(\w+)\}/g) ?? []) {
          assert.ok(item.get!.parameters.some((p) => p.in === "path" && `{${p.name}}` === name), `${path} declares ${name}`);
        }
      }
      const searchParameters = doc.paths["/api/search"].get.parameters.map((p: { name: string }) => p.name);
      for (const name of ["q", "session", "committee", "kind", "verb", "actor", "sdg", "hasReportDue", "facets", "limit", "offset"]) {
        assert.ok(searchParameters.includes(name), name);
      }
      const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
      assert.ok(refs.length > 0);
      for (const ref of refs) {
        const name = /#\/components\/schemas\/(\w+)"$/.exec(ref)?.[1];
        assert.ok(name && doc.components.schemas[name], `${ref} resolves`);
      }
    });

    test("/diff aligns 63/231 op. 20 with 69/235 op. 31 and names unknown symbols", async () => {
      const res = await get("/api/diff?from=A/RES/63/231&to=A/RES/69/235");
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      const pairs = JSON.stringify(body);
      assert.match(pairs, /"from":"operative\.20","to":"operative\.31"/);
      assert.equal((await get("/api/diff?from=A/RES/63/231&to=A/RES/1/999")).statusCode, 404);
      assert.equal((await get("/api/diff?from=A/RES/63/231")).statusCode, 400);
    });

    test("/duplicates ranks findings, limited on request", async () => {
      const res = await get("/api/duplicates?limit=5");
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.ok(Array.isArray(body.findings), "findings listed");
      assert.ok(body.findings.length > 0 && body.findings.length <= 5, `got ${body.findings.length}`);
      assert.equal((await get("/api/duplicates?limit=0")).statusCode, 400);
    });

    test("the OpenAPI document describes /diff and /duplicates", async () => {
      const paths = Object.keys((await get("/api/openapi.json")).json().paths);
      assert.ok(paths.includes("/api/diff") && paths.includes("/api/duplicates"), paths.join(" "));
    });
  });
}

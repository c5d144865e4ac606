import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { buildApp } from "../../src/server/app.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";
import { type OpenedStore, searchResult, seriesFiles, storeFactories } from "./stores.js";

/**
 * One document, every spelling: a symbol typed in full, in lower case, in its short form or as
 * a file name names the same document in the store, the HTTP API and the CLI, and a file named
 * after a symbol is filed under that document.
 */

const SPELLINGS = {
  "A/RES/79/222": ["A/RES/79/222", "79/222", "a/res/79/222", "A_RES_79_222"],
  "A/RES/69/235": ["A/RES/69/235", "69/235", "a/res/69/235", "a_res_69_235"],
  "S/RES/2719 (2023)": ["S/RES/2719 (2023)", "s/res/2719(2023)", "S_RES_2719_2023", "2719 (2023)"],
  "A/RES/75/290 B": ["A/RES/75/290 B", "75/290 B", "a/res/75/290 b", "A_RES_75_290_B"],
};
/** Resolutions the documents above cite, spelled as a search box may get them. */
const CITED = {
  "A/RES/70/1": ["A/RES/70/1", "a/res/70/1", "70/1", "A_RES_70_1"],
  "S/RES/2320 (2016)": ["S/RES/2320 (2016)", "s/res/2320(2016)", "S_RES_2320_2016", "2320 (2016)"],
};

function files(): string[] {
  const eosg = join(unpackedCorpus(), "eosg");
  return [
    ...seriesFiles(),
    join(eosg, "S_RES_2719(2023).en.paragraphs.json"),
    join(CORPUS, "ods", "A_RES_75_290_B.en.txt"),
    // the EOSG's paragraphs of the same resolution, named as EOSG names files
    join(eosg, "A_RES_75_290_B.en.paragraphs.json"),
  ];
}

/** Each spelling's answer, which must all be the same and not empty. */
async function sameForEvery<S, T>(spellings: S[], answer: (spelling: S) => Promise<T>, what: string): Promise<T> {
  const answers: T[] = [];
  for (const spelling of spellings) answers.push(await answer(spelling));
  const [first, ...others] = answers;
  assert.ok(first !== null && first !== undefined && JSON.stringify(first) !== "[]", `${what} ${String(spellings[0])}: nothing found`);
  others.forEach((other, i) => assert.deepEqual(other, first, `${what} ${String(spellings[i + 1])}`));
  return first!;
}

for (const factory of storeFactories()) {
  describe(`every spelling of a symbol on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    const get = async (url: string) => {
      const r = await app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 200)}`);
      return r.json();
    };

    before(async () => {
      db = await factory.open();
      const summary = await ingestPaths(db.store, files());
      assert.deepEqual(summary.failed, []);
      app = await buildApp(db.store);
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test("a file named after a symbol is a version of that document: the EOSG's 75/290 B is the ODS text's rendition", async () => {
      const stored = await db.store.getDocument("A/RES/75/290 B");
      assert.deepEqual(stored!.versions.map((v) => v.format).sort(), ["eosg", "ods"]);
      const listed = await db.store.listDocuments({ title: stored!.summary.title! }, { limit: 10, offset: 0 });
      assert.deepEqual(listed.items.map((d) => d.symbol), ["A/RES/75/290 B"]);
    });

    test("the store: documents, mandates, series, citations and a paragraph's other places", async () => {
      for (const [symbol, spellings] of Object.entries(SPELLINGS)) {
        const found = await sameForEvery(spellings, async (s) => (await db.store.getDocument(s))?.summary, "getDocument");
        assert.equal(found?.symbol, symbol);
        await sameForEvery(spellings, async (s) => (await db.store.mandates({ symbol: s }, { limit: 100, offset: 0 })).items, "mandates");
        await sameForEvery(spellings, (s) => db.store.citations(s, { direction: "out", depth: 1 }), "citations");
      }
      const series = await sameForEvery(SPELLINGS["A/RES/79/222"], (s) => db.store.series(s), "series");
      assert.equal(series[0]!.title, "Industrial development cooperation");
      await sameForEvery(SPELLINGS["A/RES/79/222"], (s) => db.store.paragraphOccurrences(s, "operative.38"), "paragraphOccurrences");
    });

    test("search: a symbol typed in any form finds the paragraphs citing it, by its short form", async () => {
      for (const spellings of Object.values(CITED)) {
        const hits = await sameForEvery(spellings, async (q) => (await searchResult(db.store, { query: q, filter: {}, page: { limit: 50, offset: 0 }, facets: [] })).hits.map((h) => `${h.symbol} ${h.ref}`), "search");
        assert.ok(hits.length > 0);
      }
    });

    test("the HTTP API: documents, citations, elsewhere, mandates, series, diff and search", async () => {
      for (const spellings of Object.values(SPELLINGS)) {
        const at = (s: string) => encodeURIComponent(s);
        await sameForEvery(spellings, async (s) => (await get(`/api/documents/${at(s)}`)).summary, "/documents");
        await sameForEvery(spellings, async (s) => await get(`/api/documents/${at(s)}/citations`), "/citations");
        await sameForEvery(spellings, async (s) => (await get(`/api/mandates?symbol=${at(s)}`)).items, "/mandates");
      }
      const at = encodeURIComponent;
      await sameForEvery(SPELLINGS["A/RES/79/222"], async (s) => await get(`/api/documents/${at(s)}/paragraphs/operative.38/elsewhere`), "/elsewhere");
      await sameForEvery(SPELLINGS["A/RES/79/222"], async (s) => await get(`/api/series?q=${at(s)}`), "/series");
      await sameForEvery(
        SPELLINGS["A/RES/79/222"].map((to, i) => [SPELLINGS["A/RES/69/235"][i]!, to] as const).map(([from, to]) => `from=${at(from)}&to=${at(to)}`),
        async (query) => await get(`/api/diff?${query}`),
        "/diff",
      );
      await sameForEvery(CITED["A/RES/70/1"], async (q) => (await get(`/api/search?q=${at(q)}`)).hits, "/search");
    });
  });
}

describe("every spelling of a symbol in the CLI", () => {
  let dir: string;
  let db: string;
  const run = async (...argv: string[]) => {
    const io = memoryIO();
    const code = await runCli([...argv, "--db", db], io);
    assert.equal(code, 0, `${argv.join(" ")}: ${io.err}`);
    return io.out;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "symbol-spellings-"));
    db = join(dir, "registry.db");
    await run("ingest", ...files());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("show, show --elsewhere, mandates --symbol, series, diff and search", async () => {
    for (const spellings of Object.values(SPELLINGS)) {
      const outline = await sameForEvery(spellings, (s) => run("show", s), "show");
      assert.match(outline, /^(A|S)\/RES\//);
      await sameForEvery(spellings, (s) => run("mandates", "--symbol", s, "--json"), "mandates --symbol");
    }
    await sameForEvery(SPELLINGS["A/RES/79/222"], (s) => run("show", s, "--elsewhere", "operative.38"), "show --elsewhere");
    await sameForEvery(SPELLINGS["A/RES/79/222"], (s) => run("series", s, "--json"), "series");
    await sameForEvery(
      SPELLINGS["A/RES/69/235"].map((from, i) => [from, SPELLINGS["A/RES/79/222"][i]!]),
      ([from, to]) => run("diff", from!, to!, "--json"),
      "diff",
    );
    for (const spellings of Object.values(CITED)) await sameForEvery(spellings, (q) => run("search", q, "--json"), "search");
  });
});

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
import { actorFiles, type OpenedStore, searchResult, storeFactories } from "./stores.js";

/**
 * An actor is one key and one entity everywhere: its abbreviation and its name, in any letter
 * case, and its spellings with or without a hyphen, ask the registry for the same mandates,
 * from the store, the HTTP API's mandates and search, and the CLI.
 */

const UNIDO = ["UNIDO", "United Nations Industrial Development Organization", "unido", "united nations industrial development organization"];
const COUNTER_TERRORISM = ["Counter-Terrorism Committee", "Counter Terrorism Committee"];

const page = { limit: 500, offset: 0 };

async function sameForEvery<T>(names: string[], answer: (name: string) => Promise<T>): Promise<T> {
  const first = await answer(names[0]!);
  for (const name of names.slice(1)) assert.deepEqual(await answer(name), first, name);
  return first;
}

for (const factory of storeFactories()) {
  describe(`one actor, every name, on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    const get = async (url: string) => {
      const r = await app.inject({ method: "GET", url });
      assert.equal(r.statusCode, 200, r.body);
      return r.json();
    };

    before(async () => {
      db = await factory.open();
      assert.deepEqual((await ingestPaths(db.store, actorFiles(), { workers: 0 })).failed, []);
      app = await buildApp(db.store);
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test("UNIDO's abbreviation and name find the same mandates, its Director-General's among them", async () => {
      const mandates = await sameForEvery(UNIDO, async (actor) => (await db.store.mandates({ actor }, page)).items.map((m) => `${m.symbol} ${m.ref} ${m.actor}`));
      assert.ok(mandates.some((m) => m.startsWith("A/RES/79/222 ")), "the series' mandates to UNIDO");
      for (const symbol of ["A/RES/80/257", "A/RES/70/293"]) {
        assert.ok(mandates.some((m) => m.startsWith(`${symbol} `) && / Director General of the United Nations Industrial Development Organization$/.test(m)), symbol);
      }
      const documents = await sameForEvery(UNIDO, async (actor) => (await db.store.listDocuments({ actor }, page)).items.map((d) => d.symbol));
      assert.ok(documents.includes("A/RES/70/293"));
    });

    test("a name with or without its hyphen is one actor: one filter, one facet", async () => {
      const mandates = await sameForEvery(COUNTER_TERRORISM, async (actor) => (await db.store.mandates({ actor }, page)).items.map((m) => m.symbol));
      assert.deepEqual([...new Set(mandates)].sort(), ["S/RES/1624 (2005)", "S/RES/2322 (2016)"]);
      const search = await sameForEvery(COUNTER_TERRORISM, async (actor) => {
        const r = await searchResult(db.store, { query: "", filter: { actor }, page, facets: ["actor"] });
        return { hits: r.hits.map((h) => `${h.symbol} ${h.ref}`), facet: r.facets.actor };
      });
      const committee = search.facet!.filter((f) => /^counter.terrorism committee$/i.test(f.value));
      assert.equal(committee.length, 1, "one facet value for both spellings");
      assert.equal(committee[0]!.count, search.hits.length);
      const byActor = (await db.store.statistics()).byActor.filter((a) => /^counter.terrorism committee$/i.test(a.actor));
      assert.equal(byActor.length, 1, "statistics count it once too");
      const groups = await db.store.mandateGroups({ actor: "Counter-Terrorism Committee" }, ["actor"]);
      assert.equal(groups.filter((g) => /^counter.terrorism committee$/i.test(String(g.key.actor))).length, 1, "and so do the mandate groups");
    });

    test("search's actor filter and facet, and the API's mandates, read UNIDO by either name", async () => {
      const hits = await sameForEvery(UNIDO, async (actor) => {
        const r = await searchResult(db.store, { query: "industrial", filter: { actor }, page, facets: ["actor", "session"] });
        return { hits: r.hits.map((h) => `${h.symbol} ${h.ref}`), facets: r.facets };
      });
      assert.ok(hits.hits.length > 10);
      await sameForEvery(UNIDO, async (actor) => (await get(`/api/mandates?actor=${encodeURIComponent(actor)}&limit=200`)).items);
      await sameForEvery(UNIDO, async (actor) => await get(`/api/search?actor=${encodeURIComponent(actor)}&facets=actor`));
      await sameForEvery(UNIDO, async (actor) => (await get(`/api/documents?actor=${encodeURIComponent(actor)}`)).items);
    });
  });
}

describe("one actor, every name, in the CLI", () => {
  let dir: string;
  let db: string;
  const run = async (...argv: string[]) => {
    const io = memoryIO();
    const code = await runCli([...argv, "--db", db], io);
    assert.equal(code, 0, io.err);
    return io.out;
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "actors-cli-"));
    db = join(dir, "registry.db");
    await run("ingest", ...actorFiles());
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("mandates --actor and search --actor --facets", async () => {
    const listed = await sameForEvery(UNIDO, (actor) => run("mandates", "--actor", actor, "--limit", "500"));
    assert.match(listed, /A\/RES\/80\/257 operative\.\d+ {2}Director General of the United Nations Industrial Development Organization: /);
    await sameForEvery(UNIDO, (actor) => run("search", "--actor", actor, "--facets", "--json"));
    await sameForEvery(COUNTER_TERRORISM, (actor) => run("mandates", "--actor", actor, "--json"));
  });
});

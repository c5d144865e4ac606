import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { memoryIO } from "../../src/cli/io.js";
import { runCli } from "../../src/cli/program.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { MIGRATIONS } from "../../src/registry/migrations/index.js";
import { buildApp } from "../../src/server/app.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";
import { type OpenedStore, SERIES_SYMBOLS, seriesFiles, storeFactories } from "./stores.js";

/**
 * Series by what they renew, in the registry: the UNDOF renewals of the Security Council have no
 * titles, the Human Rights Council's of its South Sudan commission changed theirs; the registry groups them by the mandate they renew (compare/series-groups.ts), lists
 * them in order, serves them to the series page, and migration 21 computes them for a registry
 * written before.
 */

const UNDOF = ["S/RES/350 (1974)", "S/RES/363 (1974)", "S/RES/420 (1977)", "S/RES/756 (1992)", "S/RES/2766 (2024)"];
const UNIFIL = ["S/RES/444 (1979)", "S/RES/483 (1980)"];
const councilFiles = () => [
  ...["S_RES_420_1977", "S_RES_756_1992", "S_RES_350_1974", "S_RES_444_1979", "S_RES_363_1974", "S_RES_483_1980"].map((n) => join(CORPUS, "sc", "cr-unsc", `${n}.en.txt`)),
  join(unpackedCorpus(), "eosg", "S_RES_2766(2024).en.paragraphs.json"),
];
/** The Human Rights Council's renewals of the Commission on Human Rights in South Sudan, under two titles. */
const SOUTH_SUDAN = ["A/HRC/RES/43/27", "A/HRC/RES/46/23", "A/HRC/RES/52/1", "A/HRC/RES/55/1"];
const humanRightsFiles = () => SOUTH_SUDAN.map((s) => join(unpackedCorpus(), "eosg", `${s.replace(/\//g, "_")}.en.paragraphs.json`));

for (const factory of storeFactories()) {
  describe(`series by what they renew on ${factory.dialect}`, () => {
    let db: OpenedStore;
    before(async () => {
      db = await factory.open();
      const summary = await ingestPaths(db.store, [...councilFiles(), ...humanRightsFiles(), ...seriesFiles()], { workers: 0 });
      assert.deepEqual(summary.failed, []);
      assert.equal(summary.series, 4);
    });
    after(async () => db?.dispose());

    test("S/RES/420 (1977) is in the UNDOF renewals, held in order, found from any member or by the body's name", async () => {
      const [undof, ...others] = await db.store.series("S/RES/420 (1977)");
      assert.equal(others.length, 0);
      assert.deepEqual(
        [undof!.key, undof!.title, undof!.body, undof!.language],
        ["SC:en:united-nations-disengagement-observer-force-undof", "United Nations Disengagement Observer Force (UNDOF)", "SC", "en"],
      );
      assert.deepEqual(undof!.members.map((m) => m.symbol), UNDOF);
      assert.deepEqual(undof!.members.map((m) => m.adoptionDate?.slice(0, 4)), ["1974", "1974", "1977", "1992", "2024"]);
      assert.deepEqual((await db.store.series("S_RES_2766_2024")).map((s) => s.key), [undof!.key]);
      assert.deepEqual((await db.store.series("Disengagement Observer Force")).map((s) => s.key), [undof!.key]);
      assert.deepEqual((await db.store.series("S/RES/483 (1980)"))[0]!.members.map((m) => m.symbol), UNIFIL);
      assert.deepEqual((await db.store.series("Industrial development cooperation"))[0]!.members.map((m) => m.symbol), SERIES_SYMBOLS);
    });

    test("the series page's route: the versions, no gaps named, the life of each paragraph across 1974-2024", async () => {
      const app = await buildApp(db.store);
      try {
        const r = await app.inject({ method: "GET", url: `/api/series/${encodeURIComponent("S/RES/420 (1977)")}` });
        assert.equal(r.statusCode, 200, r.body);
        const body = r.json();
        assert.deepEqual(body.series.members.map((m: { symbol: string }) => m.symbol), UNDOF);
        assert.deepEqual(body.gaps, []);
        assert.equal(body.view.title, "United Nations Disengagement Observer Force (UNDOF)");
        assert.deepEqual(body.view.versions.map((v: { symbol: string }) => v.symbol), UNDOF);
      } finally {
        await app.close();
      }
    });

    test("the Human Rights Council's renewals: one series in session order, found by its title; the page names the lineage before it", async () => {
      const [southSudan, ...others] = await db.store.series("human rights in South Sudan");
      assert.equal(others.length, 0);
      assert.deepEqual([southSudan!.body, southSudan!.title], ["HRC", "Advancing human rights in South Sudan"]);
      assert.deepEqual(southSudan!.members.map((m) => m.symbol), SOUTH_SUDAN);
      assert.deepEqual((await db.store.series("A/HRC/RES/43/27")).map((s) => s.key), [southSudan!.key]);

      const app = await buildApp(db.store);
      try {
        const r = await app.inject({ method: "GET", url: `/api/series/${encodeURIComponent("A/HRC/RES/55/1")}` });
        assert.equal(r.statusCode, 200, r.body);
        const body = r.json();
        assert.deepEqual(body.view.versions.map((v: { symbol: string }) => v.symbol), SOUTH_SUDAN);
        assert.deepEqual(
          body.gaps.map((g: { symbol: string; session: number }) => [g.symbol, g.session]),
          [["A/HRC/RES/31/20", 31], ["A/HRC/RES/34/25", 34], ["A/HRC/RES/37/31", 37], ["A/HRC/RES/40/19", 40]],
        );
      } finally {
        await app.close();
      }

      const byTitle = memoryIO();
      assert.equal(await runCli(["series", "Advancing human rights in South Sudan", "--db", db.location, "--json"], byTitle), 0, byTitle.err);
      const views = byTitle.out.trim().split("\n").map((line) => JSON.parse(line));
      assert.deepEqual(views.map((v: { title: string }) => v.title), ["Advancing human rights in South Sudan"]);
      assert.deepEqual(views[0].versions.map((v: { symbol: string }) => v.symbol), SOUTH_SUDAN);
    });

    test("mandates series and mandates duplicates on the registry: one series of five renewals, no mandate 'in five series'", async () => {
      const series = memoryIO();
      assert.equal(await runCli(["series", "S/RES/420 (1977)", "--db", db.location, "--json"], series), 0, series.err);
      assert.deepEqual(JSON.parse(series.out).versions.map((v: { symbol: string }) => v.symbol), UNDOF);
      const duplicates = memoryIO();
      assert.equal(await runCli(["duplicates", "--db", db.location, "--json"], duplicates), 0, duplicates.err);
      const report = JSON.parse(duplicates.out);
      // the four series of the registry, and no document alone
      assert.equal(report.scanned.series, 4);
      assert.equal(report.scanned.documents, 17);
      const undof = report.findings.filter((f: { mandates: { symbol: string }[] }) => f.mandates.some((m) => UNDOF.includes(m.symbol)));
      assert.ok(undof.length > 0);
      for (const f of undof) assert.deepEqual(f.series, ["United Nations Disengagement Observer Force (UNDOF)"], f.summary);
    });
  });

  describe(`migration 21 on ${factory.dialect}`, () => {
    // Migrations 14 to 20 belong to other work: a registry goes from 13 to 21 over the gap.
    const recorded = async (db: OpenedStore) => (await db.query("SELECT id FROM schema_migrations ORDER BY id")).map((r) => Number(r.id));
    const upToThirteen = Array.from({ length: 13 }, (_, i) => i + 1);

    test("a new registry records every migration of the list, 1 to 13 and 21, and a second run applies nothing", async () => {
      const db = await factory.open();
      try {
        const ids = MIGRATIONS.map((m) => m.id);
        assert.ok(ids.includes(21));
        assert.deepEqual(ids, [...ids].sort((a, b) => a - b), "the list is in id order");
        assert.deepEqual(await recorded(db), ids);
        assert.deepEqual(ids.filter((id) => id <= 13), upToThirteen);
        const again = await db.store.migrate();
        assert.ok(again.every((r) => r.status === "already-applied"));
      } finally {
        await db.dispose();
      }
    });

    test("a registry before migration 21 gets the series facts, its title keys by the one rule, and its series recomputed", async () => {
      const db = await factory.open();
      try {
        await ingestPaths(db.store, [...councilFiles(), ...humanRightsFiles(), ...seriesFiles()], { workers: 0 });
        const listing = async () =>
          (await db.query("SELECT s.key, s.title, d.symbol FROM series s JOIN series_members m ON m.series_id = s.id JOIN documents d ON d.id = m.document_id ORDER BY s.key, m.position")).map(
            (r) => `${r.key} ${r.title} ${r.symbol}`,
          );
        const facts = async () => (await db.query("SELECT symbol, title_key, series_facts FROM documents ORDER BY symbol")).map((r) => JSON.stringify(r));
        const expected = { listing: await listing(), facts: await facts() };
        assert.equal(expected.listing.length, 17);

        // As the registry was before: no series_facts, the old title keys, series of titles alone (none for the Councils).
        await db.query("ALTER TABLE documents DROP COLUMN series_facts");
        await db.query("UPDATE documents SET title_key = lower(title)");
        await db.query("DELETE FROM series_members");
        await db.query("DELETE FROM series WHERE key LIKE 'SC:%' OR key LIKE 'HRC:%'");
        await db.query("DELETE FROM schema_migrations WHERE id = 21");
        const before = MIGRATIONS.map((m) => m.id).filter((id) => id !== 21);
        assert.deepEqual(await recorded(db), before);

        const upgrades: number[] = [];
        const results = await db.store.migrate({ onUpgrade: (m) => upgrades.push(m.id) });
        assert.deepEqual(results.filter((r) => r.status === "applied").map((r) => r.id), [21]);
        assert.deepEqual(upgrades, [21], "the user is told of the upgrade");
        assert.deepEqual(await recorded(db), MIGRATIONS.map((m) => m.id));
        assert.deepEqual({ listing: await listing(), facts: await facts() }, expected);
      } finally {
        await db.dispose();
      }
    });
  });
}

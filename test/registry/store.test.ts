import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { enrich } from "../../src/enrich/index.js";
import { readResolution } from "../../src/ingest/read.js";
import { ingestPaths } from "../../src/registry/ingest.js";
import { DOCUMENT_SPAN, MAX_RECENCY, PARAGRAPH_ID_SPAN, prepareDocument, prepareRendition } from "../../src/registry/rows.js";
import type { FacetName } from "../../src/registry/store.js";
import { CORPUS, listFiles, ROOT, unpackedCorpus } from "../helpers/corpus.js";
import { type OpenedStore, SERIES_SYMBOLS, searchResult, seriesFiles, storeFactories } from "./stores.js";

/** One contract, every store: the same assertions on SQLite and (with DATABASE_URL) PostgreSQL. */

const UNIDO = "United Nations Industrial Development Organization";
const page = (limit = 500) => ({ limit, offset: 0 });

for (const factory of storeFactories()) {
  /** A registry of a test's own, for a test that loads other documents or rewrites the schema. */
  const withOwnStore = async (work: (db: OpenedStore) => Promise<void>) => {
    const db = await factory.open();
    try {
      await work(db);
    } finally {
      await db.dispose();
    }
  };

  describe(`registry on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let scratch: string;

    before(async () => {
      db = await factory.open();
      scratch = mkdtempSync(join(tmpdir(), "registry-files-"));
      const summary = await ingestPaths(db.store, seriesFiles());
      assert.deepEqual(summary.failed, []);
      assert.equal(summary.added, 6);
    });
    after(async () => {
      await db?.dispose();
      rmSync(scratch, { recursive: true, force: true });
    });

    test("migrations are recorded and a second run applies nothing", async () => {
      const results = await db.store.migrate();
      assert.ok(results.length >= 2);
      assert.ok(results.every((r) => r.status === "already-applied"));
    });

    test('the series "Industrial development cooperation" lists its six resolutions in session order', async () => {
      const [series, ...others] = await db.store.series("Industrial development cooperation");
      assert.equal(others.length, 0);
      assert.deepEqual(series!.members.map((m) => m.symbol), SERIES_SYMBOLS);
      assert.deepEqual(series!.members.map((m) => m.session), [63, 69, 73, 75, 77, 79]);
      // the same series is found from any member's symbol, in any spelling
      for (const spelling of ["A/RES/73/247", "73/247", "A_RES_73_247"]) {
        assert.deepEqual((await db.store.series(spelling)).map((s) => s.key), [series!.key], spelling);
      }
    });

    test("mandates addressed to UNIDO come from every resolution of the series, each an operative paragraph of it", async () => {
      const result = await db.store.mandates({ actor: "UNIDO" }, page());
      assert.equal(result.total, result.items.length);
      assert.deepEqual([...new Set(result.items.map((m) => m.symbol))].sort(), [...SERIES_SYMBOLS].sort());
      for (const m of result.items) {
        assert.equal(m.actorCanonical, UNIDO);
        const stored = await db.store.getDocument(m.symbol);
        const paragraph = stored!.document.operative.find((p) => `operative.${p.number}` === m.ref);
        assert.ok(paragraph, `${m.symbol} ${m.ref} exists`);
        assert.ok(paragraph.mandates.some((x) => x.actorCanonical === UNIDO), `${m.symbol} ${m.ref} addresses UNIDO`);
      }
      // the abbreviation, the full name and a part of it find the same mandates
      const byName = await db.store.mandates({ actor: UNIDO }, page());
      assert.equal(byName.total, result.total);
      const partial = await db.store.mandates({ actor: "industrial development organization" }, page());
      assert.equal(partial.total, result.total);
    });

    test("reports due at the seventy-first session include 69/235 paragraph 31", async () => {
      const due = await db.store.mandates({ dueSession: 71, report: true }, page());
      const hit = due.items.find((m) => m.symbol === "A/RES/69/235" && m.ref === "operative.31");
      assert.ok(hit, JSON.stringify(due.items.map((m) => [m.symbol, m.ref])));
      assert.equal(hit.actorCanonical, "Secretary-General");
      assert.ok(due.items.every((m) => m.dueSession === 71 && m.report));
      const stats = await db.store.statistics();
      assert.equal(stats.reportsDueBySession.find((r) => r.session === 71)?.reports, due.total);
    });

    test("79/222 cites 70/1, and what cites 63/231 is the rest of its series", async () => {
      const out = await db.store.citations("A/RES/79/222", { direction: "out", depth: 1 });
      assert.ok(out!.edges.some((e) => e.from === "A/RES/79/222" && e.to === "A/RES/70/1"));
      assert.equal(out!.nodes.find((n) => n.symbol === "A/RES/70/1")?.inRegistry, false);
      assert.equal(out!.nodes.find((n) => n.symbol === "A/RES/77/180")?.inRegistry, true);

      const cited = await db.store.citations("63/231", { direction: "in", depth: 1 });
      assert.deepEqual([...new Set(cited!.edges.map((e) => e.from))].sort(), SERIES_SYMBOLS.slice(1));
      assert.ok(cited!.edges.every((e) => e.to === "A/RES/63/231"));
    });

    test("citation chains follow documents held in the registry", async () => {
      const direct = await db.store.citations("79/222", { direction: "out", depth: 1 });
      const chain = await db.store.citations("79/222", { direction: "out", depth: 2 });
      assert.ok(direct!.edges.every((e) => e.from === "A/RES/79/222"));
      const secondHop = chain!.edges.filter((e) => e.from !== "A/RES/79/222");
      assert.ok(secondHop.length > 0);
      const heldFirstHop = new Set(direct!.nodes.filter((n) => n.inRegistry && n.symbol !== "A/RES/79/222").map((n) => n.symbol));
      assert.ok(secondHop.every((e) => heldFirstHop.has(e.from)), "only documents in the registry are followed");
      assert.equal(await db.store.citations("A/RES/99/999", { direction: "out", depth: 1 }), null);
    });

    test("full-text search ranks paragraphs, highlights the words and counts facets", async () => {
      const result = await searchResult(db.store, { query: "industrial development", filter: {}, page: page(20), facets: ["session", "kind", "actor"] });
      assert.ok(result.total > 20);
      assert.equal(result.hits.length, 20);
      for (let i = 1; i < result.hits.length; i++) assert.ok(result.hits[i - 1]!.score >= result.hits[i]!.score, "ranked by score");
      for (const hit of result.hits) assert.match(hit.snippet, /<mark>[^<]*(industr|develop)[^<]*<\/mark>/i);
      const sessions = result.facets.session!;
      assert.equal(sessions.reduce((n, f) => n + f.count, 0), result.total);
      assert.deepEqual(sessions.map((f) => f.value).sort(), ["63", "69", "73", "75", "77", "79"]);
      assert.ok(result.facets.actor!.some((f) => f.value === UNIDO));
    });

    test("search filters narrow hits to what they name", async () => {
      const in69 = await searchResult(db.store, { query: "industrial", filter: { session: 69, kind: "operative" }, page: page(50), facets: [] });
      assert.ok(in69.total > 0);
      assert.ok(in69.hits.every((h) => h.symbol === "A/RES/69/235" && h.kind === "operative"));

      const requests = await searchResult(db.store, { query: "", filter: { verb: "requests", actor: "Secretary-General" }, page: page(100), facets: [] });
      assert.ok(requests.total > 0);
      assert.ok(requests.hits.every((h) => h.phrase === "requests"));

      const reports = await searchResult(db.store, { query: "report", filter: { hasReportDue: true }, page: page(50), facets: ["hasReportDue"] });
      assert.ok(reports.hits.some((h) => h.symbol === "A/RES/69/235" && h.ref === "operative.31"));
      assert.deepEqual(reports.facets.hasReportDue, [{ value: "true", count: reports.total }]);

      const phrase = await searchResult(db.store, { query: '"South-South cooperation" -triangular', filter: {}, page: page(50), facets: [] });
      assert.ok(phrase.total > 0);
      for (const hit of phrase.hits) {
        const text = hit.snippet.replace(/<\/?mark>/g, "");
        assert.doesNotMatch(text, /triangular/i);
      }
      const refused = async (query: string, offset = 0) => {
        const outcome = await db.store.search({ query, filter: {}, page: { limit: 10, offset }, facets: [] });
        return outcome.ok ? [] : outcome.problems.map((p) => [p.code, p.severity]);
      };
      assert.deepEqual(await refused("-only -negations"), [["search-only-exclusions", "error"]]);
      assert.deepEqual(await refused("industrial ".repeat(51)), [["search-too-long", "error"]]);
      assert.deepEqual(await refused(Array.from({ length: 33 }, (_, i) => `word${i}`).join(" ")), [["search-too-many-terms", "error"]]);
      assert.deepEqual(await refused("industrial", 9_995), [["search-beyond-window", "error"]]);
    });

    test("a prefix finds the words it begins as they are written, not the engine's stems, with or without diacritics", async () => {
      const search = async (query: string) => (await searchResult(db.store, { query, filter: {}, page: page(), facets: [] })).hits.map((h) => `${h.symbol} ${h.ref}`);
      // porter's stem of "sustainable" is "sustain": the engines' own prefix search found almost none of them
      const sustainable = await search("sustainable");
      const prefixed = await search("sustainab*");
      assert.ok(sustainable.length > 20, `${sustainable.length} paragraphs`);
      assert.deepEqual(sustainable.filter((hit) => !prefixed.includes(hit)), []);
      const marked = (await searchResult(db.store, { query: "communit*", filter: {}, page: page(), facets: [] })).hits;
      assert.ok(marked.length > 5 && marked.every((h) => /<mark>communit(y|ies)<\/mark>/i.test(h.snippet)), "communit* marks community and communities");
      assert.deepEqual((await search("dévelop*")).sort(), (await search("develop*")).sort());
      const without = (await searchResult(db.store, { query: "industrial -sustainab*", filter: {}, page: page(), facets: [] })).hits;
      assert.ok(without.length > 0 && without.every((h) => !/sustainab/i.test(h.snippet)));
      // a prefix ranked beside another word is counted by its words too
      const ranked = await searchResult(db.store, { query: "industri* cooperation", filter: {}, page: page(10), facets: [] });
      assert.ok(ranked.hits.length === 10 && ranked.hits[0]!.score > 0);
    });

    test("documents list with filters and paging", async () => {
      const all = await db.store.listDocuments({}, { limit: 4, offset: 0 });
      assert.equal(all.total, 6);
      assert.deepEqual(all.items.map((d) => d.session), [79, 77, 75, 73]);
      const rest = await db.store.listDocuments({}, { limit: 4, offset: 4 });
      assert.deepEqual(rest.items.map((d) => d.symbol), ["A/RES/69/235", "A/RES/63/231"]);
      const second = await db.store.listDocuments({ committee: "second committee", year: 2014 }, page());
      assert.deepEqual(second.items.map((d) => d.symbol), ["A/RES/69/235"]);
      const titled = await db.store.listDocuments({ title: "development coop", actor: "UNIDO" }, page());
      assert.equal(titled.total, 6);
    });

    test("the same bytes twice change nothing", async () => {
      const before = await db.store.statistics();
      const again = await ingestPaths(db.store, seriesFiles());
      assert.deepEqual({ added: again.added, updated: again.updated, unchanged: again.unchanged, failed: again.failed }, { added: 0, updated: 0, unchanged: 6, failed: [] });
      assert.deepEqual(await db.store.statistics(), before);
    });

    test("a corrected file becomes version 2 of the same document; version 1 stays readable", async () => {
      const original = readFileSync(join(CORPUS, "seeds", "A_RES_69_235.en.txt"), "utf8");
      assert.match(original, /Requests the Secretary-General to submit/);
      const corrected = join(scratch, "A_RES_69_235.en.txt");
      writeFileSync(corrected, original.replace("Requests the Secretary-General to submit", "Requests the Secretary-General to transmit"));
      const summary = await ingestPaths(db.store, [corrected]);
      assert.deepEqual([summary.added, summary.updated, summary.unchanged], [0, 1, 0]);

      const current = await db.store.getDocument("A/RES/69/235");
      assert.deepEqual(current!.versions.map((v) => [v.number, v.current]), [[1, false], [2, true]]);
      assert.equal(current!.summary.version, 2);
      assert.match(current!.document.source.text, /to transmit/);
      const first = await db.store.getDocument("A/RES/69/235", { version: 1 });
      assert.match(first!.document.source.text, /to submit to the General Assembly at its seventy-first session/);

      const found = await searchResult(db.store, { query: "transmit", filter: { session: 69 }, page: page(), facets: [] });
      assert.deepEqual(found.hits.map((h) => h.ref), ["operative.31"]);
      // the replaced wording left the index; the unchanged paragraphs are found as before
      const replaced = await searchResult(db.store, { query: '"Secretary-General to submit to the General Assembly at its seventy-first session"', filter: { session: 69 }, page: page(), facets: [] });
      assert.deepEqual(replaced.hits, []);
      const unchanged = await searchResult(db.store, { query: "middle-income eradicate", filter: { session: 69 }, page: page(), facets: [] });
      assert.ok(unchanged.hits.some((h) => h.symbol === "A/RES/69/235" && h.ref === "operative.29"));
      assert.equal((await db.store.listDocuments({}, page())).total, 6);
    });

    test("a version with fewer paragraphs: the dropped paragraph leaves the document and the index", async () => {
      const text = readFileSync(join(scratch, "A_RES_69_235.en.txt"), "utf8");
      const shorter = join(scratch, "shorter", "A_RES_69_235.en.txt");
      mkdirSync(dirname(shorter), { recursive: true });
      writeFileSync(shorter, text.replace(/\t31\.\tRequests the Secretary-General to transmit[^\n]*\n/, ""));
      assert.deepEqual((await ingestPaths(db.store, [shorter])).updated, 1);
      const current = await db.store.getDocument("A/RES/69/235");
      assert.equal(current!.summary.version, 3);
      assert.deepEqual(current!.document.operative.map((p) => p.number), Array.from({ length: 30 }, (_, i) => i + 1));
      assert.deepEqual((await searchResult(db.store, { query: "transmit", filter: { session: 69 }, page: page(), facets: [] })).hits, []);
      const kept = await searchResult(db.store, { query: "effectiveness capacities", filter: { session: 69 }, page: page(), facets: [] });
      assert.ok(kept.hits.some((h) => h.symbol === "A/RES/69/235" && h.ref === "operative.30"));
    });

    test("where else a paragraph appears: the same operative paragraph restated across the series", async () => {
      const found = await db.store.paragraphOccurrences("A/RES/79/222", "operative.38");
      assert.ok(found);
      assert.match(found.text, /^Encourages the promotion of South-South cooperation, triangular cooperation/);
      assert.deepEqual(
        found.occurrences.map((o) => `${o.symbol} ${o.ref}`),
        ["A/RES/77/180 operative.30", "A/RES/75/231 operative.30", "A/RES/73/247 operative.29"],
      );
      assert.ok(found.occurrences.every((o) => o.kind === "operative" && o.title === "Industrial development cooperation"));
      assert.equal(await db.store.paragraphOccurrences("A/RES/79/222", "operative.999"), null);
      assert.equal(await db.store.paragraphOccurrences("A/RES/1/1", "operative.1"), null);
    });

    test("a batch write stores its good documents and fails only the one that cannot be written", async () => {
      const read = async (file: string) => {
        const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: file });
        assert.ok(parsed.ok, file);
        return prepareDocument(enrich(parsed.document));
      };
      const good = await read(join(CORPUS, "ods", "A_RES_75_10.en.txt"));
      const bad = await read(join(CORPUS, "ods", "A_RES_75_100.en.txt"));
      // a paragraph without text breaks the schema's NOT NULL: the database refuses the row
      (bad.rows!.paragraphs[0] as { text: string | null }).text = null;
      const source = (name: string) => ({ sha256: `batch-${name}`, format: "ods" as const, name, byteLength: 1 });
      const results = await db.store.putPreparedMany([
        { prepared: bad, source: source("bad") },
        { prepared: good, source: source("good") },
      ]);
      assert.equal(results[0]!.status, "failed");
      assert.match((results[0] as { reason: string }).reason, /NOT NULL|null value/i);
      assert.deepEqual(results[1], { status: "added", symbol: "A/RES/75/10", language: "en", version: 1 });
      assert.equal(await db.store.getDocument("A/RES/75/100"), null);
      assert.equal((await db.store.getDocument("A/RES/75/10"))?.summary.symbol, "A/RES/75/10");
      // Both documents' words reach the dictionary, the refused one's too: an ingest worker hands
      // each word over once, with the first document that holds it, whatever becomes of that document.
      const dictionary = new Set((await db.query("SELECT word FROM search_words")).map((r) => String(r.word)));
      assert.deepEqual([...good.rows!.words, ...bad.rows!.words].filter((word) => !dictionary.has(word)), []);
    });

    test("a bad file is reported with its reasons and the others are stored", async () => {
      const folder = join(scratch, "mixed");
      mkdirSync(join(folder, "nested"), { recursive: true });
      writeFileSync(join(folder, "notes.txt"), "Shopping list\n\nmilk, bread, and a resolution to buy fewer things\n");
      writeFileSync(join(folder, "nested", "broken.pdf"), "%PDF-1.7\nthis PDF has no objects at all\n");
      copyFileSync(join(CORPUS, "ods", "A_RES_75_1.en.txt"), join(folder, "nested", "A_RES_75_1.en.txt"));
      const summary = await ingestPaths(db.store, [folder, join(folder, "missing.txt")]);
      assert.equal(summary.files, 4);
      assert.equal(summary.added, 1);
      assert.deepEqual(summary.failed.map((f) => f.file.slice(folder.length + 1)).sort(), ["missing.txt", "nested/broken.pdf", "notes.txt"]);
      for (const f of summary.failed) assert.ok(f.reasons.length > 0 && f.reasons.every((r) => r.length > 10), f.file);
      assert.equal((await db.store.getDocument("A/RES/75/1"))?.summary.title, "Declaration on the commemoration of the seventy-fifth anniversary of the United Nations");
    });

    test("renditions: the UN's XML becomes current over the ODS text held; an ODS text after it is kept as a version, not made current", async () => {
      const upgraded = await ingestPaths(db.store, [join(unpackedCorpus(), "akn", "en", "A_RES_75_1.en.xml")]);
      assert.deepEqual([upgraded.added, upgraded.updated, upgraded.renditions, upgraded.failed.length], [0, 1, 0, 0]);
      const text = readFileSync(join(CORPUS, "ods", "A_RES_75_1.en.txt"), "utf8");
      assert.match(text, /We applaud all health-care/);
      const lesser = join(scratch, "rendition", "A_RES_75_1.en.txt");
      mkdirSync(dirname(lesser), { recursive: true });
      const edited = text.replace("We applaud all health-care", "We salute all health-care");
      writeFileSync(lesser, edited);
      const kept = await ingestPaths(db.store, [lesser]);
      assert.deepEqual([kept.added, kept.updated, kept.renditions, kept.unchanged], [0, 0, 1, 0]);

      const stored = await db.store.getDocument("A/RES/75/1");
      assert.deepEqual(stored!.versions.map((v) => [v.number, v.format, v.current]), [[1, "ods", false], [2, "akn", true], [3, "ods", false]]);
      assert.deepEqual([stored!.summary.format, stored!.summary.version, stored!.summary.versions], ["akn", 2, 3]);
      assert.equal(stored!.document.source.format, "akn");
      // the paragraphs indexed are the XML's; the kept rendition is read by its number
      assert.deepEqual((await searchResult(db.store, { query: "salute health-care", filter: { session: 75 }, page: page(), facets: [] })).hits, []);
      const applaud = await searchResult(db.store, { query: "applaud health-care", filter: { session: 75 }, page: page(), facets: [] });
      assert.deepEqual(applaud.hits.map((h) => `${h.symbol} ${h.ref}`), ["A/RES/75/1 operative.18"]);
      // stored as parsed, as a rendition is prepared, it reads back enriched like the text read now
      const rendition = (await db.store.getDocument("A/RES/75/1", { version: 3 }))!.document;
      assert.match(rendition.source.text, /We salute all health-care/);
      // the registry keeps the file's name, not its path
      const reread = await readResolution(new TextEncoder().encode(edited), { name: basename(lesser) });
      assert.ok(reread.ok);
      const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
      assert.deepEqual(json(rendition), json(enrich(reread.document)));
      assert.ok(rendition.sdgs.length > 0, "enriched: the SDG links are there");

      // a rendition for a document held in no more authoritative format is refused, and nothing is written
      const orphan = await readResolution(readFileSync(join(CORPUS, "ods", "A_RES_75_100.en.txt")), { name: "A_RES_75_100.en.txt" });
      assert.ok(orphan.ok);
      const [refused] = await db.store.putPreparedMany([
        { prepared: prepareRendition(orphan.document), source: { sha256: "orphan-rendition", format: "ods", name: null, byteLength: 1 } },
      ]);
      assert.equal(refused!.status, "failed");
      assert.match((refused as { reason: string }).reason, /prepared as a rendition, but the registry holds no more authoritative version/);
      assert.equal(await db.store.getDocument("A/RES/75/100"), null);
      assert.equal(await db.store.findSource("orphan-rendition"), null);
    });
  });

  describe(`search totals on ${factory.dialect}`, () => {
    test("a total is exact up to the 500 matches ranked, and past them with facets, which count up to 10,000", () =>
      withOwnStore(async (db) => {
        const loaded = await ingestPaths(db.store, listFiles(join(CORPUS, "ods"), ".txt").slice(0, 30), { workers: 0 });
        assert.equal(loaded.added, 30);
        const search = (query: string, facets: FacetName[] = []) => searchResult(db.store, { query, filter: {}, page: page(10), facets });
        const counted = await search("", ["kind"]);
        assert.equal(counted.totalExact, true);
        assert.ok(counted.total > 500, `${counted.total} paragraphs`);
        assert.equal(counted.facets.kind!.reduce((n, f) => n + f.count, 0), counted.total);
        assert.deepEqual([(await search("")).total, (await search("")).totalExact], [500, false]);

        // common words, none of them a stop word of PostgreSQL's English configuration
        const common = "United OR Nations OR States OR development OR international OR General";
        const words = await search(common, ["kind"]);
        assert.ok(words.totalExact && words.total > 500, `${words.total} paragraphs with common words`);
        const capped = await search(common);
        assert.deepEqual([capped.total, capped.totalExact, capped.hits.length], [500, false, 10]);
        const few = await search("Secretary-General");
        assert.ok(few.total > 0 && few.total < 500 && few.totalExact);
        assert.equal(few.total, (await search("Secretary-General", ["kind"])).total);
      }));
  });

  describe(`migration 10 on ${factory.dialect}`, () => {
    test("a registry with paragraph ids descending from the newest document is renumbered, and answers as before", () =>
      withOwnStore(async (db) => {
        assert.equal((await ingestPaths(db.store, seriesFiles(), { workers: 0 })).added, 6);
        const ids = async () => (await db.query("SELECT id FROM paragraphs ORDER BY document_id, ordinal")).map((r) => Number(r.id));
        const answers = async () => ({
          newest: (await searchResult(db.store, { query: "", filter: {}, page: page(300), facets: [] })).hits.map((h) => `${h.symbol} ${h.ref}`),
          ranked: (await searchResult(db.store, { query: "industrial development", filter: { kind: "operative" }, page: page(40), facets: ["session"] })).hits.map(
            (h) => `${h.symbol} ${h.ref} ${h.score}`,
          ),
          session: (await searchResult(db.store, { query: "UNIDO", filter: { session: 77 }, page: page(40), facets: [] })).hits.map((h) => h.ref),
          mandates: (await db.store.mandates({ actor: "UNIDO" }, page())).items.map((m) => `${m.symbol} ${m.ref}`),
          byActor: (await searchResult(db.store, { query: "", filter: { actor: "UNIDO", hasReportDue: false }, page: page(100), facets: [] })).hits.map((h) => `${h.symbol} ${h.ref}`),
          occurrences: (await db.store.paragraphOccurrences("A/RES/79/222", "operative.38"))!.occurrences.map((o) => `${o.symbol} ${o.ref}`),
        });
        const migrated = await ids();
        const expected = await answers();
        // newest first: sessions never rise down the list, and a document's paragraphs keep their order
        const sessions = expected.newest.map((h) => Number(h.split("/")[2]));
        assert.deepEqual(sessions, [...sessions].sort((a, b) => b - a));
        assert.equal(expected.newest[0], "A/RES/79/222 preamble.1");

        // the layout migration 3 to 9 wrote: ((recency * 2^24) + document id) * 2^16 + ordinal
        const recency = `(${MAX_RECENCY} - d.paragraph_base / ${DOCUMENT_SPAN * PARAGRAPH_ID_SPAN})`;
        const shift = `(SELECT (CAST(${recency} AS BIGINT) * ${DOCUMENT_SPAN} + d.id) * ${PARAGRAPH_ID_SPAN} - d.paragraph_base FROM documents d WHERE d.id = t.document_id)`;
        for (const [table, column] of [["paragraphs", "id"], ["citations", "paragraph_id"], ["mandates", "paragraph_id"], ["sdg_links", "paragraph_id"]]) {
          await db.query(`UPDATE ${table} AS t SET ${column} = ${column} + ${shift} WHERE ${column} IS NOT NULL`);
        }
        await db.query(`UPDATE documents SET paragraph_base = (CAST(${recency.replace(/d\./g, "documents.")} AS BIGINT) * ${DOCUMENT_SPAN} + id) * ${PARAGRAPH_ID_SPAN}`);
        if (factory.dialect === "sqlite") await db.query("INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('rebuild')");
        await db.query("DELETE FROM schema_migrations WHERE id = 10");
        assert.notDeepEqual(await ids(), migrated);

        const upgrades: number[] = [];
        const results = await db.store.migrate({ onUpgrade: (m) => upgrades.push(m.id) });
        assert.deepEqual(results.filter((r) => r.status === "applied").map((r) => r.id), [10]);
        assert.deepEqual(upgrades, [10], "the user is told of the upgrade");
        assert.deepEqual(await ids(), migrated);
        assert.deepEqual(await answers(), expected);
        if (factory.dialect === "sqlite") await db.query("INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('integrity-check')");
      }));
  });

  describe(`migration 11 on ${factory.dialect}`, () => {
    test("the dictionary of words is filled from the paragraphs a registry already holds", () =>
      withOwnStore(async (db) => {
        assert.equal((await ingestPaths(db.store, seriesFiles(), { workers: 0 })).added, 6);
        const dictionary = async () => (await db.query("SELECT word FROM search_words ORDER BY word")).map((r) => String(r.word));
        const written = await dictionary();
        const prefixed = async () => (await searchResult(db.store, { query: "industri* -sustainab*", filter: {}, page: page(), facets: [] })).hits.map((h) => h.ref);
        const expected = await prefixed();
        assert.ok(written.length > 1000 && written.includes("sustainable"));
        await db.query("DROP TABLE search_words");
        await db.query("DELETE FROM schema_migrations WHERE id = 11");
        const results = await db.store.migrate();
        assert.deepEqual(results.filter((r) => r.status === "applied").map((r) => r.id), [11]);
        assert.deepEqual(await dictionary(), written);
        assert.deepEqual(await prefixed(), expected);
      }));
  });

  describe(`prefixes in French on ${factory.dialect}`, () => {
    test("a prefix typed without its accents finds the words written with them, and the reverse", () =>
      withOwnStore(async (db) => {
        const loaded = await ingestPaths(db.store, [join(unpackedCorpus(), "akn", "fr", "A_RES_79_222.fr.xml")], { workers: 0 });
        assert.equal(loaded.added, 1);
        const search = async (query: string) =>
          (await searchResult(db.store, { query, filter: { language: "fr" }, page: page(), facets: [] })).hits.map((h) => h.ref).sort();
        const accented = await search("développ*");
        assert.ok(accented.length >= 10, `${accented.length} paragraphs`);
        assert.deepEqual(await search("developp*"), accented);
        // "industriel", "industrielle", "industrialisation": stems and accents apart, every word that begins so
        const industrial = await search("industri*");
        for (const word of ["industriel", "industrielle", "industrialisation"]) {
          assert.deepEqual((await search(word)).filter((ref) => !industrial.includes(ref)), [], word);
        }
      }));
  });

  describe(`interrupted ingest on ${factory.dialect}`, () => {
    test("kill -9 in the middle of an ingest leaves whole documents only, and a rerun completes it", () =>
      withOwnStore(async (db) => {
        // more files than one write batch (the child writes 16 at a time), so that the kill lands between commits
        const files = listFiles(join(CORPUS, "ods"), ".txt").slice(0, 200);
        const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "test", "registry", "ingest-child.ts"), db.location, ...files], {
          cwd: ROOT,
          stdio: ["ignore", "pipe", "inherit"],
        });
        const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
        let reported = 0;
        await new Promise<void>((resolve) => {
          child.stdout.on("data", (chunk: Buffer) => {
            reported += chunk.toString().split("\n").filter(Boolean).length;
            if (reported >= 5) resolve();
          });
          child.on("exit", () => resolve());
        });
        child.kill("SIGKILL");
        await exited;
        assert.ok(reported >= 5 && reported < files.length, `killed after ${reported} of ${files.length} documents`);

        const [counts] = await db.query(
          `SELECT (SELECT COUNT(*) FROM documents) AS documents,
                  (SELECT COUNT(*) FROM documents d WHERE d.version_count < 1
                     OR NOT EXISTS (SELECT 1 FROM versions v WHERE v.document_id = d.id AND v.number = d.current_version)
                     OR NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.document_id = d.id)) AS partial,
                  (SELECT COUNT(*) FROM paragraphs p WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = p.document_id)) AS orphans`,
        );
        const stored = Number(counts!.documents);
        assert.ok(stored >= 5, `${stored} documents survived`);
        assert.equal(Number(counts!.partial), 0, "no document is half written");
        assert.equal(Number(counts!.orphans), 0);
        if (factory.dialect === "sqlite") {
          assert.deepEqual(await db.query("PRAGMA integrity_check"), [{ integrity_check: "ok" }]);
          await db.query("INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('integrity-check')");
        }

        const rerun = await ingestPaths(db.store, files);
        assert.deepEqual(rerun.failed, []);
        assert.equal(rerun.unchanged, stored);
        assert.equal(rerun.added, files.length - stored);
        assert.equal(await db.store.countDocuments(), files.length);
      }));
  });
}

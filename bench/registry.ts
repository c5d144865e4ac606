import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { execFileSync, spawnSync } from "node:child_process";
import { describeProblems } from "../src/model/problems.js";
import type { IngestSummary } from "../src/registry/ingest.js";
import type { FacetName, SearchRequest, Store } from "../src/registry/store.js";
import { shipped } from "./shipped.js";
import { percentile } from "./stats.js";

const { corpusFolders } = await shipped<typeof import("../src/cli/serve.js")>("cli/serve.js");
const { ingestPaths } = await shipped<typeof import("../src/registry/ingest.js")>("registry/ingest.js");
const { openPostgresStore, numberedPlaceholders, postgresDialect } = await shipped<typeof import("../src/registry/postgres.js")>("registry/postgres.js");
const { PARAGRAPH_ID_SPAN, paragraphBase, recencyOf } = await shipped<typeof import("../src/registry/rows.js")>("registry/rows.js");
const { openSqliteStore, sqliteDialect } = await shipped<typeof import("../src/registry/sqlite.js")>("registry/sqlite.js");
const { FACETS } = await shipped<typeof import("../src/registry/store.js")>("registry/store.js");

/**
 * Registry benchmark: ingest rate of the whole corpus (the folders `serve --load-corpus` loads)
 * into SQLite and, when DATABASE_URL names a server, PostgreSQL; search latency p50/p95 over
 * 1,000 varied queries on that registry and on a 50,000-document one made by re-numbering its
 * documents (A/RES/75/231 copied as A/RES/75/1231, 2231, ...; other symbols get a /R<n> suffix).
 * Targets (issue 5): ingest >= 300 documents/s on SQLite; search p95 < 20 ms at 50,000 documents.
 * The machine's load is printed beside the figures: they are wall-clock times.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface RegistryBenchOptions {
  /** ../shared/corpus by default. */
  corpus?: string;
  /** Where the benchmark databases go (default .bench/registry, git-ignored). */
  workDir?: string;
  /** PostgreSQL server; default DATABASE_URL. Each run works in a fresh schema. */
  postgresUrl?: string;
  queries?: number;
  largeSize?: number;
  /** Build and query the large registry on PostgreSQL too (slow: off unless asked). */
  postgresLarge?: boolean;
  print?: (line: string) => void;
}

export interface LatencyFigures {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The same queries asking for every facet count too. */
  withFacets: { queries: number; p50Ms: number; p95Ms: number };
}

export interface IngestFigures {
  files: number;
  documents: number;
  failed: number;
  seconds: number;
  documentsPerSecond: number;
}

export interface RegistryBenchResult {
  sqlite: { ingest: IngestFigures; corpusSearch: LatencyFigures; largeDocuments: number; largeBuildPerSecond: number; largeSearch: LatencyFigures };
  postgres?: { ingest: IngestFigures; corpusSearch: LatencyFigures; largeSearch?: LatencyFigures; largeDocuments?: number };
  loadAverage: number;
  cores: number;
}

// --- queries -------------------------------------------------------------------------------------

/** Small deterministic generator (mulberry32): the same 1,000 queries on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = new Set(
  "the and for with that this their these those have has been from which such also other into under including within between shall would should could upon".split(" "),
);
const ACTORS = ["UNIDO", "Secretary-General", "Human Rights Council", "UNCTAD", "Member States", "Economic and Social Council", "UNEP", "UNICEF",
  "World Health Organization", "Office of the United Nations High Commissioner for Refugees", "regional commissions", "international community"];
const VERBS = ["requests", "calls upon", "urges", "invites", "encourages", "decides", "recalling", "reaffirming", "welcomes", "expresses concern"];
const KINDS = ["preambular", "operative", "footnote"] as const;

/**
 * Queries as people ask them: words and phrases drawn from real paragraphs, actor names,
 * prefixes, and the same with filters (session, committee, kind, verb); a few filter-only.
 */
export function benchQueries(corpus: string, count: number): Omit<SearchRequest, "facets">[] {
  const next = random(20241219);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const dir = join(corpus, "ods");
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const paragraphs: string[] = [];
  for (let i = 0; paragraphs.length < 4000 && i < files.length * 4; i++) {
    const lines = readFileSync(join(dir, pick(files)), "utf8").split("\n").filter((l) => l.length > 120 && !l.includes("<<ODS"));
    if (lines.length) paragraphs.push(pick(lines));
  }
  const contentWords = (text: string) => (text.match(/\p{L}{4,}/gu) ?? []).filter((w) => !COMMON.has(w.toLowerCase()));
  const allWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];
  /** n words in a row from a random paragraph: content words only, or every word (for phrases). */
  const run = (n: number, words = contentWords) => {
    const w = words(pick(paragraphs));
    const at = Math.floor(next() * Math.max(1, w.length - n));
    return w.slice(at, at + n);
  };
  const queries: Omit<SearchRequest, "facets">[] = [];
  const page = { limit: 20, offset: 0 };
  while (queries.length < count) {
    const kind = next();
    let query = "";
    let filter: SearchRequest["filter"] = {};
    if (kind < 0.35) query = run(1 + Math.floor(next() * 3)).join(" ");
    else if (kind < 0.5) query = `"${run(2 + Math.floor(next() * 3), allWords).join(" ")}"`;
    else if (kind < 0.6) query = pick(ACTORS);
    else if (kind < 0.68) query = `${(run(1)[0] ?? "develop").slice(0, 5)}*`;
    else if (kind < 0.78) [query, filter] = [run(2).join(" "), { session: 75 + Math.floor(next() * 6) }];
    else if (kind < 0.86) [query, filter] = [run(1 + Math.floor(next() * 2)).join(" "), { kind: pick(KINDS) }];
    else if (kind < 0.93) [query, filter] = [run(2).join(" "), { committee: pick(["Second Committee", "Third Committee", "Fifth Committee"]) }];
    else if (kind < 0.97) [query, filter] = [run(1).join(" "), { verb: pick(VERBS) }];
    else filter = { verb: pick(VERBS), session: 75 + Math.floor(next() * 6) };
    if (/\p{L}/u.test(query) || (!query && Object.keys(filter).length)) queries.push({ query, filter, page });
  }
  return queries;
}


async function timeQueries(store: Store, queries: Omit<SearchRequest, "facets">[], facets: readonly FacetName[]): Promise<number[]> {
  const times: number[] = [];
  for (const q of queries) {
    const started = performance.now();
    const outcome = await store.search({ ...q, facets });
    times.push(performance.now() - started);
    // a refused query would time nothing: the figures must be of searches run
    if (!outcome.ok) throw new Error(`the benchmark's query ${JSON.stringify(q.query)} was refused: ${describeProblems(outcome.problems)}`);
  }
  return times.sort((a, b) => a - b);
}

export async function latency(store: Store, queries: Omit<SearchRequest, "facets">[]): Promise<LatencyFigures> {
  await timeQueries(store, queries.slice(0, 50), []); // warm caches and statement caches
  const plain = await timeQueries(store, queries, []);
  const faceted = await timeQueries(store, queries.slice(0, 200), FACETS);
  const r = (ms: number) => Math.round(ms * 100) / 100;
  return {
    queries: queries.length,
    p50Ms: r(percentile(plain, 50)),
    p95Ms: r(percentile(plain, 95)),
    maxMs: r(plain[plain.length - 1]!),
    withFacets: { queries: faceted.length, p50Ms: r(percentile(faceted, 50)), p95Ms: r(percentile(faceted, 95)) },
  };
}

/** A registry to open in the measuring process: a SQLite file, or a PostgreSQL schema. */
export type RegistryLocation = { sqlite: string } | { postgres: string; schema: string };

export function openLocation(location: RegistryLocation): Promise<Store> {
  return "sqlite" in location ? openSqliteStore(location.sqlite) : openPostgresStore(location.postgres, { schema: location.schema });
}

/**
 * Search latency measured in a fresh process that opens the registry, as `mandates serve` does.
 * Measured in the process that had just ingested the corpus and built the large registry, the
 * same queries ran about a third slower at p95 and more so with each phase before (no thread
 * was left running: the allocator's or the JIT's state, not the registry's).
 */
function latencyInFreshProcess(location: RegistryLocation, corpus: string, queries: number): LatencyFigures {
  const child = join(ROOT, "bench", "search-latency.ts");
  const run = spawnSync(process.execPath, ["--import", "tsx", child, JSON.stringify({ location, corpus, queries })], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = run.stdout?.trim().split("\n").at(-1);
  if (run.status !== 0 || !last) throw new Error(`the search-latency process failed (${run.status}): ${run.stderr}`);
  return JSON.parse(last) as LatencyFigures;
}

// --- building registries -------------------------------------------------------------------------

function ingestFigures(summary: IngestSummary): IngestFigures {
  const documents = summary.added + summary.updated + summary.renditions;
  return {
    files: summary.files,
    documents,
    failed: summary.failed.length,
    seconds: Math.round(summary.seconds * 10) / 10,
    documentsPerSecond: Math.round(documents / summary.seconds),
  };
}

function renumbered(symbol: string, copy: number): string {
  const ga = /^(A\/RES\/\d+\/)(\d+)(.*)$/.exec(symbol);
  return ga ? `${ga[1]}${Number(ga[2]) + 1000 * copy}${ga[3]}` : `${symbol}/R${copy}`;
}

/** Raw SQL on the registry's own database, `?` placeholders: the large registry is copied row by row in SQL. */
interface RawDatabase {
  all(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  run(sql: string, params?: unknown[]): Promise<void>;
  /** The dialect's statement that indexes just-inserted paragraphs, as the store runs it. */
  indexParagraphs(fromId: number, toId: number): { sql: string; params: unknown[] } | null;
  close(): Promise<void>;
}

async function rawSqlite(path: string): Promise<RawDatabase> {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(path);
  db.pragma("busy_timeout = 30000");
  return {
    all: async (sql, params = []) => db.prepare(sql).all(...params) as Record<string, unknown>[],
    run: async (sql, params = []) => void db.prepare(sql).run(...params),
    indexParagraphs: sqliteDialect.indexParagraphs,
    close: async () => void db.close(),
  };
}

async function rawPostgres(url: string, schema: string): Promise<RawDatabase> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  return {
    all: async (sql, params = []) => (await client.query(numberedPlaceholders(sql), params)).rows,
    run: async (sql, params = []) => void (await client.query(numberedPlaceholders(sql), params)),
    indexParagraphs: postgresDialect.indexParagraphs,
    close: () => client.end(),
  };
}

const COPIED_COLUMNS = {
  citations: "ref, symbol, kind, text",
  mandates:
    "ref, paragraph_number, sub, actor, actor_canonical, actor_key, actor_type, verb, category, force, action, report, report_to, deliverable, due_session, deadline, recurrence, has_review_or_end",
  sdg_links: "goal, target, origin",
};

/**
 * Grows the registry to `size` documents with re-numbered copies of its documents (A/RES/75/231
 * copied as A/RES/75/1231, 2231, ...; other symbols get a /R<n> suffix): each copy's document,
 * current version, paragraphs (full-text index included, by the statement the store runs or the
 * generated column), citations, mandates, SDG links and goals are copied in SQL, 200 documents per transaction.
 * The copied model keeps the original's symbol inside: the copies exist to be searched.
 * Returns documents per second.
 */
export async function growTo(db: RawDatabase, size: number): Promise<number> {
  const originals = await db.all(
    "SELECT d.id, d.symbol, d.year, d.session, d.paragraph_base AS base FROM documents d WHERE d.version_count > 0 ORDER BY d.id",
  );
  let total = Number((await db.all("SELECT COUNT(*) AS n FROM documents"))[0]!.n);
  const started = performance.now();
  const before = total;
  let inTransaction = 0;
  for (let copy = 1; total < size; copy++) {
    for (const original of originals) {
      if (total >= size) break;
      if (inTransaction === 0) await db.run("BEGIN");
      const [created] = await db.all(
        `INSERT INTO documents (symbol, language, body, session, year, number, title, title_key, series_facts, committee, committee_report, agenda_item,
           adoption_date, plenary_meeting, format, problems, current_version, version_count, updated_at)
         SELECT ?, language, body, session, year, number + ?, title, title_key, series_facts, committee, committee_report, agenda_item,
           adoption_date, plenary_meeting, format, problems, 1, 1, updated_at FROM documents WHERE id = ? RETURNING id`,
        [renumbered(String(original.symbol), copy), 1000 * copy, original.id],
      );
      const id = Number(created!.id);
      const base = paragraphBase(recencyOf({ year: original.year as number | null, session: original.session as number | null }), id);
      const oldBase = Number(original.base);
      await db.run("UPDATE documents SET paragraph_base = ? WHERE id = ?", [base, id]);
      await db.run(
        `INSERT INTO versions (document_id, number, sha256, format, source_name, byte_length, ingested_at, model)
         SELECT ?, 1, sha256 || ?, format, source_name, byte_length, ingested_at, model FROM versions v
         WHERE v.document_id = ? AND v.number = (SELECT current_version FROM documents WHERE id = ?)`,
        [id, `-copy${copy}`, original.id, original.id],
      );
      await db.run(
        `INSERT INTO paragraphs (id, document_id, language, ordinal, ref, kind, number, phrase, part, text, text_hash, start_offset, end_offset)
         SELECT CAST(? AS BIGINT) + ordinal, ?, language, ordinal, ref, kind, number, phrase, part, text, text_hash, start_offset, end_offset
         FROM paragraphs WHERE id >= ? AND id < ?`,
        [base, id, oldBase, oldBase + PARAGRAPH_ID_SPAN],
      );
      const indexing = db.indexParagraphs(base, base + PARAGRAPH_ID_SPAN);
      if (indexing) await db.run(indexing.sql, indexing.params);
      for (const [table, columns] of Object.entries(COPIED_COLUMNS)) {
        await db.run(
          `INSERT INTO ${table} (document_id, paragraph_id, ${columns})
           SELECT ?, CASE WHEN paragraph_id IS NULL THEN NULL ELSE paragraph_id - CAST(? AS BIGINT) + CAST(? AS BIGINT) END, ${columns} FROM ${table} WHERE document_id = ?`,
          [id, oldBase, base, original.id],
        );
      }
      await db.run("INSERT INTO document_goals (document_id, goal) SELECT ?, goal FROM document_goals WHERE document_id = ?", [id, original.id]);
      total++;
      if (++inTransaction === 200) {
        await db.run("COMMIT");
        inTransaction = 0;
      }
    }
  }
  if (inTransaction) await db.run("COMMIT");
  await db.run("INSERT INTO registry_state (key, value) VALUES ('series_dirty', '1') ON CONFLICT (key) DO UPDATE SET value = '1'");
  return Math.round((total - before) / ((performance.now() - started) / 1000));
}

function corpusPaths(corpus: string): string[] {
  const unpacked = join(ROOT, ".corpus");
  execFileSync(join(corpus, "unpack"), [unpacked], { stdio: "ignore" });
  return corpusFolders(corpus, unpacked).filter((f) => existsSync(f));
}

// --- the benchmark -------------------------------------------------------------------------------

export async function runRegistryBench(options: RegistryBenchOptions = {}): Promise<RegistryBenchResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const corpus = resolve(options.corpus ?? join(ROOT, "..", "shared", "corpus"));
  const workDir = resolve(options.workDir ?? join(ROOT, ".bench", "registry"));
  const largeSize = options.largeSize ?? 50_000;
  const postgresUrl = options.postgresUrl ?? process.env.DATABASE_URL;
  mkdirSync(workDir, { recursive: true });
  const paths = corpusPaths(corpus);
  const queryCount = options.queries ?? 1000;
  const load = () => `load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
  const show = (what: string, l: LatencyFigures) =>
    print(`  ${what}: search p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms, max ${l.maxMs} ms over ${l.queries} queries; with all facets p50 ${l.withFacets.p50Ms} ms, p95 ${l.withFacets.p95Ms} ms (${l.withFacets.queries}) [${load()}]`);
  const showIngest = (what: string, i: IngestFigures) =>
    print(`  ${what}: ingest ${i.documentsPerSecond} documents/s (${i.documents} documents from ${i.files} files in ${i.seconds} s, ${i.failed} failed) [${load()}]`);

  print("registry");
  const corpusDb = join(workDir, "corpus.db");
  for (const f of [corpusDb, `${corpusDb}-wal`, `${corpusDb}-shm`]) rmSync(f, { force: true });
  let sqlite = await openSqliteStore(corpusDb);
  const sqliteIngest = ingestFigures(await ingestPaths(sqlite, paths));
  showIngest("SQLite", sqliteIngest);
  const corpusDocuments = await sqlite.countDocuments();
  await sqlite.close();
  const corpusSearch = latencyInFreshProcess({ sqlite: corpusDb }, corpus, queryCount);
  show(`SQLite, corpus (${corpusDocuments} documents)`, corpusSearch);

  const largeDb = join(workDir, `large-${largeSize}.db`);
  for (const f of [largeDb, `${largeDb}-wal`, `${largeDb}-shm`]) rmSync(f, { force: true });
  copyFileSync(corpusDb, largeDb);
  const raw = await rawSqlite(largeDb);
  const largeBuildPerSecond = await growTo(raw, largeSize);
  await raw.close();
  sqlite = await openSqliteStore(largeDb);
  await sqlite.refreshSeries();
  const largeDocuments = await sqlite.countDocuments();
  print(`  SQLite: grew to ${largeDocuments} documents at ${largeBuildPerSecond} documents/s (re-numbered copies made in SQL)`);
  await sqlite.close();
  const largeSearch = latencyInFreshProcess({ sqlite: largeDb }, corpus, queryCount);
  show(`SQLite, ${largeDocuments} documents`, largeSearch);

  const result: RegistryBenchResult = {
    sqlite: { ingest: sqliteIngest, corpusSearch, largeDocuments, largeBuildPerSecond, largeSearch },
    loadAverage: loadavg()[0]!,
    cores: availableParallelism(),
  };

  if (postgresUrl) {
    const schema = `registry_bench_${Date.now().toString(36)}`;
    const pg = await openPostgresStore(postgresUrl, { schema });
    try {
      const ingest = ingestFigures(await ingestPaths(pg, paths));
      showIngest("PostgreSQL", ingest);
      const search = latencyInFreshProcess({ postgres: postgresUrl, schema }, corpus, queryCount);
      show(`PostgreSQL, corpus (${await pg.countDocuments()} documents)`, search);
      result.postgres = { ingest, corpusSearch: search };
      if (options.postgresLarge) {
        const raw = await rawPostgres(postgresUrl, schema);
        await growTo(raw, largeSize);
        await raw.close();
        await pg.refreshSeries();
        result.postgres.largeDocuments = await pg.countDocuments();
        result.postgres.largeSearch = latencyInFreshProcess({ postgres: postgresUrl, schema }, corpus, queryCount);
        show(`PostgreSQL, ${result.postgres.largeDocuments} documents`, result.postgres.largeSearch);
      }
    } finally {
      await pg.close();
      const { default: pgLib } = await import("pg");
      const client = new pgLib.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  } else {
    print("  PostgreSQL: skipped (set DATABASE_URL to a postgres:// server)");
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runRegistryBench({
    ...(process.env.REGISTRY_BENCH_SIZE ? { largeSize: Number(process.env.REGISTRY_BENCH_SIZE) } : {}),
    ...(process.env.REGISTRY_BENCH_PG_LARGE ? { postgresLarge: true } : {}),
  });
}

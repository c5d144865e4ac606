import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describeProblems } from "../../src/model/problems.js";
import { openPostgresStore } from "../../src/registry/postgres.js";
import { openSqliteStore } from "../../src/registry/sqlite.js";
import type { DialectName, SearchRequest, SearchResult, Store } from "../../src/registry/store.js";
import { CORPUS, unpackedCorpus } from "../helpers/corpus.js";

/**
 * The stores the registry suites run on (Kysely's one-body-per-dialect): SQLite on a temporary
 * file always; PostgreSQL when TEST_DATABASE_URL or DATABASE_URL names a server, each opening
 * in a fresh schema dropped afterwards. `STORE=sqlite` or `STORE=postgres` narrows a run.
 */

export interface OpenedStore {
  store: Store;
  /** The location another process would open (a file, or a URL with the schema's search_path). */
  location: string;
  /** Raw SQL on the same database, for checks the Store interface does not offer. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Closes the store and removes its data. */
  dispose(): Promise<void>;
}

/** The result of a search the test expects to run; the test fails naming the problems when it is refused. */
export async function searchResult(store: Store, request: SearchRequest): Promise<SearchResult> {
  const outcome = await store.search(request);
  if (!outcome.ok) throw new Error(`the search ${JSON.stringify(request.query)} was refused: ${describeProblems(outcome.problems)}`);
  return outcome.result;
}

export interface StoreFactory {
  dialect: DialectName;
  open(): Promise<OpenedStore>;
}

export const POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

async function openSqlite(): Promise<OpenedStore> {
  const dir = mkdtempSync(join(tmpdir(), "registry-test-"));
  const location = join(dir, "registry.db");
  const store = await openSqliteStore(location);
  const { default: Database } = await import("better-sqlite3");
  return {
    store,
    location,
    async query(sql) {
      const db = new Database(location);
      try {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all() as Record<string, unknown>[];
        statement.run();
        return [];
      } finally {
        db.close();
      }
    },
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let schemas = 0;
async function openPostgres(url: string): Promise<OpenedStore> {
  const schema = `registry_test_${process.pid}_${Date.now().toString(36)}_${schemas++}`;
  const store = await openPostgresStore(url, { schema });
  const u = new URL(url);
  u.searchParams.set("options", `-c search_path=${schema}`);
  const raw = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await raw.connect();
  return {
    store,
    location: u.toString(),
    async query(sql) {
      return (await raw.query(sql)).rows;
    },
    async dispose() {
      await store.close();
      await raw.query(`DROP SCHEMA ${schema} CASCADE`);
      await raw.end();
    },
  };
}

export function storeFactories(): StoreFactory[] {
  const only = process.env.STORE;
  const factories: StoreFactory[] = [{ dialect: "sqlite", open: openSqlite }];
  if (POSTGRES_URL) factories.push({ dialect: "postgres", open: () => openPostgres(POSTGRES_URL) });
  return factories.filter((f) => !only || f.dialect === only);
}

/** The Industrial development cooperation series, one file per member, in several formats. */
export function seriesFiles(): string[] {
  return [
    join(CORPUS, "seeds", "A_RES_63_231.en.txt"),
    join(CORPUS, "seeds", "A_RES_69_235.en.txt"),
    join(unpackedCorpus(), "eosg", "A_RES_73_247.en.paragraphs.json"),
    join(CORPUS, "ods", "A_RES_75_231.en.txt"),
    join(CORPUS, "ods", "A_RES_77_180.en.txt"),
    join(CORPUS, "ods", "A_RES_79_222.en.txt"),
  ];
}

export const SERIES_SYMBOLS = ["A/RES/63/231", "A/RES/69/235", "A/RES/73/247", "A/RES/75/231", "A/RES/77/180", "A/RES/79/222"];

/** The series, and resolutions addressing UNIDO's Director-General and the Counter-Terrorism Committee (with and without its hyphen). */
export function actorFiles(): string[] {
  const eosg = join(unpackedCorpus(), "eosg");
  return [
    ...seriesFiles(),
    // mandates to "the Director General of the United Nations Industrial Development Organization"
    join(CORPUS, "ods", "A_RES_80_257.en.txt"),
    join(eosg, "A_RES_70_293.en.paragraphs.json"),
    // the Counter-Terrorism Committee, with and without its hyphen
    join(eosg, "S_RES_1624(2005).en.paragraphs.json"),
    join(eosg, "S_RES_2322(2016).en.paragraphs.json"),
  ];
}

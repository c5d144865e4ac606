import { test } from "node:test";
import assert from "node:assert/strict";
import pg from "pg";
import { openPostgresStore } from "../../src/registry/postgres.js";
import type { SqlStore } from "../../src/registry/sql-store.js";
import type { SqlContext } from "../../src/registry/sql-store/context.js";
import { POSTGRES_URL } from "./stores.js";

/** The setting as the store's own connections see it (its context is private to the registry). */
async function setting(store: SqlStore, name: string): Promise<string> {
  const { context } = store as unknown as { context: SqlContext };
  const [row] = await context.db.all(`SHOW ${name}`);
  return String(Object.values(row!)[0]);
}

test(
  "the read workers' connections run each statement in one process, with their time limit; others keep the server's defaults",
  { skip: !POSTGRES_URL && "needs TEST_DATABASE_URL" },
  async () => {
    const schema = `options_test_${process.pid}_${Date.now().toString(36)}`;
    const plain = await openPostgresStore(POSTGRES_URL!, { schema });
    const reading = await openPostgresStore(POSTGRES_URL!, { schema, parallelQueries: false, statementTimeoutMs: 5000, migrate: false });
    try {
      assert.equal(await setting(reading, "max_parallel_workers_per_gather"), "0");
      assert.equal(await setting(reading, "statement_timeout"), "5s");
      assert.notEqual(await setting(plain, "max_parallel_workers_per_gather"), "0", "the server's default (2 unless configured otherwise)");
      assert.equal(await setting(plain, "statement_timeout"), "0");
    } finally {
      await reading.close();
      await plain.close();
      const raw = new pg.Client({ connectionString: POSTGRES_URL });
      await raw.connect();
      await raw.query(`DROP SCHEMA ${schema} CASCADE`);
      await raw.end();
    }
  },
);

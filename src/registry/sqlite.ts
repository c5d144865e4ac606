import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Language } from "../model/types.js";
import { bindable, type Fragment, MARK_END, MARK_START, type Row, type SqlDialect, type SqlDriver, type SqlExecutor } from "./dialect.js";
import type { SearchExpression, SearchTerm } from "./search-query.js";
import { SqlStore } from "./sql-store.js";

/**
 * The embedded registry: one SQLite file in WAL mode, full text by FTS5 (porter stemming,
 * snippets; matches come newest first in rowid order). Two connections: writes go through one, in transactions that never
 * interleave; reads use the other and see only committed documents, so a search running while
 * an ingest writes never observes half a document.
 */

const STATEMENT_CACHE_SIZE = 500;

class SqliteConnection implements SqlExecutor {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const statement = this.prepare(sql);
    const values = params.map(bindable);
    if (statement.reader) return statement.all(...values) as T[];
    statement.run(...values);
    return [];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const statement = this.prepare(sql);
    const values = params.map(bindable);
    if (statement.reader) return statement.all(...values).length;
    return statement.run(...values).changes;
  }

  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    if (!rows.length) return;
    // One prepared single-row statement run per row: SQLite has no round trips to save.
    const statement = this.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    for (const row of rows) statement.run(...row.map(bindable));
  }
}

class SqliteDriver implements SqlDriver {
  readonly reader: SqliteConnection;
  private readonly writer: SqliteConnection;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    const writer = new Database(path);
    writer.pragma("journal_mode = WAL");
    // In WAL mode NORMAL stays consistent after a crash; it only may lose the last commits on power loss.
    writer.pragma("synchronous = NORMAL");
    writer.pragma("busy_timeout = 30000");
    writer.pragma("foreign_keys = ON");
    this.writer = new SqliteConnection(writer);
    const reader = path === ":memory:" ? writer : new Database(path);
    reader.pragma("busy_timeout = 30000");
    reader.pragma("cache_size = -65536");
    reader.pragma("mmap_size = 268435456");
    this.reader = new SqliteConnection(reader);
  }

  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const db = this.writer.db;
    const result = this.queue.then(async () => {
      db.exec("BEGIN IMMEDIATE");
      try {
        const value = await work(this.writer);
        db.exec("COMMIT");
        return value;
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw e;
      }
    });
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.reader.db !== this.writer.db) this.reader.db.close();
    // Folds the write-ahead log back into the database file so it travels as one file.
    this.writer.db.pragma("wal_checkpoint(TRUNCATE)");
    this.writer.db.close();
  }
}

function ftsTerm(term: SearchTerm): string {
  return term.type === "phrase" ? `"${term.words.join(" ")}"` : `"${term.word}"${term.prefix ? "*" : ""}`;
}

/** The search expression as an FTS5 query string; words hold only letters and digits, so quoting is safe. */
export function ftsMatch(expression: SearchExpression): string {
  const groups = expression.all.map((g) => (g.length === 1 ? ftsTerm(g[0]!) : `(${g.map(ftsTerm).join(" OR ")})`));
  const positive = groups.join(" AND ");
  return expression.none.length ? `(${positive}) NOT (${expression.none.map(ftsTerm).join(" OR ")})` : positive;
}

export const sqliteDialect: SqlDialect = {
  name: "sqlite",
  types: { id: "INTEGER PRIMARY KEY", key: "INTEGER", blob: "BLOB" },
  lockRows: "",
  ilike: "LIKE",
  fullTextSchema: () => [
    `CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id',
       tokenize='porter unicode61 remove_diacritics 2')`,
    "CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN INSERT INTO paragraphs_fts (rowid, text) VALUES (new.id, new.text); END",
    `CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
       INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text); END`,
    `CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF text ON paragraphs BEGIN
       INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text);
       INSERT INTO paragraphs_fts (rowid, text) VALUES (new.id, new.text); END`,
  ],
  matchParagraphs(expression: SearchExpression, _language: Language | undefined): Fragment {
    return { sql: "SELECT rowid AS id FROM paragraphs_fts WHERE paragraphs_fts MATCH ?", params: [ftsMatch(expression)] };
  },
  snippets(expression: SearchExpression, _language: Language | undefined, ids: readonly number[]): Fragment {
    return {
      sql: `SELECT rowid AS id, snippet(paragraphs_fts, 0, '${MARK_START}', '${MARK_END}', '…', 40) AS snippet
            FROM paragraphs_fts WHERE paragraphs_fts MATCH ? AND rowid IN (${ids.map(() => "?").join(", ")})`,
      params: [ftsMatch(expression), ...ids],
    };
  },
  async lockForMigration() {
    // BEGIN IMMEDIATE already holds the database's single write lock.
  },
};

export async function openSqliteStore(path: string): Promise<SqlStore> {
  const store = new SqlStore(sqliteDialect, new SqliteDriver(path), path);
  await store.migrate();
  return store;
}

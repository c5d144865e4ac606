import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type { Language } from "../model/types.js";
import { bindable, type Fragment, type IdRange, type ParagraphTags, type Row, type SqlDialect, type SqlDriver, type SqlExecutor, tagTokens } from "./dialect.js";
import type { SearchExpression, SearchTerm } from "./search-query.js";
import { SqlStore } from "./sql-store.js";
import type { OpenOptions } from "./store.js";

/**
 * The embedded registry: one SQLite file in WAL mode, full text by FTS5 (porter stemming;
 * matches come newest first in rowid order). Two connections: writes go through one, in transactions that never
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
    // the writer's pages too: a batch of documents touches index leaves all over the file
    writer.pragma("cache_size = -65536");
    // Checkpoints every 64 MB of log rather than 4 MB: a page that several batches of an ingest
    // rewrite (index leaves, full-text segments) is copied into the file once rather than each
    // time (the corpus load's writes 16 -> 15 s). Readers find pages in a log of that size fine.
    writer.pragma("wal_autocheckpoint = 16384");
    this.writer = new SqliteConnection(writer);
    const reader = path === ":memory:" ? writer : new Database(path);
    reader.pragma("busy_timeout = 30000");
    reader.pragma("cache_size = -65536");
    // Reads map the file rather than copy pages (address space, not memory: the operating
    // system's cache holds the pages). SQLite caps the map at its build's 2 GB; a 50,000-document
    // registry is 3 GB, and a 256 MB map put its search p95 about a tenth higher.
    reader.pragma("mmap_size = 17179869184");
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

/**
 * The search expression (on the text column) and the tags as an FTS5 query string. Words hold
 * only letters and digits, so quoting them is safe; tags are quoted with their quotes doubled.
 */
export function ftsMatch(expression: SearchExpression | null, tags: ParagraphTags = {}): string {
  const parts: string[] = [];
  if (expression) {
    const groups = expression.all.map((g) => (g.length === 1 ? ftsTerm(g[0]!) : `(${g.map(ftsTerm).join(" OR ")})`));
    const positive = groups.join(" AND ");
    parts.push(`text : (${expression.none.length ? `(${positive}) NOT (${expression.none.map(ftsTerm).join(" OR ")})` : positive})`);
  }
  for (const token of tagTokens(tags)) parts.push(`tags : "${token.replace(/"/g, '""')}"`);
  return parts.join(" AND ");
}

/** The tags column of a paragraph row (`row` is `new`, `old` or a table alias): kind, then verb or starter. */
const tagsOf = (row: string) => `'k' || ${row}.kind || COALESCE(' v' || replace(replace(${row}.phrase, ' ', ''), '-', ''), '')`;

export const sqliteDialect: SqlDialect = {
  name: "sqlite",
  types: { id: "INTEGER PRIMARY KEY", key: "INTEGER", blob: "BLOB", binary_text: "TEXT", without_rowid: " WITHOUT ROWID" },
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
  indexesParagraphTags: true,
  paragraphTagsSchema: () => [
    "DROP TRIGGER paragraphs_fts_insert",
    "DROP TRIGGER paragraphs_fts_delete",
    "DROP TRIGGER paragraphs_fts_update",
    "DROP TABLE paragraphs_fts",
    `CREATE VIEW paragraphs_fts_source AS SELECT id, text, ${tagsOf("paragraphs")} AS tags FROM paragraphs`,
    `CREATE VIRTUAL TABLE paragraphs_fts USING fts5(text, tags, content='paragraphs_fts_source', content_rowid='id',
       tokenize='porter unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN
       INSERT INTO paragraphs_fts (rowid, text, tags) VALUES (new.id, new.text, ${tagsOf("new")}); END`,
    `CREATE TRIGGER paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN
       INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text, tags) VALUES ('delete', old.id, old.text, ${tagsOf("old")}); END`,
    `CREATE TRIGGER paragraphs_fts_update AFTER UPDATE OF text, kind, phrase ON paragraphs BEGIN
       INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text, tags) VALUES ('delete', old.id, old.text, ${tagsOf("old")});
       INSERT INTO paragraphs_fts (rowid, text, tags) VALUES (new.id, new.text, ${tagsOf("new")}); END`,
    "INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('rebuild')",
  ],
  // One INSERT ... SELECT per document: FTS5 fed by a trigger row by row took two and a half
  // times as long (the larger part of writing a document).
  indexPerDocumentSchema: () => ["DROP TRIGGER paragraphs_fts_insert"],
  indexParagraphs: (fromId, toId) => ({
    sql: "INSERT INTO paragraphs_fts (rowid, text, tags) SELECT id, text, tags FROM paragraphs_fts_source WHERE id >= ? AND id < ?",
    params: [fromId, toId],
  }),
  // External content: the index keeps the rowids it was given, so renumbered rows are read anew.
  reindexAllParagraphs: () => ["INSERT INTO paragraphs_fts (paragraphs_fts) VALUES ('rebuild')"],
  matchParagraphs(expression: SearchExpression | null, _language: Language | undefined, tags: ParagraphTags = {}, ids?: IdRange): Fragment | null {
    if (!expression && !tagTokens(tags).length) return null;
    // FTS5 seeks to a rowid range rather than filtering
    const bounded = ids ? " AND rowid >= ? AND rowid < ?" : "";
    return {
      sql: `SELECT rowid AS id FROM paragraphs_fts WHERE paragraphs_fts MATCH ?${bounded}`,
      params: [ftsMatch(expression, tags), ...(ids ? [ids.from, ids.to] : [])],
    };
  },
  appendOnly: (table) => [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows cannot be changed'); END`,
    `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only: rows cannot be deleted'); END`,
  ],
  async lockForMigration() {
    // BEGIN IMMEDIATE already holds the database's single write lock.
  },
};

export async function openSqliteStore(path: string, options: OpenOptions = {}): Promise<SqlStore> {
  const store = new SqlStore(sqliteDialect, new SqliteDriver(path), path);
  if (options.migrate !== false) await store.migrate(options);
  return store;
}

import pg from "pg";
import type { Language } from "../model/types.js";
import { bindable, type Fragment, type IdRange, type ParagraphTags, type Row, type SqlDialect, type SqlDriver, type SqlExecutor } from "./dialect.js";
import type { SearchExpression, SearchTerm } from "./search-query.js";
import { unaccented } from "./search-words.js";
import { maskedLocation } from "./open.js";
import { SqlStore } from "./sql-store.js";
import type { OpenOptions } from "./store.js";

/**
 * The shared-server registry: PostgreSQL through a `pg` pool. Full text is a generated tsvector
 * column (stemmed with the paragraph's language) under a GIN index. Writers lock the document row (SELECT ... FOR UPDATE), so several
 * ingest processes can share one database.
 */

/** Largest parameter count per multi-row INSERT (the protocol's limit is 65,535). */
const MAX_PARAMETERS = 30000;
const MIGRATION_LOCK = 72_011_905;

/** `?` placeholders to `$1, $2, ...`, leaving quoted text alone. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  let out = "";
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else out += ch === "?" ? `$${++n}` : ch;
  }
  return out;
}

const converted = new Map<string, string>();
function toPg(sql: string): string {
  let text = converted.get(sql);
  if (text === undefined) {
    text = numberedPlaceholders(sql);
    if (converted.size > 2000) converted.clear();
    converted.set(sql, text);
  }
  return text;
}

/** Counts come back as int8 and sums as numeric; the registry's values all fit a double. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  },
} as pg.CustomTypesConfig;

class PgExecutor implements SqlExecutor {
  constructor(private readonly client: pg.Pool | pg.PoolClient) {}

  async all<T = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await this.client.query(toPg(sql), params.map(bindable));
    return result.rows as T[];
  }

  async run(sql: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.client.query(toPg(sql), params.map(bindable));
    return result.rowCount ?? 0;
  }

  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      let n = 0;
      const values = chunk.map(() => `(${columns.map(() => `$${++n}`).join(", ")})`).join(", ");
      await this.client.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`, chunk.flat().map(bindable));
    }
  }
}

class PgDriver implements SqlDriver {
  readonly reader: PgExecutor;

  constructor(private readonly pool: pg.Pool) {
    this.reader = new PgExecutor(pool);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const value = await work(new PgExecutor(client));
      await client.query("COMMIT");
      return value;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

const CONFIGURATIONS: Partial<Record<Language, string>> = { en: "english", fr: "french", es: "spanish", ru: "russian" };

/** Text-search configuration of a language; fixed names only, never user input. */
function configuration(language: Language | undefined): string {
  return `'${CONFIGURATIONS[language ?? "en"] ?? "simple"}'::regconfig`;
}

function tsTerm(term: SearchTerm, config: string, params: unknown[]): string {
  if (term.type === "phrase") {
    params.push(term.written ?? term.words.join(" "));
    return `phraseto_tsquery(${config}, ?)`;
  }
  params.push(term.word);
  return term.prefix ? `to_tsquery(${config}, ? || ':*')` : `plainto_tsquery(${config}, ?)`;
}

/**
 * Alternatives as one tsquery: the plain words among them in a single `to_tsquery` ("a | b |
 * c"; words hold only letters and digits, no operator), the rest term by term. A prefix
 * expanded into the 416 words that begin "inter" took 250 ms as 416 function calls joined by ||.
 */
function tsAlternatives(terms: readonly SearchTerm[], config: string, params: unknown[]): string {
  const plain = terms.flatMap((t) => (t.type === "word" && !t.prefix ? [t.word] : []));
  if (plain.length < 2) return terms.map((t) => tsTerm(t, config, params)).join(" || ");
  params.push(plain.join(" | "));
  const others = terms.filter((t) => t.type !== "word" || t.prefix);
  return [`to_tsquery(${config}, ?)`, ...others.map((t) => tsTerm(t, config, params))].join(" || ");
}

/** The search expression as a tsquery-valued SQL expression; words travel as parameters. */
function tsQuery(expression: SearchExpression, language: Language | undefined): Fragment {
  const config = configuration(language);
  const params: unknown[] = [];
  const groups = expression.all.map((g) => `(${tsAlternatives(g, config, params)})`);
  let sql = groups.join(" && ");
  if (expression.none.length) sql = `(${sql}) && !!(${tsAlternatives(expression.none, config, params)})`;
  return { sql, params };
}

const languageConfiguration = `CASE language ${Object.entries(CONFIGURATIONS)
  .map(([code, name]) => `WHEN '${code}' THEN '${name}'::regconfig`)
  .join(" ")} ELSE 'simple'::regconfig END`;

export const postgresDialect: SqlDialect = {
  name: "postgres",
  types: { id: "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", key: "BIGINT", blob: "BYTEA", binary_text: 'TEXT COLLATE "C"', without_rowid: "" },
  lockRows: " FOR UPDATE",
  ilike: "ILIKE",
  fullTextSchema: () => [
    `ALTER TABLE paragraphs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector(${languageConfiguration}, text)) STORED`,
    "CREATE INDEX paragraphs_tsv ON paragraphs USING GIN (tsv)",
  ],
  // The planner combines the GIN index with the phrase index (or filters a few rows) by itself.
  indexesParagraphTags: false,
  paragraphTagsSchema: () => [],
  // the tsvector is a generated column: PostgreSQL indexes each row as it is written
  indexPerDocumentSchema: () => [],
  indexParagraphs: () => null,
  reindexAllParagraphs: () => [],
  async prefixTerms(db: SqlExecutor, prefix: string, words: readonly string[], language: Language | undefined): Promise<SearchTerm[]> {
    // stop words have no lexeme: nothing to search them by
    const rows = await db.all(
      `SELECT w.word, x.lexemes FROM unnest(?::text[]) AS w (word), tsvector_to_array(to_tsvector(${configuration(language)}, w.word)) AS x (lexemes)
       WHERE cardinality(x.lexemes) > 0`,
      [words],
    );
    const key = unaccented(prefix);
    const heads = new Set<string>();
    const missed: string[] = [];
    for (const row of rows) {
      const word = String(row.word);
      const head = word.slice(0, prefix.length);
      if (unaccented(head) === key && (row.lexemes as string[]).some((lexeme) => lexeme.startsWith(head))) heads.add(head);
      else missed.push(word);
    }
    return [...[...heads].map((head) => ({ type: "word" as const, word: head, prefix: true })), ...missed.map((word) => ({ type: "word" as const, word, prefix: false }))];
  },
  matchParagraphs(expression: SearchExpression | null, language: Language | undefined, _tags?: ParagraphTags, ids?: IdRange): Fragment | null {
    if (!expression) return null;
    const query = tsQuery(expression, language);
    const bounded = ids ? " AND p.id >= ? AND p.id < ?" : "";
    return { sql: `SELECT p.id FROM paragraphs p WHERE p.tsv @@ (${query.sql})${bounded}`, params: [...query.params, ...(ids ? [ids.from, ids.to] : [])] };
  },
  appendOnly: (table) => [
    `CREATE FUNCTION ${table}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '${table} is append-only: rows cannot be changed or deleted (%)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`,
    `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_refuse_change()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${table}_refuse_change()`,
  ],
  async lockForMigration(tx: SqlExecutor) {
    await tx.all(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
  },
};

export interface PostgresOptions extends OpenOptions {
  /** Schema to work in (created when missing); tests use a fresh one each. */
  schema?: string;
  poolSize?: number;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<SqlStore> {
  if (options.schema && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name ${options.schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  if (options.parallelQueries === false) {
    // queued on the new connection before any query the pool hands it out for; a server that
    // refused the setting would only leave its default in place
    pool.on("connect", (client) => void client.query("SET max_parallel_workers_per_gather = 0").catch(() => undefined));
  }
  if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
  const store = new SqlStore(postgresDialect, new PgDriver(pool), maskedLocation(url));
  try {
    if (options.migrate !== false) await store.migrate(options);
  } catch (e) {
    await pool.end();
    throw e;
  }
  return store;
}

import type { DialectName } from "./store.js";
import type { SearchExpression, SearchTerm } from "./search-query.js";
import type { Language } from "../model/types.js";

/**
 * What differs between the two databases, kept in one small surface (Kysely's dialect idea):
 * a driver that runs SQL, and a dialect that writes the few statements that are not portable
 * (full-text matching, the schema's type names, row locking). Everything else in
 * src/registry/sql-store/ is one SQL text for both, written with `?` placeholders.
 */

export type Row = Record<string, unknown>;

export interface SqlExecutor {
  all<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Inserts rows (values in `columns` order) as the database does it fastest. */
  insertRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
}

export interface SqlDriver {
  /** Reads outside any write transaction (a separate connection or a pool). */
  readonly reader: SqlExecutor;
  /**
   * Runs `work` in one write transaction: committed when it resolves, rolled back when it
   * throws. Write transactions of one driver never interleave.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Booleans as the 0/1 flags both schemas use; other values as they are. */
export function bindable(value: unknown): unknown {
  return typeof value === "boolean" ? (value ? 1 : 0) : value;
}

export interface ParagraphTags {
  kind?: string;
  verb?: string;
}

/** The tag tokens of a paragraph as the index stores them: "koperative", "vcallsupon". */
export function tagTokens(tags: ParagraphTags): string[] {
  return [...(tags.kind ? [`k${tags.kind}`] : []), ...(tags.verb ? [`v${tags.verb.toLowerCase().replace(/[\s-]+/g, "")}`] : [])];
}

/** Paragraph ids `[from, to)`: bounds a full-text match to the documents a filter allows. */
export interface IdRange {
  from: number;
  to: number;
}

/** A statement fragment: SQL text with `?` placeholders and its parameters, in order. */
export interface Fragment {
  sql: string;
  params: unknown[];
}

export interface SqlDialect {
  readonly name: DialectName;
  /**
   * What differs in the shared DDL: `{id}`, `{key}`, `{blob}`, `{binary_text}` (text compared by
   * code point, whatever the database's collation) and `{without_rowid}` (a table stored as its
   * primary key's B-tree, where the engine can) are replaced by these.
   */
  readonly types: { id: string; key: string; blob: string; binary_text: string; without_rowid: string };
  /** Appended to a SELECT that reads a row about to be updated (`FOR UPDATE` where it exists). */
  readonly lockRows: string;
  /** Case-insensitive LIKE operator. */
  readonly ilike: string;
  /** Statements of the full-text migration. */
  fullTextSchema(): string[];
  /**
   * Whether the full-text index also holds each paragraph's kind and verb, so that those
   * filters are matched in the index (intersecting posting lists) rather than row by row.
   */
  readonly indexesParagraphTags: boolean;
  /** Statements of migration 4: the paragraph tags in the full-text index, where the dialect keeps them. */
  paragraphTagsSchema(): string[];
  /**
   * Statements of migration 7: inserted paragraphs are no longer indexed row by row by a
   * trigger, where the dialect had one; `indexParagraphs` indexes a document's at once.
   */
  indexPerDocumentSchema(): string[];
  /**
   * A statement that adds paragraphs `[fromId, toId)`, just inserted, to the full-text index;
   * null when the database indexes them itself (a generated column).
   */
  indexParagraphs(fromId: number, toId: number): Fragment | null;
  /** Statements that read every paragraph into the full-text index again after their ids changed; none where the index lives on the rows. */
  reindexAllParagraphs(): string[];
  /**
   * A SELECT yielding the `id` of the paragraphs matching `expr` (and `tags`, when the dialect
   * indexes them), or null when there is nothing for the index to match. Unranked: relevance is
   * computed over a window of candidates (src/registry/ranking.ts), because the engines' rank
   * functions read every match of every term.
   */
  matchParagraphs(expr: SearchExpression | null, language: Language | undefined, tags?: ParagraphTags, ids?: IdRange): Fragment | null;
  /**
   * Where the engine's own prefix search is fast and its estimates sound (PostgreSQL's GIN: 1-6
   * ms, where the words' disjunction misled the planner into 150-700 ms scans), the terms a
   * prefix's expansion is searched by: the prefix as the words begin it ("diffe", and "diffé"
   * beside it: the engine keeps accents), searched by the engine, and the words whose stems do
   * not begin so ("sustainable", stem "sustain", for "sustainab"). Absent where every word is
   * searched instead (SQLite: FTS5 merges every posting of a prefix before returning a row).
   */
  prefixTerms?(db: SqlExecutor, prefix: string, words: readonly string[], language: Language | undefined): Promise<SearchTerm[]>;
  /**
   * Statements that make a table append-only in the database itself: triggers that refuse every
   * UPDATE and DELETE of its rows (and TRUNCATE, where the engine has it), whoever connects.
   */
  appendOnly(table: string): string[];
  /** Serialises concurrent migrators (an advisory lock on PostgreSQL; SQLite's write lock suffices). */
  lockForMigration(tx: SqlExecutor): Promise<void>;
}

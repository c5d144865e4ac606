import type { Migration } from "./index.js";

/**
 * Indexes no query reads, dropped: each document's write dirtied one page of each per row at a
 * random place (hashes, actor names, verbs, goals), the larger part of a write transaction.
 * The actor filter matches substrings, which no B-tree serves; the SDG filter reads
 * document_goals by its key; the verb filter reads the full-text index's tags (SQLite) or the
 * paragraphs in id order (PostgreSQL).
 */
export const leanIndexes: Migration = {
  id: 6,
  name: "drop indexes no query reads",
  statements: () => [
    "DROP INDEX paragraphs_text_hash",
    "DROP INDEX paragraphs_phrase",
    "DROP INDEX mandates_actor",
    "DROP INDEX sdg_links_goal",
    "DROP INDEX document_goals_goal",
  ],
};

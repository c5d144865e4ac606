import { DOCUMENT_SPAN, MAX_RECENCY, PARAGRAPH_ID_SPAN } from "../rows.js";
import type { Migration } from "./index.js";

/** `recencyOf` in SQL, over the documents row `alias`. */
const recency = (alias: string) => {
  const years = `(COALESCE(${alias}.year, 1945 + ${alias}.session, 1900) - 1900)`;
  return `(CASE WHEN ${years} < 0 THEN 0 WHEN ${years} > ${MAX_RECENCY} THEN ${MAX_RECENCY} ELSE ${years} END)`;
};
/** `paragraphBase` in SQL; BIGINT before multiplying, as PostgreSQL's integers would overflow. */
const newBase = (alias: string) => `((CAST(${MAX_RECENCY} - ${recency(alias)} AS BIGINT) * ${DOCUMENT_SPAN} + ${alias}.id) * ${PARAGRAPH_ID_SPAN})`;
/** Rows written before migration 3 have no base: their range began at id * span. */
const oldBase = (alias: string) => `COALESCE(${alias}.paragraph_base, CAST(${alias}.id AS BIGINT) * ${PARAGRAPH_ID_SPAN})`;

const shifted = (table: string, column: string, notNull: string) =>
  `UPDATE ${table} SET ${column} = ${column} + (SELECT s.shift FROM paragraph_id_shifts s WHERE s.document_id = ${table}.document_id)${notNull}`;

/**
 * Paragraph ids ascend from the newest document (rows.ts, `paragraphBase`), where they
 * descended from it: FTS5 reads postings forwards faster than backwards. Every document's
 * paragraphs move by one offset, and the references to them with it. No new id can equal an
 * old one (a document's recency would have to be 127.5), so the moves never collide. SQLite's
 * full-text index is then rebuilt, as it holds the old ids.
 */
export const newestFirstIds: Migration = {
  id: 10,
  name: "paragraph ids ascending from the newest document",
  statements: (dialect) => [
    "CREATE TABLE paragraph_id_shifts (document_id INTEGER PRIMARY KEY, shift {key} NOT NULL)",
    `INSERT INTO paragraph_id_shifts (document_id, shift) SELECT d.id, ${newBase("d")} - ${oldBase("d")} FROM documents d`,
    shifted("paragraphs", "id", ""),
    shifted("citations", "paragraph_id", " WHERE paragraph_id IS NOT NULL"),
    shifted("mandates", "paragraph_id", ""),
    shifted("sdg_links", "paragraph_id", " WHERE paragraph_id IS NOT NULL"),
    `UPDATE documents SET paragraph_base = ${newBase("documents")} WHERE version_count > 0`,
    "DROP TABLE paragraph_id_shifts",
    ...dialect.reindexAllParagraphs(),
  ],
};

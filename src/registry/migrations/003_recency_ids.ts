import type { Migration } from "./index.js";

/**
 * Paragraph ids carry the document's recency (rows.ts, `paragraphBase`), so "newest matches
 * first" is the index's own order; each document records the base of its current id range.
 * Rows written before keep the old layout (document id * 65536 + ordinal), which the range
 * delete still finds through a NULL base. The phrase index serves filter-only listings.
 */
export const recencyIds: Migration = {
  id: 3,
  name: "recency-ordered paragraph ids, paragraph phrase index",
  statements: () => ["ALTER TABLE documents ADD COLUMN paragraph_base {key}", "CREATE INDEX paragraphs_phrase ON paragraphs (phrase)"],
};

import type { Migration } from "./index.js";

/**
 * The paragraph hash indexed again (migration 6 dropped it when nothing read it): "where else
 * does this paragraph appear" (`Store.paragraphOccurrences`) looks paragraphs up by it. Writes
 * now come in batches of documents, which keeps the index's share of a write small.
 */
export const paragraphHashIndex: Migration = {
  id: 8,
  name: "paragraph hash index for where-else lookups",
  statements: () => ["CREATE INDEX paragraphs_text_hash ON paragraphs (text_hash)"],
};

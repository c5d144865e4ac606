import type { Migration } from "./index.js";

/**
 * Paragraphs by verb, newest first, where the full-text index does not carry the verb as a tag
 * (PostgreSQL): a verb filter without words ("requests" at the seventy-ninth session) read
 * every paragraph and took 0.2-1.5 s there; with this index and the join on the document id
 * that paragraph ids embed, about 5 ms. SQLite matches verbs in its full-text tags.
 */
export const verbIndex: Migration = {
  id: 9,
  name: "paragraph verb index where full text has no verb tags",
  statements: (dialect) => (dialect.indexesParagraphTags ? [] : ["CREATE INDEX paragraphs_phrase ON paragraphs (phrase, id) WHERE phrase IS NOT NULL"]),
};

import type { Migration } from "./index.js";

/** The paragraphs' full-text index: FTS5 on SQLite, a tsvector column with GIN on PostgreSQL. */
export const fullText: Migration = {
  id: 2,
  name: "full-text index of paragraphs",
  statements: (dialect) => dialect.fullTextSchema(),
};

import type { Migration } from "./index.js";

/**
 * A document's paragraphs enter the full-text index in one statement after they are written
 * (`SqlDialect.indexParagraphs`), not one trigger call per row. Deletes and updates keep their
 * triggers: they carry the old text the index needs to remove.
 */
export const indexPerDocument: Migration = {
  id: 7,
  name: "full-text index written per document",
  statements: (dialect) => dialect.indexPerDocumentSchema(),
};

import type { Migration } from "./index.js";

/**
 * Rows of official metadata (src/ingest/official-metadata.ts), one per resolution symbol,
 * whether or not the registry holds the resolution yet: `facts` is the row's facts as JSON
 * (src/model/official.ts), merged into a document's metadata when it is read; the vote's
 * outcome and counts and the session are columns as well, for queries.
 */
export const officialMetadata: Migration = {
  id: 12,
  name: "rows of official metadata by symbol",
  statements: () => [
    `CREATE TABLE official_metadata (
      symbol TEXT PRIMARY KEY,
      session INTEGER,
      voting_outcome TEXT,
      in_favour INTEGER,
      against INTEGER,
      abstaining INTEGER,
      facts TEXT NOT NULL,
      source_name TEXT,
      source_line INTEGER,
      updated_at TEXT NOT NULL
    )`,
    "CREATE INDEX official_metadata_session ON official_metadata (session)",
  ],
};

import type { Migration } from "./index.js";

/** Fewer, larger merges of the full-text index's segments during bulk loads (see each dialect's statements). */
export const fullTextMerging: Migration = {
  id: 10,
  name: "full-text segment merging for bulk loads",
  statements: (dialect) => dialect.fullTextMergingSchema(),
};

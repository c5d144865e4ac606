import type { Migration } from "./index.js";

/**
 * Kind and verb of each paragraph as tokens of the full-text index ("koperative",
 * "vrequests"), where the dialect keeps them (SQLite: a second FTS5 column, the index rebuilt
 * from a view), so those filters intersect posting lists instead of reading every matching row.
 */
export const paragraphTags: Migration = {
  id: 4,
  name: "paragraph kind and verb in the full-text index",
  statements: (dialect) => dialect.paragraphTagsSchema(),
};

import type { Migration } from "./index.js";

/**
 * Each document's distinct SDG goals, whatever linked them (its own classification, the
 * enrichment of a paragraph or of the whole text): what the SDG filter and facet ask, without
 * reading every link of every document.
 */
export const documentGoals: Migration = {
  id: 5,
  name: "distinct SDG goals per document",
  statements: () => [
    "CREATE TABLE document_goals (document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE, goal TEXT NOT NULL, PRIMARY KEY (document_id, goal))",
    "CREATE INDEX document_goals_goal ON document_goals (goal, document_id)",
    "INSERT INTO document_goals (document_id, goal) SELECT DISTINCT document_id, goal FROM sdg_links",
  ],
};

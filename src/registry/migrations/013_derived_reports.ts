import type { Migration } from "./index.js";

/**
 * Reports derived from the whole registry (the duplication report), kept with the registry's
 * stamp when they were computed: a report is read back while the stamp is unchanged and
 * computed again after a write (derived-reports.ts).
 */
export const derivedReports: Migration = {
  id: 13,
  name: "reports derived from the whole registry, with the stamp they were computed at",
  statements: () => ["CREATE TABLE derived_reports (name TEXT PRIMARY KEY, stamp TEXT NOT NULL, computed_at TEXT NOT NULL, body {blob} NOT NULL)"],
};

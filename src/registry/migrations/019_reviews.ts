import type { Migration } from "./index.js";

/**
 * The review of mandates (src/registry/lifecycle/reviews.ts), keyed by the mandate's stable id
 * (migration 17) and never a column of the derived mandate rows, which each new version or
 * extraction rewrites: a review outlives its mandate's rows, and one whose mandate a new
 * extraction no longer finds is shown as orphaned with what the mandate was when reviewed
 * (`mandate_*`). `version` counts the edits of a row: an edit names the version it was made
 * against, and a stale one is refused. Mandates an entity implements that the registry does not
 * hold yet are `unlisted_mandates`, reviewed like the others; `carried_over` lists the pairs of
 * versions whose decisions a new version inherited; deliveries of the reports a
 * mandate asks for are `report_deliveries`, one per mandate and session due.
 */
export const reviews: Migration = {
  id: 19,
  name: "review decisions, report deliveries and mandates the registry does not hold",
  statements: () => [
    `CREATE TABLE reviews (
      mandate_id TEXT NOT NULL,
      entity TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('RETAIN', 'REVIEW', 'REMOVE')),
      disposition TEXT CHECK (disposition IN ('renewal', 'adaptation', 'merger', 'replacement', 'retirement')),
      absorbed_by TEXT,
      status TEXT CHECK (status IN ('not-started', 'ongoing', 'completed', 'no-longer-relevant')),
      justification TEXT NOT NULL DEFAULT '',
      evidence TEXT NOT NULL DEFAULT '[]',
      needs_confirmation SMALLINT NOT NULL DEFAULT 0,
      carried_from TEXT,
      mandate_symbol TEXT NOT NULL,
      mandate_ref TEXT NOT NULL,
      mandate_actor TEXT NOT NULL,
      mandate_action TEXT NOT NULL,
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES users (id),
      PRIMARY KEY (mandate_id, entity)
    )`,
    "CREATE INDEX reviews_entity ON reviews (entity)",
    "CREATE INDEX reviews_symbol ON reviews (mandate_symbol)",
    `CREATE TABLE report_deliveries (
      mandate_id TEXT NOT NULL,
      due_session INTEGER NOT NULL,
      symbol TEXT,
      note TEXT NOT NULL DEFAULT '',
      version INTEGER NOT NULL,
      updated_at TEXT NOT NULL,
      updated_by INTEGER REFERENCES users (id),
      PRIMARY KEY (mandate_id, due_session)
    )`,
    `CREATE TABLE unlisted_mandates (
      id TEXT PRIMARY KEY,
      entity TEXT NOT NULL,
      symbol TEXT NOT NULL,
      paragraph TEXT NOT NULL,
      description TEXT NOT NULL,
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES users (id)
    )`,
    "CREATE INDEX unlisted_mandates_entity ON unlisted_mandates (entity)",
    // Pairs of consecutive versions of a recurring resolution whose decisions were carried over, once each.
    `CREATE TABLE carried_over (
      earlier TEXT NOT NULL,
      later TEXT NOT NULL,
      language TEXT NOT NULL,
      reviews INTEGER NOT NULL,
      carried_at TEXT NOT NULL,
      PRIMARY KEY (earlier, later, language)
    )`,
  ],
};

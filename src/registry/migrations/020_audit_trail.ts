import type { Migration } from "./index.js";

/**
 * The audit trail (src/registry/lifecycle/audit.ts): one row per change, written in the
 * change's own transaction, with who (the user, and how: web session, API token, CLI, CSV
 * import, carry-over), when, what (action, mandate, entity or account) and the state before
 * and after as JSON. Append-only in the database itself: triggers refuse every UPDATE and DELETE
 * (and, on PostgreSQL, TRUNCATE) whoever connects, so that no code path, and no one with the
 * registry's credentials and a SQL prompt, rewrites the history unnoticed.
 */
export const auditTrail: Migration = {
  id: 20,
  name: "the append-only audit trail",
  statements: (dialect) => [
    `CREATE TABLE audit_log (
      id {id},
      at TEXT NOT NULL,
      user_id INTEGER,
      user_email TEXT,
      via TEXT NOT NULL,
      action TEXT NOT NULL,
      mandate_id TEXT,
      entity TEXT,
      subject TEXT,
      before_state TEXT,
      after_state TEXT
    )`,
    "CREATE INDEX audit_log_mandate ON audit_log (mandate_id, id)",
    "CREATE INDEX audit_log_user ON audit_log (user_id, id)",
    ...dialect.appendOnly("audit_log"),
  ],
};

import type { SqlExecutor } from "../dialect.js";
import type { Page, Paged } from "../store.js";
import type { AuditEntry, AuditFilter, Author, Via } from "./types.js";

/**
 * The audit trail (migration 20): appended in the transaction of the change it records, read per
 * mandate, per user or whole. Rows are never updated or deleted; the database refuses it.
 */

export interface AuditRecord {
  action: string;
  mandateId?: string | null;
  entity?: string | null;
  /** What else the change is about: the account or token changed. */
  subject?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export async function appendAudit(tx: SqlExecutor, by: Author, record: AuditRecord, at: string): Promise<void> {
  await tx.run(
    "INSERT INTO audit_log (at, user_id, user_email, via, action, mandate_id, entity, subject, before_state, after_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [at, by.userId, by.email, by.via, record.action, record.mandateId ?? null, record.entity ?? null, record.subject ?? null, json(record.before), json(record.after)],
  );
}

function parsed(text: unknown): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(String(text));
  } catch {
    return String(text);
  }
}

export function auditEntryOf(r: Record<string, unknown>): AuditEntry {
  return {
    id: Number(r.id),
    at: String(r.at),
    user: r.user_email === null || r.user_email === undefined ? null : String(r.user_email),
    via: r.via as Via,
    action: String(r.action),
    mandateId: r.mandate_id === null ? null : String(r.mandate_id),
    entity: r.entity === null ? null : String(r.entity),
    subject: r.subject === null ? null : String(r.subject),
    before: parsed(r.before_state),
    after: parsed(r.after_state),
  };
}

export async function readAudit(db: SqlExecutor, filter: AuditFilter, page: Page): Promise<Paged<AuditEntry>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.mandate) {
    conditions.push("mandate_id = ?");
    params.push(filter.mandate);
  }
  if (filter.user) {
    conditions.push("user_email = ?");
    params.push(filter.user.trim().toLowerCase());
  }
  const where = conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "";
  const [count] = await db.all(`SELECT COUNT(*) AS n FROM audit_log${where}`, params);
  const rows = await db.all(`SELECT * FROM audit_log${where} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, page.limit, page.offset]);
  return { total: Number(count!.n), limit: page.limit, offset: page.offset, items: rows.map(auditEntryOf) };
}

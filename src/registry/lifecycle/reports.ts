import { problem } from "../../model/problems.js";
import { reportDueSessions, reportOccurrences, sittingSession } from "../../model/reports-due.js";
import type { Row, SqlExecutor } from "../dialect.js";
import type { Page, Paged } from "../store.js";
import { num, type SqlContext, str } from "../sql-store/context.js";
import { looksLikeSymbol, symbolFromInput } from "../../model/symbols.js";
import { appendAudit } from "./audit.js";
import { addressedTo, answeredBy, mandateTarget, ONE_ROW_PER_MANDATE, TARGET_COLUMNS, targetOf } from "./reviews.js";
import type { Author, Done, MandateReports, OverdueFilter, OverdueReport, ReportDelivery } from "./types.js";

/**
 * The reports mandates ask for (src/model/reports-due.ts decides when each falls due) and their
 * deliveries as entities record them (migration 19): one per mandate and session due, with the
 * delivered report's symbol. What the registry knows delivered is what was recorded: an overdue
 * report is one whose session has closed with no symbol recorded for it.
 */

/** The session at which the next version of a document's series was adopted, when the registry holds one. */
const SUPERSEDED_AT = `(SELECT MIN(d2.session) FROM series_members sm JOIN series_members sm2 ON sm2.series_id = sm.series_id AND sm2.position = sm.position + 1
  JOIN documents d2 ON d2.id = sm2.document_id WHERE sm.document_id = d.id)`;

function deliveryOf(r: Row): ReportDelivery {
  return {
    mandateId: String(r.mandate_id),
    session: Number(r.due_session),
    symbol: str(r.symbol),
    note: String(r.note ?? ""),
    version: Number(r.version),
    updatedAt: String(r.updated_at),
    updatedBy: str(r.updated_by_email) ?? "registry",
  };
}

const DELIVERY_SELECT = "SELECT r.*, u.email AS updated_by_email FROM report_deliveries r LEFT JOIN users u ON u.id = r.updated_by";

async function deliveriesOf(db: SqlExecutor, mandateId: string): Promise<ReportDelivery[]> {
  return (await db.all(`${DELIVERY_SELECT} WHERE r.mandate_id = ? ORDER BY r.due_session`, [mandateId])).map(deliveryOf);
}

async function supersededAt(db: SqlExecutor, mandateId: string): Promise<number | null> {
  const [row] = await db.all(`SELECT ${SUPERSEDED_AT} AS s FROM mandates x JOIN documents d ON d.id = x.document_id WHERE x.uid = ? LIMIT 1`, [mandateId]);
  return row ? num(row.s) : null;
}

export async function reportsOf(db: SqlExecutor, mandateId: string, today: string): Promise<MandateReports | null> {
  const target = await mandateTarget(db, mandateId);
  if (!target) return null;
  const deliveries = await deliveriesOf(db, mandateId);
  const superseded = await supersededAt(db, mandateId);
  const delivered = new Map(deliveries.map((d) => [d.session, d.symbol]));
  return { mandateId, occurrences: reportOccurrences(target, sittingSession(today), delivered, superseded), deliveries, supersededAt: superseded };
}

/** Whether `by` answers for the mandate's reports: an admin, or an editor of its addressee or of an entity that reviewed it. */
async function mayRecordDelivery(db: SqlExecutor, by: Author, mandateId: string): Promise<string | null> {
  if (by.role === "admin") return null;
  if (by.role !== "editor") return "a viewer may read deliveries but not record them";
  const target = (await mandateTarget(db, mandateId))!;
  for (const entity of by.entities) {
    if (await addressedTo(db, target, entity)) return null;
    if ((await db.all("SELECT 1 AS yes FROM reviews WHERE mandate_id = ? AND entity = ?", [mandateId, entity])).length) return null;
  }
  return `mandate ${mandateId} is addressed to ${target.actorCanonical ?? target.actor}, which you do not answer for`;
}

export async function setDelivery(
  context: SqlContext,
  mandateId: string,
  session: number,
  input: { symbol: string | null; note: string; version: number },
  by: Author,
): Promise<Done<ReportDelivery> | { ok: false; status: 409; message: string; current: ReportDelivery | null }> {
  const target = await mandateTarget(context.db, mandateId);
  if (!target) return { ok: false, status: 404, message: `no mandate ${mandateId}` };
  const refused = await mayRecordDelivery(context.db, by, mandateId);
  if (refused) return { ok: false, status: 403, message: refused };
  const superseded = await supersededAt(context.db, mandateId);
  // a delivery may be recorded for any session the report fell due at, or falls due at within a decade
  const due = reportDueSessions(target, sittingSession(new Date().toISOString()) + 10, superseded);
  if (!due.includes(session)) {
    const p = problem("review-field", `mandate ${mandateId} asks for no report at session ${session}${due.length ? ` (due at ${due.slice(-6).join(", ")})` : ""}`);
    return { ok: false, status: 400, message: p.message, problems: [p] };
  }
  const symbol = input.symbol?.trim() ? symbolFromInput(input.symbol) : null;
  if (symbol !== null && (symbol.length > 100 || !looksLikeSymbol(symbol))) {
    const p = problem("review-field", `"${input.symbol!.slice(0, 40)}" is not a document symbol (A/79/123)`);
    return { ok: false, status: 400, message: p.message, problems: [p] };
  }
  if (input.note.length > 2000) {
    const p = problem("review-field", "a delivery's note is at most 2,000 characters");
    return { ok: false, status: 400, message: p.message, problems: [p] };
  }
  const now = new Date().toISOString();
  return context.driver.transaction(async (tx) => {
    const read = async () => {
      const [row] = await tx.all(`${DELIVERY_SELECT} WHERE r.mandate_id = ? AND r.due_session = ?`, [mandateId, session]);
      return row ? deliveryOf(row) : null;
    };
    const current = await read();
    const stale = async () => {
      const latest = await read();
      return { ok: false as const, status: 409 as const, message: `the delivery for session ${session} is at version ${latest?.version ?? 0}; your edit was made against version ${input.version}`, current: latest };
    };
    if ((current?.version ?? 0) !== input.version) return stale();
    if (current && current.symbol === symbol && current.note === input.note.trim()) return { ok: true as const, value: current };
    const changed = current
      ? await tx.run("UPDATE report_deliveries SET symbol = ?, note = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE mandate_id = ? AND due_session = ? AND version = ?", [
          symbol, input.note.trim(), now, by.userId, mandateId, session, input.version,
        ])
      : await tx.run(
          "INSERT INTO report_deliveries (mandate_id, due_session, symbol, note, version, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, ?, ?) ON CONFLICT (mandate_id, due_session) DO NOTHING",
          [mandateId, session, symbol, input.note.trim(), now, by.userId],
        );
    if (changed !== 1) return stale();
    const saved = (await read())!;
    const state = (d: ReportDelivery | null) => (d ? { session: d.session, symbol: d.symbol, note: d.note, version: d.version } : null);
    await appendAudit(tx, by, { action: "report.delivery", mandateId, subject: `session ${session}`, before: state(current), after: state(saved) }, now);
    return { ok: true as const, value: saved };
  });
}

/**
 * Reports overdue on `today`: due at a session that has closed (and at or after `since`), with no
 * delivery recorded; for one entity, those of the mandates addressed to it or that it reviewed.
 * Newest session first.
 */
export async function overdueReports(db: SqlExecutor, filter: OverdueFilter, page: Page): Promise<Paged<OverdueReport>> {
  const sitting = sittingSession(filter.today);
  const conditions = ["x.report = 1", "(x.due_session IS NOT NULL OR x.recurrence IS NOT NULL)"];
  const params: unknown[] = [];
  if (filter.entity) {
    const answered = answeredBy(filter.entity);
    conditions.push(answered.sql);
    params.push(...answered.params);
  }
  conditions.push(ONE_ROW_PER_MANDATE);
  const rows = await db.all(
    `SELECT ${TARGET_COLUMNS}, d.title, ${SUPERSEDED_AT} AS superseded_at FROM mandates x JOIN documents d ON d.id = x.document_id
     WHERE ${conditions.join(" AND ")}`,
    params,
  );
  const ids = rows.map((r) => String(r.uid));
  const delivered = new Map<string, Map<number, string | null>>();
  const reviewers = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const marks = chunk.map(() => "?").join(", ");
    for (const d of await db.all(`SELECT mandate_id, due_session, symbol FROM report_deliveries WHERE mandate_id IN (${marks})`, chunk)) {
      const map = delivered.get(String(d.mandate_id)) ?? new Map<number, string | null>();
      map.set(Number(d.due_session), str(d.symbol));
      delivered.set(String(d.mandate_id), map);
    }
    for (const r of await db.all(`SELECT mandate_id, entity FROM reviews WHERE mandate_id IN (${marks}) ORDER BY entity`, chunk)) {
      reviewers.set(String(r.mandate_id), [...(reviewers.get(String(r.mandate_id)) ?? []), String(r.entity)]);
    }
  }
  const overdue: OverdueReport[] = [];
  for (const r of rows) {
    const target = targetOf(r);
    const occurrences = reportOccurrences(target, sitting, delivered.get(target.id) ?? new Map(), num(r.superseded_at));
    for (const o of occurrences) {
      if (o.state !== "overdue" || (filter.since !== undefined && o.session < filter.since)) continue;
      overdue.push({ mandate: { ...target, title: str(r.title) }, session: o.session, entities: reviewers.get(target.id) ?? [] });
    }
  }
  overdue.sort((a, b) => b.session - a.session || a.mandate.symbol.localeCompare(b.mandate.symbol) || a.mandate.ref.localeCompare(b.mandate.ref, "en", { numeric: true }));
  return { total: overdue.length, limit: page.limit, offset: page.offset, items: overdue.slice(page.offset, page.offset + page.limit) };
}

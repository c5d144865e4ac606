import type { SqlExecutor } from "../dialect.js";
import type { Page, Paged } from "../store.js";
import { str } from "../sql-store/context.js";
import { answeredBy, ONE_ROW_PER_MANDATE, reviewOf, TARGET_COLUMNS, targetOf } from "./reviews.js";
import type { EntityMandate, EntityMandateFilter, StoredReview, SummaryBy, SummaryRow } from "./types.js";

/**
 * What an entity is asked to do and what it decided: its mandates with their decisions, the
 * mandates it recorded that the registry does not hold, and the review summarised per entity or
 * per series (retained, flagged for review, proposed for removal, undecided).
 */

/** Mandates of the registry an entity answers for, one row per mandate id (English first). */
function entityScope(entity: string): { sql: string; params: unknown[] } {
  const answered = answeredBy(entity);
  return { sql: `${answered.sql} AND ${ONE_ROW_PER_MANDATE}`, params: answered.params };
}

export async function entityMandates(db: SqlExecutor, filter: EntityMandateFilter, page: Page): Promise<Paged<EntityMandate>> {
  const scope = entityScope(filter.entity);
  const conditions = [scope.sql];
  const params: unknown[] = [filter.entity, ...scope.params];
  if (filter.session !== undefined) {
    conditions.push("d.session = ?");
    params.push(filter.session);
  }
  if (filter.symbol) {
    conditions.push("d.symbol = ?");
    params.push(filter.symbol);
  }
  if (filter.decided !== undefined) conditions.push(filter.decided ? "r.mandate_id IS NOT NULL" : "r.mandate_id IS NULL");
  if (filter.decision) {
    conditions.push("r.decision = ?");
    params.push(filter.decision);
  }
  if (filter.status) {
    conditions.push("r.status = ?");
    params.push(filter.status);
  }
  if (filter.needsConfirmation !== undefined) conditions.push(`r.needs_confirmation = ${filter.needsConfirmation ? 1 : 0}`);
  const from = `FROM mandates x JOIN documents d ON d.id = x.document_id LEFT JOIN reviews r ON r.mandate_id = x.uid AND r.entity = ? WHERE ${conditions.join(" AND ")}`;
  const [count] = await db.all(`SELECT COUNT(*) AS n ${from}`, params);
  const rows = await db.all(
    `SELECT ${TARGET_COLUMNS}, d.title, d.language ${from}
     ORDER BY d.session DESC NULLS LAST, d.number DESC NULLS LAST, d.symbol, x.paragraph_number, x.id LIMIT ? OFFSET ?`,
    [...params, page.limit, page.offset],
  );
  const ids = rows.map((r) => String(r.uid));
  const reviews = await reviewsOfMany(db, ids);
  return {
    total: Number(count!.n),
    limit: page.limit,
    offset: page.offset,
    items: rows.map((r) => ({ mandate: { ...targetOf(r), title: str(r.title), language: String(r.language) }, reviews: reviews.get(String(r.uid)) ?? [] })),
  };
}

/** The reviews of several mandates at once, by mandate id. */
export async function reviewsOfMany(db: SqlExecutor, ids: readonly string[]): Promise<Map<string, StoredReview[]>> {
  const out = new Map<string, StoredReview[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (!chunk.length) continue;
    const rows = await db.all(
      `SELECT r.*, u.email AS updated_by_email, 1 AS held FROM reviews r LEFT JOIN users u ON u.id = r.updated_by
       WHERE r.mandate_id IN (${chunk.map(() => "?").join(", ")}) ORDER BY r.entity`,
      chunk,
    );
    for (const row of rows) {
      const review = reviewOf(row);
      const list = out.get(review.mandateId) ?? [];
      list.push(review);
      out.set(review.mandateId, list);
    }
  }
  return out;
}

/** Mandates recorded by entities (all, or one entity's), newest first, with their reviews. */
export async function unlistedMandates(db: SqlExecutor, entity?: string): Promise<EntityMandate[]> {
  const rows = await db.all(
    `SELECT id AS uid, symbol, paragraph AS ref, NULL AS sub, entity AS actor, entity AS actor_canonical, description AS action, NULL AS session,
       0 AS report, NULL AS due_session, NULL AS recurrence, entity AS unlisted_for FROM unlisted_mandates${entity ? " WHERE entity = ?" : ""} ORDER BY created_at DESC, id`,
    entity ? [entity] : [],
  );
  const reviews = await reviewsOfMany(db, rows.map((r) => String(r.uid)));
  return rows.map((r) => ({ mandate: { ...targetOf(r), title: null, language: "en" }, reviews: reviews.get(String(r.uid)) ?? [] }));
}

interface Counts {
  mandates: number;
  retained: number;
  flagged: number;
  removal: number;
  needsConfirmation: number;
  orphaned: number;
}

function tally(rows: readonly Record<string, unknown>[]): Omit<Counts, "mandates" | "orphaned"> & { decided: number } {
  let retained = 0;
  let flagged = 0;
  let removal = 0;
  let needsConfirmation = 0;
  for (const r of rows) {
    if (r.decision === "RETAIN") retained++;
    else if (r.decision === "REVIEW") flagged++;
    else if (r.decision === "REMOVE") removal++;
    if (Number(r.needs_confirmation) === 1) needsConfirmation++;
  }
  return { retained, flagged, removal, needsConfirmation, decided: rows.length };
}

function row(group: string, symbol: string | null, c: Counts): SummaryRow {
  return { group, symbol, ...c, undecided: Math.max(0, c.mandates - c.retained - c.flagged - c.removal) };
}

/**
 * The review summarised: per entity (those that answer for mandates: assigned to a user, or
 * that decided any), over the mandates addressed to or reviewed for it; or per series, over the
 * mandates of its newest member held, for the series whose members carry any decision.
 */
export async function summary(db: SqlExecutor, by: SummaryBy, entity?: string): Promise<SummaryRow[]> {
  if (by === "entity") {
    const names = entity
      ? [entity]
      : [...new Set((await db.all("SELECT entity FROM reviews UNION SELECT entity FROM user_entities ORDER BY entity")).map((r) => String(r.entity)))];
    const out: SummaryRow[] = [];
    for (const name of names) {
      const answered = answeredBy(name);
      const [held] = await db.all(`SELECT COUNT(DISTINCT x.uid) AS n FROM mandates x WHERE ${answered.sql}`, answered.params);
      const unlisted = await db.all("SELECT COUNT(*) AS n FROM unlisted_mandates WHERE entity = ?", [name]);
      const decided = await db.all(
        `SELECT r.decision, r.needs_confirmation, CASE WHEN EXISTS (SELECT 1 FROM mandates m WHERE m.uid = r.mandate_id)
           OR EXISTS (SELECT 1 FROM unlisted_mandates n WHERE n.id = r.mandate_id) THEN 0 ELSE 1 END AS orphaned FROM reviews r WHERE r.entity = ?`,
        [name],
      );
      const { decided: _decided, ...t } = tally(decided.filter((d) => Number(d.orphaned) === 0));
      out.push(row(name, null, { mandates: Number(held!.n) + Number(unlisted[0]!.n), ...t, orphaned: decided.filter((d) => Number(d.orphaned) === 1).length }));
    }
    return out;
  }
  // Series whose members' mandates carry a decision, and the newest member of each.
  const series = await db.all(
    `SELECT s.id, s.title, d.symbol, d.id AS document_id FROM series s
       JOIN series_members sm ON sm.series_id = s.id JOIN documents d ON d.id = sm.document_id
     WHERE sm.position = (SELECT MAX(position) FROM series_members m2 WHERE m2.series_id = s.id)
       AND EXISTS (SELECT 1 FROM series_members m3 JOIN documents d3 ON d3.id = m3.document_id JOIN reviews r ON r.mandate_symbol = d3.symbol
                   WHERE m3.series_id = s.id${entity ? " AND r.entity = ?" : ""})
     ORDER BY s.title`,
    entity ? [entity] : [],
  );
  const out: SummaryRow[] = [];
  const answered = entity ? answeredBy(entity) : null;
  for (const s of series) {
    const [held] = await db.all(
      `SELECT COUNT(DISTINCT x.uid) AS n FROM mandates x WHERE x.document_id = ?${answered ? ` AND ${answered.sql}` : ""}`,
      [s.document_id, ...(answered?.params ?? [])],
    );
    const decided = await db.all(
      `SELECT r.decision, r.needs_confirmation FROM reviews r WHERE r.mandate_id IN (SELECT uid FROM mandates WHERE document_id = ?)${entity ? " AND r.entity = ?" : ""}`,
      entity ? [s.document_id, entity] : [s.document_id],
    );
    // per series the counts are decisions (a mandate reviewed by two entities counts twice), undecided the mandates without any
    const [undecided] = await db.all(
      `SELECT COUNT(DISTINCT x.uid) AS n FROM mandates x WHERE x.document_id = ? AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.mandate_id = x.uid${entity ? " AND r.entity = ?" : ""})
       ${answered ? `AND ${answered.sql}` : ""}`,
      entity && answered ? [s.document_id, entity, ...answered.params] : [s.document_id],
    );
    const t = tally(decided);
    out.push({ group: String(s.title), symbol: String(s.symbol), mandates: Number(held!.n), retained: t.retained, flagged: t.flagged, removal: t.removal, needsConfirmation: t.needsConfirmation, orphaned: 0, undecided: Number(undecided!.n) });
  }
  return out;
}

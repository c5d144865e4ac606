import { MANDATE_ID_PATTERN } from "../../compare/mandate-id.js";
import { type Evidence, type ReviewFields, type ReviewInput, sameReview } from "../../model/lifecycle.js";
import { problem } from "../../model/problems.js";
import type { Row, SqlExecutor } from "../dialect.js";
import { actorKey } from "../../model/actors.js";
import { num, str } from "../sql-store/context.js";
import { appendAudit } from "./audit.js";
import { resolveEntity } from "./accounts.js";
import type { Author, Done, MandateTarget, Refusal, ReviewConflict, ReviewSaved, StoredReview } from "./types.js";

/**
 * Reading and writing review decisions (migration 19). One rule decides who may write: a viewer
 * never; an admin for any entity; an editor for an entity assigned to them, on a mandate
 * addressed to that entity (its addressee's key is the entity's) or already reviewed for it (an
 * admin made the entity responsible) or recorded by it. Every write names the version it was
 * made against, is refused as stale when the review moved on since, and is audited in the same
 * transaction, so the trail holds exactly one entry per change accepted.
 */

/** Unlisted mandates' ids: "u" and 16 hexadecimal digits, never equal to an extracted mandate's. */
export const UNLISTED_ID_PATTERN = /^u[0-9a-f]{16}$/;

export function isMandateId(id: string): boolean {
  return MANDATE_ID_PATTERN.test(id) || UNLISTED_ID_PATTERN.test(id);
}

export function targetOf(r: Row): MandateTarget {
  return {
    id: String(r.uid ?? r.id),
    symbol: String(r.symbol),
    ref: String(r.ref),
    sub: str(r.sub),
    actor: String(r.actor),
    actorCanonical: str(r.actor_canonical),
    action: String(r.action),
    session: num(r.session),
    report: Number(r.report) === 1,
    dueSession: num(r.due_session),
    recurrence: str(r.recurrence),
    unlistedFor: str(r.unlisted_for),
  };
}

/** Mandate rows (alias x) an entity answers for: addressed to it, or reviewed for it. */
export function answeredBy(entity: string): { sql: string; params: unknown[] } {
  return { sql: "(x.actor_key = ? OR x.uid IN (SELECT mandate_id FROM reviews WHERE entity = ?))", params: [actorKey(entity), entity] };
}

/** One mandate row (alias x) per mandate id among the renditions holding it: the English one where there is one. */
export const ONE_ROW_PER_MANDATE = `x.id = COALESCE(
  (SELECT MIN(x2.id) FROM mandates x2 JOIN documents d2 ON d2.id = x2.document_id WHERE x2.uid = x.uid AND d2.language = 'en'),
  (SELECT MIN(x3.id) FROM mandates x3 WHERE x3.uid = x.uid))`;

/** Columns of a mandate `x` and its document `d` that `targetOf` reads. */
export const TARGET_COLUMNS =
  "x.uid, d.symbol, x.ref, x.sub, x.actor, x.actor_canonical, x.action, d.session, x.report, x.due_session, x.recurrence, NULL AS unlisted_for";

/** The mandate with this id: its row in English when there is one, else in another language; or the unlisted mandate. */
export async function mandateTarget(db: SqlExecutor, id: string): Promise<MandateTarget | null> {
  if (MANDATE_ID_PATTERN.test(id)) {
    const [row] = await db.all(
      `SELECT ${TARGET_COLUMNS} FROM mandates x JOIN documents d ON d.id = x.document_id WHERE x.uid = ?
       ORDER BY CASE WHEN d.language = 'en' THEN 0 ELSE 1 END, x.id LIMIT 1`,
      [id],
    );
    return row ? targetOf(row) : null;
  }
  if (UNLISTED_ID_PATTERN.test(id)) {
    const [row] = await db.all(
      `SELECT id AS uid, symbol, paragraph AS ref, NULL AS sub, entity AS actor, entity AS actor_canonical, description AS action, NULL AS session,
         0 AS report, NULL AS due_session, NULL AS recurrence, entity AS unlisted_for FROM unlisted_mandates WHERE id = ?`,
      [id],
    );
    return row ? targetOf(row) : null;
  }
  return null;
}

const REVIEW_SELECT = `SELECT r.*, u.email AS updated_by_email,
  CASE WHEN EXISTS (SELECT 1 FROM mandates m WHERE m.uid = r.mandate_id) OR EXISTS (SELECT 1 FROM unlisted_mandates n WHERE n.id = r.mandate_id) THEN 1 ELSE 0 END AS held
  FROM reviews r LEFT JOIN users u ON u.id = r.updated_by`;

export function reviewOf(r: Row): StoredReview {
  let evidence: Evidence[] = [];
  try {
    evidence = JSON.parse(String(r.evidence)) as Evidence[];
  } catch {
    evidence = [];
  }
  return {
    mandateId: String(r.mandate_id),
    entity: String(r.entity),
    decision: r.decision as StoredReview["decision"],
    disposition: (str(r.disposition) as StoredReview["disposition"]) ?? null,
    absorbedBy: str(r.absorbed_by),
    status: (str(r.status) as StoredReview["status"]) ?? null,
    justification: String(r.justification ?? ""),
    evidence,
    needsConfirmation: Number(r.needs_confirmation) === 1,
    carriedFrom: str(r.carried_from),
    version: Number(r.version),
    updatedAt: String(r.updated_at),
    updatedBy: str(r.updated_by_email) ?? "registry",
    mandate: { symbol: String(r.mandate_symbol), ref: String(r.mandate_ref), actor: String(r.mandate_actor), action: String(r.mandate_action) },
    orphaned: Number(r.held) !== 1,
  };
}

export async function reviewsOf(db: SqlExecutor, mandateId: string): Promise<StoredReview[]> {
  return (await db.all(`${REVIEW_SELECT} WHERE r.mandate_id = ? ORDER BY r.entity`, [mandateId])).map(reviewOf);
}

export async function readReview(db: SqlExecutor, mandateId: string, entity: string): Promise<StoredReview | null> {
  const [row] = await db.all(`${REVIEW_SELECT} WHERE r.mandate_id = ? AND r.entity = ?`, [mandateId, entity]);
  return row ? reviewOf(row) : null;
}

export async function orphanedReviews(db: SqlExecutor, entity?: string): Promise<StoredReview[]> {
  const rows = await db.all(
    `${REVIEW_SELECT} WHERE NOT EXISTS (SELECT 1 FROM mandates m WHERE m.uid = r.mandate_id)
       AND NOT EXISTS (SELECT 1 FROM unlisted_mandates n WHERE n.id = r.mandate_id)${entity ? " AND r.entity = ?" : ""}
     ORDER BY r.mandate_symbol, r.mandate_ref, r.entity`,
    entity ? [entity] : [],
  );
  return rows.map(reviewOf);
}

/** Whether an entity is the addressee of a mandate (or recorded it). */
export async function addressedTo(db: SqlExecutor, target: MandateTarget, entity: string): Promise<boolean> {
  if (target.unlistedFor !== null) return actorKey(target.unlistedFor) === actorKey(entity);
  const rows = await db.all("SELECT 1 AS yes FROM mandates WHERE uid = ? AND actor_key = ? LIMIT 1", [target.id, actorKey(entity)]);
  return rows.length > 0;
}

/** The editor's entity that is the one named, compared by key ("the Secretary-General" = "Secretary-General"). */
export function answersFor(by: Author, entity: string): boolean {
  const key = actorKey(entity);
  return by.entities.some((e) => actorKey(e) === key);
}

/** Whether `by` may write the review of `entity` on `target`; a refusal says why. */
export async function mayWrite(db: SqlExecutor, by: Author, target: MandateTarget, entity: string): Promise<Refusal | null> {
  if (by.role === "admin") return null;
  if (by.role !== "editor") return { ok: false, status: 403, message: "a viewer may read decisions but not record them" };
  if (!answersFor(by, entity)) return { ok: false, status: 403, message: `you record decisions for ${by.entities.join(", ")}, not for ${entity}` };
  if (await addressedTo(db, target, entity)) return null;
  const [reviewed] = await db.all("SELECT 1 AS yes FROM reviews WHERE mandate_id = ? AND entity = ?", [target.id, entity]);
  if (reviewed) return null;
  return { ok: false, status: 403, message: `mandate ${target.id} is addressed to ${target.actorCanonical ?? target.actor}, not to ${entity}` };
}

/** What the audit keeps of a review: its fields and version. */
function auditState(r: StoredReview | null): unknown {
  if (!r) return null;
  const { decision, disposition, absorbedBy, status, justification, evidence, needsConfirmation, version } = r;
  return { decision, disposition, absorbedBy, status, justification, evidence, needsConfirmation, version };
}

export interface WriteExtras {
  carriedFrom?: string | null;
  needsConfirmation?: boolean;
  /** The audit's name for the change. */
  action?: string;
}

/**
 * One review written in the caller's transaction: the entity already resolved, `by`'s right to
 * write already checked. Compares the version the edit was made against with the stored one,
 * then writes with that comparison in the statement itself (UPDATE ... WHERE version = ?, INSERT
 * ... ON CONFLICT DO NOTHING), so that two writers racing between the read and the write cannot
 * both succeed: the second changes no row and is told its edit is stale.
 */
export async function writeReview(
  tx: SqlExecutor,
  target: MandateTarget,
  entity: string,
  input: ReviewFields & { version: number },
  by: Author,
  now: string,
  extras: WriteExtras = {},
): Promise<Done<ReviewSaved> | ReviewConflict> {
  const current = await readReview(tx, target.id, entity);
  const stale = (): Promise<ReviewConflict> =>
    readReview(tx, target.id, entity).then((latest) => ({
      ok: false,
      status: 409,
      message: latest
        ? `the decision of ${entity} on mandate ${target.id} is at version ${latest.version}, changed by ${latest.updatedBy} at ${latest.updatedAt}; your edit was made against version ${input.version}`
        : `mandate ${target.id} has no decision of ${entity} yet; your edit was made against version ${input.version}: send version 0`,
      current: latest,
    }));
  if ((current?.version ?? 0) !== input.version) return stale();
  const confirm = extras.needsConfirmation ?? false;
  if (current && sameReview(current, input) && current.needsConfirmation === confirm) return { ok: true, value: { review: current, changed: false } };

  const evidence = JSON.stringify(input.evidence);
  const mandate = [target.symbol, target.ref + (target.sub ? `.${target.sub}` : ""), target.actorCanonical ?? target.actor, target.action];
  let changed: number;
  if (current) {
    changed = await tx.run(
      `UPDATE reviews SET decision = ?, disposition = ?, absorbed_by = ?, status = ?, justification = ?, evidence = ?, needs_confirmation = ?,
         mandate_symbol = ?, mandate_ref = ?, mandate_actor = ?, mandate_action = ?, version = version + 1, updated_at = ?, updated_by = ?
       WHERE mandate_id = ? AND entity = ? AND version = ?`,
      [input.decision, input.disposition, input.absorbedBy, input.status, input.justification, evidence, confirm ? 1 : 0, ...mandate, now, by.userId, target.id, entity, input.version],
    );
  } else {
    changed = await tx.run(
      `INSERT INTO reviews (mandate_id, entity, decision, disposition, absorbed_by, status, justification, evidence, needs_confirmation, carried_from,
         mandate_symbol, mandate_ref, mandate_actor, mandate_action, version, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (mandate_id, entity) DO NOTHING`,
      [target.id, entity, input.decision, input.disposition, input.absorbedBy, input.status, input.justification, evidence, confirm ? 1 : 0, extras.carriedFrom ?? null, ...mandate, now, by.userId],
    );
  }
  if (changed !== 1) return stale();
  const saved = (await readReview(tx, target.id, entity))!;
  await appendAudit(tx, by, { action: extras.action ?? "review.set", mandateId: target.id, entity, before: auditState(current), after: auditState(saved) }, now);
  return { ok: true, value: { review: saved, changed: true } };
}

/** Checks what a review names beyond its own fields: the entity (resolved) and the absorbing mandate. */
export async function resolveReferences(db: SqlExecutor, mandateId: string, input: ReviewInput): Promise<Done<string>> {
  const entity = await resolveEntity(db, input.entity);
  if (!entity) {
    const p = problem("review-entity", `"${input.entity.slice(0, 80)}" is no actor the registry knows: name it as the registry names actors (UNIDO, Secretary-General)`);
    return { ok: false, status: 400, message: p.message, problems: [p] };
  }
  if (input.absorbedBy) {
    const absorbing = input.absorbedBy === mandateId ? null : isMandateId(input.absorbedBy) ? await mandateTarget(db, input.absorbedBy) : null;
    if (!absorbing) {
      const p = problem("review-absorbed-by", input.absorbedBy === mandateId ? "a mandate cannot absorb itself" : `absorbedBy names no mandate the registry holds ("${input.absorbedBy.slice(0, 40)}")`);
      return { ok: false, status: 400, message: p.message, problems: [p] };
    }
  }
  return { ok: true, value: entity };
}

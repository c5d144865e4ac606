import type { Fragment, SqlExecutor } from "./dialect.js";

/**
 * Mandates counted by group (session, due session, organ, committee, actor, verb, strength),
 * under the same filters as the mandate table: what the entity pages and the dashboard chart.
 */

export const MANDATE_GROUPS = ["session", "due", "body", "committee", "actor", "verb", "force"] as const;
export type MandateGroup = (typeof MANDATE_GROUPS)[number];

export interface MandateGroupRow {
  /** The group's values, by group name (null where the registry has none). */
  key: Partial<Record<MandateGroup, string | number | null>>;
  mandates: number;
  /** Of which ask for a report. */
  reports: number;
}

const COLUMNS: Record<MandateGroup, string> = {
  session: "d.session",
  due: "x.due_session",
  body: "d.body",
  committee: "d.committee",
  actor: "MIN(COALESCE(x.actor_canonical, x.actor))",
  verb: "x.verb",
  force: "x.force",
};

/** What a group is counted by where it is not the value shown: actors by their key (model/actors.ts), as the actor filter reads them. */
const COUNTED_BY: Partial<Record<MandateGroup, string>> = { actor: "x.actor_key" };

const NUMERIC = new Set<MandateGroup>(["session", "due", "force"]);

/** `where` filters `mandates x JOIN documents d`; groups largest first, up to `limit`. */
export async function groupMandates(db: SqlExecutor, where: Fragment, by: readonly MandateGroup[], limit: number): Promise<MandateGroupRow[]> {
  const groups = [...new Set(by)];
  const columns = groups.map((g, i) => `${COLUMNS[g]} AS g${i}`).join(", ");
  const rows = await db.all(
    `SELECT ${columns}, COUNT(*) AS mandates, SUM(x.report) AS reports
     FROM mandates x JOIN documents d ON d.id = x.document_id${where.sql}
     GROUP BY ${groups.map((g) => COUNTED_BY[g] ?? COLUMNS[g]).join(", ")} ORDER BY mandates DESC, ${groups.map((_, i) => `g${i}`).join(", ")} LIMIT ?`,
    [...where.params, limit],
  );
  return rows.map((r) => ({
    key: Object.fromEntries(groups.map((g, i) => {
      const v = r[`g${i}`];
      return [g, v === null || v === undefined ? null : NUMERIC.has(g) ? Number(v) : String(v)];
    })),
    mandates: Number(r.mandates),
    reports: Number(r.reports ?? 0),
  }));
}

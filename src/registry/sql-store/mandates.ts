import { symbolFromInput } from "../../model/symbols.js";
import type { Language, MandateDecisionKind } from "../../model/types.js";
import type { Fragment } from "../dialect.js";
import type { MandateFilter, MandateRecord, MandateSort, Page, Paged, Statistics } from "../store.js";
import { num, type SqlContext, str } from "./context.js";
import { countDocuments } from "./documents.js";
import { actorCondition, where } from "./filters.js";

/** The mandates table as records, and the registry's statistics. */

/** The mandate table's filters over `mandates x JOIN documents d`. */
export function mandateWhere(filter: MandateFilter): Fragment {
  const c: Fragment[] = [];
  if (filter.actor) c.push(actorCondition(filter.actor));
  if (filter.verb) c.push({ sql: "x.verb = ?", params: [filter.verb.toLowerCase()] });
  if (filter.dueSession !== undefined) c.push({ sql: "x.due_session = ?", params: [filter.dueSession] });
  if (filter.report !== undefined) c.push({ sql: "x.report = ?", params: [filter.report ? 1 : 0] });
  if (filter.session !== undefined) c.push({ sql: "d.session = ?", params: [filter.session] });
  if (filter.symbol) c.push({ sql: "d.symbol = ?", params: [symbolFromInput(filter.symbol)] });
  if (filter.body) c.push({ sql: "d.body = ?", params: [filter.body] });
  if (filter.language) c.push({ sql: "d.language = ?", params: [filter.language] });
  if (filter.minForce !== undefined) c.push({ sql: "x.force >= ?", params: [filter.minForce] });
  if (filter.reviewOrEnd !== undefined) c.push({ sql: "x.has_review_or_end = ?", params: [filter.reviewOrEnd ? 1 : 0] });
  return where(c);
}

const NEWEST = "d.session DESC NULLS LAST, d.number DESC NULLS LAST, d.symbol, x.paragraph_number, x.id";
const MANDATE_ORDER: Record<MandateSort, string> = {
  newest: NEWEST,
  oldest: "d.session ASC NULLS LAST, d.number ASC NULLS LAST, d.symbol, x.paragraph_number, x.id",
  due: `x.due_session ASC NULLS LAST, x.due_date ASC NULLS LAST, ${NEWEST}`,
  actor: `COALESCE(x.actor_canonical, x.actor), ${NEWEST}`,
  force: `x.force DESC, ${NEWEST}`,
};

export async function mandates(context: SqlContext, filter: MandateFilter, page: Page): Promise<Paged<MandateRecord>> {
  const w = mandateWhere(filter);
  const from = `FROM mandates x JOIN documents d ON d.id = x.document_id${w.sql}`;
  const [count] = await context.db.all(`SELECT COUNT(*) AS n ${from}`, w.params);
  const rows = await context.db.all(
    `SELECT d.symbol, d.language, d.title, d.session, x.* ${from} ORDER BY ${MANDATE_ORDER[filter.sort ?? "newest"]} LIMIT ? OFFSET ?`,
    [...w.params, page.limit, page.offset],
  );
  return {
    total: Number(count!.n),
    limit: page.limit,
    offset: page.offset,
    items: rows.map((r) => ({
      id: String(r.uid),
      symbol: String(r.symbol),
      language: r.language as Language,
      title: str(r.title),
      session: num(r.session),
      ref: String(r.ref),
      paragraph: num(r.paragraph_number),
      sub: str(r.sub),
      actor: String(r.actor),
      actorCanonical: str(r.actor_canonical),
      actorType: String(r.actor_type),
      verb: String(r.verb),
      category: String(r.category),
      force: Number(r.force),
      action: String(r.action),
      report: Number(r.report) === 1,
      reportTo: str(r.report_to),
      deliverable: str(r.deliverable),
      dueSession: num(r.due_session),
      dueDate: str(r.due_date),
      deadline: str(r.deadline),
      recurrence: str(r.recurrence),
      decision: str(r.decision) as MandateDecisionKind | null,
      end: r.end_date != null || r.end_duration != null ? { date: str(r.end_date), duration: str(r.end_duration), text: str(r.end_text) ?? "" } : null,
      review: r.review_session != null || r.review_date != null || r.review_recurrence != null
        ? { session: num(r.review_session), date: str(r.review_date), recurrence: str(r.review_recurrence), text: str(r.review_text) ?? "" }
        : null,
      hasReviewOrEnd: Number(r.has_review_or_end) === 1,
    })),
  };
}

export async function statistics(context: SqlContext): Promise<Statistics> {
  const count = async (table: string) => Number((await context.db.all(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
  const bySession = await context.db.all(
    `SELECT d.session, COUNT(*) AS documents, COALESCE(SUM(m.n), 0) AS mandates FROM documents d
       LEFT JOIN (SELECT document_id, COUNT(*) AS n FROM mandates GROUP BY document_id) m ON m.document_id = d.id
     WHERE d.session IS NOT NULL GROUP BY d.session ORDER BY d.session`,
  );
  const byActor = await context.db.all(
    `SELECT MIN(COALESCE(actor_canonical, actor)) AS actor, COUNT(*) AS mandates, SUM(report) AS reports FROM mandates
     GROUP BY actor_key ORDER BY mandates DESC, actor LIMIT 100`,
  );
  const reports = await context.db.all(
    "SELECT due_session AS session, COUNT(*) AS reports FROM mandates WHERE report = 1 AND due_session IS NOT NULL GROUP BY due_session ORDER BY due_session",
  );
  return {
    documents: await countDocuments(context),
    versions: await count("versions"),
    paragraphs: await count("paragraphs"),
    citations: await count("citations"),
    mandates: await count("mandates"),
    bySession: bySession.map((r) => ({ session: Number(r.session), documents: Number(r.documents), mandates: Number(r.mandates) })),
    byActor: byActor.map((r) => ({ actor: String(r.actor), mandates: Number(r.mandates), reports: Number(r.reports ?? 0) })),
    reportsDueBySession: reports.map((r) => ({ session: Number(r.session), reports: Number(r.reports) })),
  };
}

import { randomBytes } from "node:crypto";
import type { Role, ReviewInput } from "../../model/lifecycle.js";
import { LIMITS } from "../../model/lifecycle.js";
import type { ImportRow } from "../../model/lifecycle-import.js";
import { problem } from "../../model/problems.js";
import type { Problem } from "../../model/types.js";
import type { Page, Paged } from "../store.js";
import type { SqlContext } from "../sql-store/context.js";
import { looksLikeSymbol, symbolFromInput } from "../../model/symbols.js";
import { createToken, createUser, listTokens, listUsers, passwordHashOf, Principals, readUser, resolveEntity, revokeToken, updateUser } from "./accounts.js";
import { appendAudit, readAudit } from "./audit.js";
import { carryOver } from "./carry-over.js";
import { overdueReports, reportsOf, setDelivery } from "./reports.js";
import { answersFor, mandateTarget, mayWrite, orphanedReviews, resolveReferences, reviewsOf, writeReview } from "./reviews.js";
import type {
  AuditEntry,
  AuditFilter,
  Author,
  Done,
  EntityMandate,
  EntityMandateFilter,
  LifecycleStore,
  MandateReports,
  MandateTarget,
  OverdueFilter,
  OverdueReport,
  Principal,
  ReportDelivery,
  ReviewConflict,
  ReviewSaved,
  StoredReview,
  SummaryBy,
  SummaryRow,
  TokenRecord,
  UnlistedInput,
  UserRecord,
} from "./types.js";
import { entityMandates, summary, unlistedMandates } from "./views.js";

export type * from "./types.js";
export { CARRY_OVER_AUTHOR, CLI_AUTHOR } from "./types.js";

/** Problems of an import in the order of the lines they name ("line 12: ..."). */
function byLine(problems: readonly Problem[]): Problem[] {
  const line = (p: Problem) => Number(/^line (\d+)/.exec(p.message)?.[1] ?? 0);
  return [...problems].sort((a, b) => line(a) - line(b));
}

/** Thrown inside the import's transaction to roll it back with the rows' problems. */
class ImportRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super("import refused");
  }
}

/**
 * `LifecycleStore` over the registry's SQL connection: the same driver and dialect as the
 * documents, so a review and its audit entry commit together, on SQLite and on PostgreSQL alike.
 * Each concern has its module here: accounts.ts, reviews.ts, views.ts, reports.ts, audit.ts,
 * carry-over.ts.
 */
export class SqlLifecycle implements LifecycleStore {
  private readonly principals: Principals;

  constructor(private readonly context: SqlContext) {
    this.principals = new Principals(context);
  }

  private get db() {
    return this.context.db;
  }

  // --- accounts ------------------------------------------------------------------------------

  createUser(input: { email: string; role: Role; entities: readonly string[]; passwordHash: string }, by: Author): Promise<Done<UserRecord>> {
    return createUser(this.context, input, by);
  }

  updateUser(email: string, change: { role?: Role; entities?: readonly string[]; disabled?: boolean; passwordHash?: string }, by: Author): Promise<Done<UserRecord>> {
    return updateUser(this.context, email, change, by);
  }

  listUsers(): Promise<UserRecord[]> {
    return listUsers(this.db);
  }

  passwordHashOf(email: string): Promise<{ user: UserRecord; passwordHash: string } | null> {
    return passwordHashOf(this.db, email);
  }

  createToken(email: string, label: string, by: Author): Promise<Done<{ record: TokenRecord; token: string }>> {
    return createToken(this.context, email, label, by);
  }

  listTokens(email?: string): Promise<TokenRecord[]> {
    return listTokens(this.db, email);
  }

  revokeToken(id: string, by: Author): Promise<Done<TokenRecord>> {
    return revokeToken(this.context, id, by);
  }

  principalOfToken(token: string): Promise<Principal | null> {
    return this.principals.ofToken(token);
  }

  openSession(sessionId: string, userId: number, lifetimeSeconds: number): Promise<void> {
    return this.principals.openSession(sessionId, userId, lifetimeSeconds);
  }

  sessionOf(token: string, idleSeconds: number): Promise<{ principal: Principal; expiresAt: string } | null> {
    return this.principals.ofSession(token, idleSeconds);
  }

  endSession(token: string): Promise<void> {
    return this.principals.endSession(token);
  }

  resolveEntity(name: string): Promise<string | null> {
    return resolveEntity(this.db, name);
  }

  // --- reviews -------------------------------------------------------------------------------

  mandateTarget(id: string): Promise<MandateTarget | null> {
    return mandateTarget(this.db, id);
  }

  reviewsOf(mandateId: string): Promise<StoredReview[]> {
    return reviewsOf(this.db, mandateId);
  }

  async editableEntities(mandateId: string, by: Author | null): Promise<string[]> {
    if (!by || by.role === "viewer") return [];
    const target = await mandateTarget(this.db, mandateId);
    if (!target) return [];
    const addressee = target.unlistedFor ?? (await resolveEntity(this.db, target.actorCanonical ?? target.actor)) ?? target.actorCanonical ?? target.actor;
    const candidates = [...new Set([addressee, ...(await reviewsOf(this.db, mandateId)).map((r) => r.entity), ...by.entities])];
    const out: string[] = [];
    for (const entity of candidates) if (!(await mayWrite(this.db, by, target, entity))) out.push(entity);
    return out;
  }

  async setReview(mandateId: string, input: ReviewInput, by: Author): Promise<Done<ReviewSaved> | ReviewConflict> {
    const target = await mandateTarget(this.db, mandateId);
    if (!target) {
      const p = problem("review-mandate", `no mandate ${mandateId.slice(0, 40)} in the registry`);
      return { ok: false, status: 404, message: p.message, problems: [p] };
    }
    const resolved = await resolveReferences(this.db, mandateId, input);
    if (!resolved.ok) return resolved;
    const entity = resolved.value;
    const now = new Date().toISOString();
    return this.context.driver.transaction(async (tx) => {
      const refused = await mayWrite(tx, by, target, entity);
      if (refused) return refused;
      return writeReview(tx, target, entity, input, by, now);
    });
  }

  entityMandates(filter: EntityMandateFilter, page: Page): Promise<Paged<EntityMandate>> {
    return entityMandates(this.db, filter, page);
  }

  unlistedMandates(entity?: string): Promise<EntityMandate[]> {
    return unlistedMandates(this.db, entity);
  }

  orphanedReviews(entity?: string): Promise<StoredReview[]> {
    return orphanedReviews(this.db, entity);
  }

  async addUnlisted(input: UnlistedInput, by: Author): Promise<Done<MandateTarget>> {
    const problems: Problem[] = [];
    const entity = await resolveEntity(this.db, input.entity);
    if (!entity) problems.push(problem("review-entity", `"${input.entity.slice(0, 80)}" is no actor the registry knows`));
    const symbol = symbolFromInput(input.symbol);
    if (!looksLikeSymbol(symbol) || symbol.length > 100) problems.push(problem("review-field", `"${input.symbol.slice(0, 40)}" is not a resolution symbol (A/RES/79/222)`));
    const paragraph = input.paragraph.trim();
    if (!paragraph || paragraph.length > 100) problems.push(problem("review-field", "paragraph names the paragraph giving the mandate (operative 12, 12 (b)), in at most 100 characters"));
    const description = input.description.trim();
    if (!description || description.length > LIMITS.description) problems.push(problem("review-field", `description says what the mandate asks, in 1 to ${LIMITS.description} characters`));
    if (problems.length || !entity) return { ok: false, status: 400, message: problems.map((p) => p.message).join("; "), problems };
    if (by.role === "viewer" || (by.role === "editor" && !answersFor(by, entity))) return { ok: false, status: 403, message: `you may not record mandates for ${entity}` };
    const id = `u${randomBytes(8).toString("hex")}`;
    const now = new Date().toISOString();
    await this.context.driver.transaction(async (tx) => {
      await tx.run("INSERT INTO unlisted_mandates (id, entity, symbol, paragraph, description, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)", [
        id, entity, symbol, paragraph, description, now, by.userId,
      ]);
      await appendAudit(tx, by, { action: "mandate.record", mandateId: id, entity, after: { symbol, paragraph, description } }, now);
    });
    return { ok: true, value: (await mandateTarget(this.db, id))! };
  }

  /**
   * Every row checked against the registry (mandate held, entity known, absorbing mandate held),
   * and those that pass written in one transaction, each with its author's right and its version
   * checked as a single edit's are; any problem of any row rolls the whole import back, and every
   * row at fault is named, in line order.
   */
  async importDecisions(rows: readonly ImportRow[], by: Author, found: readonly Problem[] = []): Promise<{ ok: true; saved: number; unchanged: number } | { ok: false; problems: Problem[] }> {
    // problems the file's reading found already (src/model/lifecycle-import.ts): the rows that
    // read well are still checked, so that every bad row is named at once, and nothing is stored
    const problems: Problem[] = [...found];
    const plans: { row: ImportRow; target: MandateTarget; entity: string }[] = [];
    for (const row of rows) {
      const target = await mandateTarget(this.db, row.mandate);
      if (!target) {
        problems.push(problem("review-mandate", `line ${row.line}: no mandate ${row.mandate.slice(0, 40)} in the registry`));
        continue;
      }
      const resolved = await resolveReferences(this.db, row.mandate, row.review);
      if (!resolved.ok) {
        for (const p of resolved.problems ?? []) problems.push({ ...p, message: `line ${row.line}: ${p.message}` });
        continue;
      }
      plans.push({ row, target, entity: resolved.value });
    }
    const seen = new Map<string, number>();
    const distinct = plans.filter((plan) => {
      const key = `${plan.target.id}\u0000${plan.entity}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) problems.push(problem("import-row", `line ${plan.row.line}: the same mandate and entity as line ${earlier}`));
      else seen.set(key, plan.row.line);
      return earlier === undefined;
    });
    const now = new Date().toISOString();
    const author: Author = { ...by, via: "import" };
    try {
      return await this.context.driver.transaction(async (tx) => {
        let saved = 0;
        let unchanged = 0;
        for (const { row, target, entity } of distinct) {
          const refused = await mayWrite(tx, author, target, entity);
          if (refused) {
            problems.push(problem("import-row", `line ${row.line}: ${refused.message}`));
            continue;
          }
          const written = await writeReview(tx, target, entity, row.review, author, now);
          if (!written.ok) problems.push(problem("import-row", `line ${row.line}: ${written.message}`));
          else if (written.value.changed) saved++;
          else unchanged++;
        }
        if (problems.length) throw new ImportRefused(byLine(problems));
        return { ok: true as const, saved, unchanged };
      });
    } catch (e) {
      if (e instanceof ImportRefused) return { ok: false, problems: e.problems };
      throw e;
    }
  }

  summary(by: SummaryBy, entity?: string): Promise<SummaryRow[]> {
    return summary(this.db, by, entity);
  }

  carryOver(): Promise<number> {
    return carryOver(this.context);
  }

  // --- reports -------------------------------------------------------------------------------

  reportsOf(mandateId: string, today: string): Promise<MandateReports | null> {
    return reportsOf(this.db, mandateId, today);
  }

  setDelivery(
    mandateId: string,
    session: number,
    input: { symbol: string | null; note: string; version: number },
    by: Author,
  ): Promise<Done<ReportDelivery> | { ok: false; status: 409; message: string; current: ReportDelivery | null }> {
    return setDelivery(this.context, mandateId, session, input, by);
  }

  overdueReports(filter: OverdueFilter, page: Page): Promise<Paged<OverdueReport>> {
    return overdueReports(this.db, filter, page);
  }

  // --- audit ---------------------------------------------------------------------------------

  audit(filter: AuditFilter, page: Page): Promise<Paged<AuditEntry>> {
    return readAudit(this.db, filter, page);
  }
}

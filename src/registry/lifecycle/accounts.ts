import { createHash, randomBytes } from "node:crypto";
import { LIMITS, ROLES, type Role } from "../../model/lifecycle.js";
import { problem } from "../../model/problems.js";
import type { SqlExecutor } from "../dialect.js";
import { actorFromInput, actorKey } from "../../model/actors.js";
import type { SqlContext } from "../sql-store/context.js";
import { appendAudit } from "./audit.js";
import type { Author, Done, Principal, TokenRecord, UserRecord } from "./types.js";

/**
 * Users, their entities, API tokens and web sessions (migration 18). A token or session is 32
 * random bytes, handed over once and stored as its SHA-256: a look-up by hash is one index probe,
 * and the table holds nothing that would let anyone in. Revoking a token, ending a session or
 * disabling a user takes effect at the next request, which reads the row again.
 */

const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
export const MAX_EMAIL = 254;

/** The SHA-256 of a secret, hexadecimal: what the registry keeps of tokens and sessions. */
export function secretHash(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A new secret: 32 random bytes, base64url, behind a prefix naming what it is (so leaked ones are recognisable). */
export function newSecret(prefix: "mrt" | "mrs"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** A new web session's id (the session plugin asks for one at each new session). */
export function newSessionId(): string {
  return newSecret("mrs");
}

export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(email: string): string | null {
  const e = normalEmail(email);
  if (!e || e.length > MAX_EMAIL || !EMAIL.test(e)) return `"${email.slice(0, 60)}" is not an email address`;
  return null;
}

const bad = (message: string): { ok: false; status: 400; message: string } => ({ ok: false, status: 400, message });

/**
 * The canonical name of an entity as a user names it: the gazetteer's (UNIDO -> United Nations
 * Industrial Development Organization), else an addressee the registry holds under that key
 * (as written by a resolution), else null.
 */
export async function resolveEntity(db: SqlExecutor, name: string): Promise<string | null> {
  const typed = name.replace(/\s+/g, " ").trim();
  if (!typed || typed.length > LIMITS.entity) return null;
  const known = actorFromInput(typed);
  if (known) return known.canonical;
  const [held] = await db.all("SELECT COALESCE(actor_canonical, actor) AS name FROM mandates WHERE actor_key = ? LIMIT 1", [actorKey(typed)]);
  if (held) return String(held.name);
  const [recorded] = await db.all("SELECT entity FROM unlisted_mandates WHERE lower(entity) = ? LIMIT 1", [typed.toLowerCase()]);
  return recorded ? String(recorded.entity) : null;
}

async function entitiesOf(db: SqlExecutor, userIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!userIds.length) return out;
  const rows = await db.all(`SELECT user_id, entity FROM user_entities WHERE user_id IN (${userIds.map(() => "?").join(", ")}) ORDER BY entity`, [...userIds]);
  for (const r of rows) {
    const list = out.get(Number(r.user_id)) ?? [];
    list.push(String(r.entity));
    out.set(Number(r.user_id), list);
  }
  return out;
}

function userOf(r: Record<string, unknown>, entities: string[]): UserRecord {
  return {
    id: Number(r.id),
    email: String(r.email),
    role: r.role as Role,
    entities,
    disabled: Number(r.disabled) === 1,
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
  };
}

const USER_COLUMNS = "id, email, role, disabled, created_at, updated_at";

export async function readUser(db: SqlExecutor, email: string): Promise<UserRecord | null> {
  const [row] = await db.all(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`, [normalEmail(email)]);
  if (!row) return null;
  return userOf(row, (await entitiesOf(db, [Number(row.id)])).get(Number(row.id)) ?? []);
}

export async function listUsers(db: SqlExecutor): Promise<UserRecord[]> {
  const rows = await db.all(`SELECT ${USER_COLUMNS} FROM users ORDER BY email`);
  const entities = await entitiesOf(db, rows.map((r) => Number(r.id)));
  return rows.map((r) => userOf(r, entities.get(Number(r.id)) ?? []));
}

/** The audit's picture of an account: never its password hash. */
const accountState = (u: UserRecord) => ({ email: u.email, role: u.role, entities: u.entities, disabled: u.disabled });

/** Entities as named by the user, resolved; the names the registry does not know are refused together. */
async function resolveAll(db: SqlExecutor, names: readonly string[]): Promise<Done<string[]>> {
  const resolved: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const canonical = await resolveEntity(db, name);
    if (canonical) resolved.push(canonical);
    else unknown.push(name);
  }
  if (unknown.length) {
    return {
      ok: false,
      status: 400,
      message: `unknown entit${unknown.length === 1 ? "y" : "ies"} ${unknown.map((u) => `"${u.slice(0, 80)}"`).join(", ")}: name them as the registry names actors (UNIDO, Secretary-General)`,
      problems: unknown.map((u) => problem("review-entity", `"${u.slice(0, 80)}" is no actor the registry knows`)),
    };
  }
  return { ok: true, value: [...new Set(resolved)].sort() };
}

export async function createUser(
  context: SqlContext,
  input: { email: string; role: Role; entities: readonly string[]; passwordHash: string },
  by: Author,
): Promise<Done<UserRecord>> {
  const invalid = checkEmail(input.email);
  if (invalid) return bad(invalid);
  if (!ROLES.includes(input.role)) return bad(`role must be one of ${ROLES.join(", ")}`);
  if (input.role === "editor" && !input.entities.length) return bad("an editor answers for at least one entity (--entity NAME)");
  const entities = await resolveAll(context.db, input.entities);
  if (!entities.ok) return entities;
  const email = normalEmail(input.email);
  const now = new Date().toISOString();
  return context.driver.transaction(async (tx) => {
    const [existing] = await tx.all("SELECT id FROM users WHERE email = ?", [email]);
    if (existing) return { ok: false, status: 409, message: `a user ${email} exists already` };
    await tx.run("INSERT INTO users (email, role, password_hash, disabled, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)", [email, input.role, input.passwordHash, now, now]);
    const [row] = await tx.all(`SELECT ${USER_COLUMNS} FROM users WHERE email = ?`, [email]);
    const id = Number(row!.id);
    for (const entity of entities.value) await tx.run("INSERT INTO user_entities (user_id, entity) VALUES (?, ?)", [id, entity]);
    const user = userOf(row!, entities.value);
    await appendAudit(tx, by, { action: "user.create", subject: email, after: accountState(user) }, now);
    return { ok: true, value: user };
  });
}

export async function updateUser(
  context: SqlContext,
  emailOf: string,
  change: { role?: Role; entities?: readonly string[]; disabled?: boolean; passwordHash?: string },
  by: Author,
): Promise<Done<UserRecord>> {
  if (change.role !== undefined && !ROLES.includes(change.role)) return bad(`role must be one of ${ROLES.join(", ")}`);
  const entities = change.entities ? await resolveAll(context.db, change.entities) : null;
  if (entities && !entities.ok) return entities;
  const email = normalEmail(emailOf);
  const now = new Date().toISOString();
  return context.driver.transaction(async (tx) => {
    const before = await readUser(tx, email);
    if (!before) return { ok: false, status: 404, message: `no user ${email}` };
    const role = change.role ?? before.role;
    const list = entities?.ok ? entities.value : before.entities;
    if (role === "editor" && !list.length) return bad("an editor answers for at least one entity");
    await tx.run("UPDATE users SET role = ?, disabled = ?, updated_at = ? WHERE id = ?", [role, (change.disabled ?? before.disabled) ? 1 : 0, now, before.id]);
    if (change.passwordHash) await tx.run("UPDATE users SET password_hash = ? WHERE id = ?", [change.passwordHash, before.id]);
    if (entities?.ok) {
      await tx.run("DELETE FROM user_entities WHERE user_id = ?", [before.id]);
      for (const entity of entities.value) await tx.run("INSERT INTO user_entities (user_id, entity) VALUES (?, ?)", [before.id, entity]);
    }
    // A disabled account, or a new password, ends the sessions open with the old state.
    if (change.disabled || change.passwordHash) await tx.run("DELETE FROM web_sessions WHERE user_id = ?", [before.id]);
    const after = (await readUser(tx, email))!;
    const audited = { ...accountState(after), ...(change.passwordHash ? { password: "changed" } : {}) };
    await appendAudit(tx, by, { action: "user.update", subject: email, before: accountState(before), after: audited }, now);
    return { ok: true, value: after };
  });
}

export async function passwordHashOf(db: SqlExecutor, email: string): Promise<{ user: UserRecord; passwordHash: string } | null> {
  const [row] = await db.all(`SELECT ${USER_COLUMNS}, password_hash FROM users WHERE email = ? AND disabled = 0`, [normalEmail(email)]);
  if (!row) return null;
  return { user: userOf(row, (await entitiesOf(db, [Number(row.id)])).get(Number(row.id)) ?? []), passwordHash: String(row.password_hash) };
}

function tokenOf(r: Record<string, unknown>): TokenRecord {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    userId: Number(r.user_id),
    email: String(r.email),
    label: String(r.label),
    createdAt: String(r.created_at),
    lastUsedAt: s(r.last_used_at),
    revokedAt: s(r.revoked_at),
  };
}

const TOKEN_COLUMNS = "t.id, t.user_id, u.email, t.label, t.created_at, t.last_used_at, t.revoked_at";

export async function createToken(context: SqlContext, emailOf: string, label: string, by: Author): Promise<Done<{ record: TokenRecord; token: string }>> {
  if (label.length > 200) return bad("a token's label is at most 200 characters");
  const email = normalEmail(emailOf);
  const token = newSecret("mrt");
  const id = randomBytes(6).toString("hex");
  const now = new Date().toISOString();
  return context.driver.transaction(async (tx) => {
    const [user] = await tx.all("SELECT id, disabled FROM users WHERE email = ?", [email]);
    if (!user) return { ok: false, status: 404, message: `no user ${email}` };
    if (Number(user.disabled) === 1) return bad(`${email} is disabled`);
    await tx.run("INSERT INTO api_tokens (id, user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?, ?)", [id, Number(user.id), secretHash(token), label.trim(), now]);
    const [row] = await tx.all(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?`, [id]);
    const record = tokenOf(row!);
    await appendAudit(tx, by, { action: "token.create", subject: `${email} token ${id}`, after: { id, label: record.label } }, now);
    return { ok: true, value: { record, token } };
  });
}

export async function listTokens(db: SqlExecutor, email?: string): Promise<TokenRecord[]> {
  const rows = email
    ? await db.all(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = ? ORDER BY t.created_at DESC, t.id`, [normalEmail(email)])
    : await db.all(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id ORDER BY u.email, t.created_at DESC, t.id`);
  return rows.map(tokenOf);
}

/** Revokes a token: a user their own, an admin any. */
export async function revokeToken(context: SqlContext, id: string, by: Author): Promise<Done<TokenRecord>> {
  const now = new Date().toISOString();
  return context.driver.transaction(async (tx) => {
    const [row] = await tx.all(`SELECT ${TOKEN_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ?`, [id]);
    if (!row) return { ok: false, status: 404, message: `no token ${id.slice(0, 40)}` };
    const before = tokenOf(row);
    if (by.role !== "admin" && before.userId !== by.userId) return { ok: false, status: 403, message: "a user may revoke only their own tokens" };
    if (before.revokedAt) return { ok: true, value: before };
    await tx.run("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", [now, id]);
    await appendAudit(tx, by, { action: "token.revoke", subject: `${before.email} token ${id}`, before: { id, revokedAt: null }, after: { id, revokedAt: now } }, now);
    return { ok: true, value: { ...before, revokedAt: now } };
  });
}

/** Token use is written at most once a minute per token: a write per request would queue every read behind the writer. */
const LAST_USED_EVERY_MS = 60_000;

export class Principals {
  private readonly lastUsed = new Map<string, number>();

  constructor(private readonly context: SqlContext) {}

  private async principal(row: Record<string, unknown> | undefined, via: "web" | "token", tokenId: string | null): Promise<Principal | null> {
    if (!row) return null;
    const userId = Number(row.user_id);
    const entities = (await entitiesOf(this.context.db, [userId])).get(userId) ?? [];
    return { userId, email: String(row.email), role: row.role as Role, entities, via, tokenId };
  }

  async ofToken(token: string): Promise<Principal | null> {
    if (!/^mrt_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const [row] = await this.context.db.all(
      "SELECT t.id, t.user_id, u.email, u.role FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0",
      [secretHash(token)],
    );
    const principal = await this.principal(row, "token", row ? String(row.id) : null);
    if (principal?.tokenId) {
      const now = Date.now();
      if (now - (this.lastUsed.get(principal.tokenId) ?? 0) >= LAST_USED_EVERY_MS) {
        this.lastUsed.set(principal.tokenId, now);
        await this.context.driver.transaction((tx) => tx.run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [new Date(now).toISOString(), principal.tokenId]));
      }
    }
    return principal;
  }

  /**
   * Records a web session under the id the session plugin made (newSessionId) for a user who has
   * just signed in; saving the same session again changes nothing.
   */
  async openSession(sessionId: string, userId: number, lifetimeSeconds: number): Promise<void> {
    const now = new Date();
    const expires = new Date(now.getTime() + lifetimeSeconds * 1000);
    await this.context.driver.transaction(async (tx) => {
      // sessions past their time are removed as new ones open
      await tx.run("DELETE FROM web_sessions WHERE expires_at < ?", [now.toISOString()]);
      await tx.run("INSERT INTO web_sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (token_hash) DO NOTHING", [
        secretHash(sessionId),
        userId,
        now.toISOString(),
        expires.toISOString(),
        now.toISOString(),
      ]);
    });
  }

  /** The session's user, unless it expired, sat idle too long, or its user was disabled. */
  async ofSession(token: string, idleSeconds: number): Promise<{ principal: Principal; expiresAt: string } | null> {
    if (!/^mrs_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const hash = secretHash(token);
    const now = new Date();
    const [row] = await this.context.db.all(
      "SELECT s.user_id, s.expires_at, s.last_seen_at, u.email, u.role FROM web_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND u.disabled = 0",
      [hash],
    );
    if (!row) return null;
    const lastSeen = Date.parse(String(row.last_seen_at));
    if (String(row.expires_at) <= now.toISOString() || now.getTime() - lastSeen > idleSeconds * 1000) {
      await this.endSession(token);
      return null;
    }
    if (now.getTime() - lastSeen >= LAST_USED_EVERY_MS) {
      await this.context.driver.transaction((tx) => tx.run("UPDATE web_sessions SET last_seen_at = ? WHERE token_hash = ?", [now.toISOString(), hash]));
    }
    const principal = await this.principal(row, "web", null);
    return principal ? { principal, expiresAt: String(row.expires_at) } : null;
  }

  async endSession(token: string): Promise<void> {
    await this.context.driver.transaction((tx) => tx.run("DELETE FROM web_sessions WHERE token_hash = ?", [secretHash(token)]));
  }
}

import type { Decision, ImplementationStatus, ReviewFields, ReviewInput, Role } from "../../model/lifecycle.js";
import type { ImportRow } from "../../model/lifecycle-import.js";
import type { ReportOccurrence } from "../../model/reports-due.js";
import type { Problem } from "../../model/types.js";
import type { Page, Paged } from "../store.js";

/**
 * The registry's lifecycle interface: accounts, the review of mandates, report deliveries and
 * the audit trail. It lives beside `Store` on the same connection (`store.lifecycle`), one
 * implementation over both databases (src/registry/lifecycle/index.ts). Every write takes the
 * `Author` making it, checks the author's role and entity itself (so no caller can skip the
 * check: API, web, CLI and CSV import go through the same methods), and appends to the audit
 * trail in the write's own transaction.
 */

/** How a change reached the registry. */
export type Via = "web" | "token" | "cli" | "import" | "carry-over";

/** Who makes a change: a signed-in user, or the registry itself (CLI, carry-over) with no user. */
export interface Author {
  userId: number | null;
  email: string | null;
  role: Role;
  /** Canonical names of the entities an editor answers for. */
  entities: readonly string[];
  via: Via;
}

/** A signed-in user as a request carries them (web session or API token). */
export interface Principal extends Author {
  userId: number;
  email: string;
  via: "web" | "token";
  /** The token a request was authenticated by, when it was one. */
  tokenId: string | null;
}

export const CLI_AUTHOR: Author = { userId: null, email: null, role: "admin", entities: [], via: "cli" };
export const CARRY_OVER_AUTHOR: Author = { userId: null, email: null, role: "admin", entities: [], via: "carry-over" };

export interface UserRecord {
  id: number;
  email: string;
  role: Role;
  entities: string[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TokenRecord {
  id: string;
  userId: number;
  email: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; message: string; problems?: Problem[] };
export type Done<T> = { ok: true; value: T } | Refusal;

/** What a mandate is, for its review: a mandate of the registry, or one an entity recorded that it does not hold. */
export interface MandateTarget {
  id: string;
  symbol: string;
  ref: string;
  sub: string | null;
  /** The addressee as written. */
  actor: string;
  actorCanonical: string | null;
  action: string;
  session: number | null;
  report: boolean;
  dueSession: number | null;
  recurrence: string | null;
  /** Recorded by an entity, not extracted: the entity it was recorded for. */
  unlistedFor: string | null;
}

export interface StoredReview extends ReviewFields {
  mandateId: string;
  entity: string;
  /** Inherited from an earlier version's mandate whose text differs: the entity is to confirm it. */
  needsConfirmation: boolean;
  carriedFrom: string | null;
  version: number;
  updatedAt: string;
  /** Who last changed it: an email, or "registry" for the CLI and carry-over. */
  updatedBy: string;
  /** The mandate as it was when reviewed: what an orphaned review shows. */
  mandate: { symbol: string; ref: string; actor: string; action: string };
  /** The registry no longer holds the mandate (a new extraction does not find it). */
  orphaned: boolean;
}

export interface ReviewSaved {
  review: StoredReview;
  /** False when the edit said what the review already said (nothing written, nothing audited). */
  changed: boolean;
}

/** A stale edit: the review as it stands, which the editor's change would have overwritten. */
export interface ReviewConflict {
  ok: false;
  status: 409;
  message: string;
  current: StoredReview | null;
}

export interface EntityMandate {
  mandate: MandateTarget & { title: string | null; language: string };
  reviews: StoredReview[];
}

export interface EntityMandateFilter {
  entity: string;
  session?: number;
  symbol?: string;
  /** Only mandates with (true) or without (false) a decision of this entity. */
  decided?: boolean;
  decision?: Decision;
  status?: ImplementationStatus;
  needsConfirmation?: boolean;
}

export interface ReportDelivery {
  mandateId: string;
  session: number;
  symbol: string | null;
  note: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface MandateReports {
  mandateId: string;
  occurrences: ReportOccurrence[];
  deliveries: ReportDelivery[];
  /** Session of the next version of the resolution, when the registry holds one. */
  supersededAt: number | null;
}

export interface OverdueReport {
  mandate: MandateTarget & { title: string | null };
  session: number;
  /** Every entity that reviewed the mandate, besides its addressee. */
  entities: string[];
}

export interface OverdueFilter {
  entity?: string;
  /** Only reports due at this session or later. */
  since?: number;
  /** The day the question is asked (ISO), which decides which sessions have closed. */
  today: string;
}

export type SummaryBy = "entity" | "series";

export interface SummaryRow {
  /** The entity, or the series' title. */
  group: string;
  /** The series' key (its newest member's symbol), for links. */
  symbol: string | null;
  mandates: number;
  retained: number;
  flagged: number;
  removal: number;
  undecided: number;
  needsConfirmation: number;
  orphaned: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string | null;
  via: Via;
  action: string;
  mandateId: string | null;
  entity: string | null;
  subject: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  mandate?: string;
  user?: string;
}

export interface UnlistedInput {
  entity: string;
  symbol: string;
  paragraph: string;
  description: string;
}

export interface LifecycleStore {
  // --- accounts
  createUser(input: { email: string; role: Role; entities: readonly string[]; passwordHash: string }, by: Author): Promise<Done<UserRecord>>;
  updateUser(email: string, change: { role?: Role; entities?: readonly string[]; disabled?: boolean; passwordHash?: string }, by: Author): Promise<Done<UserRecord>>;
  listUsers(): Promise<UserRecord[]>;
  /** The stored hash of an enabled user's password, for sign-in only. */
  passwordHashOf(email: string): Promise<{ user: UserRecord; passwordHash: string } | null>;
  createToken(email: string, label: string, by: Author): Promise<Done<{ record: TokenRecord; token: string }>>;
  listTokens(email?: string): Promise<TokenRecord[]>;
  revokeToken(id: string, by: Author): Promise<Done<TokenRecord>>;
  principalOfToken(token: string): Promise<Principal | null>;
  /** Records a signed-in web session under its id (only its SHA-256 is kept). */
  openSession(sessionId: string, userId: number, lifetimeSeconds: number): Promise<void>;
  /** A web session's user and end, unless it expired, sat idle too long, or its user was disabled. */
  sessionOf(sessionId: string, idleSeconds: number): Promise<{ principal: Principal; expiresAt: string } | null>;
  endSession(token: string): Promise<void>;
  /** The canonical name of an entity as a user names it ("UNIDO"), or null when the registry knows no such actor. */
  resolveEntity(name: string): Promise<string | null>;

  // --- reviews
  mandateTarget(id: string): Promise<MandateTarget | null>;
  reviewsOf(mandateId: string): Promise<StoredReview[]>;
  /** The entities `by` may record decisions for on a mandate: the addressee and the entities that reviewed it, as `by`'s rights allow. */
  editableEntities(mandateId: string, by: Author | null): Promise<string[]>;
  setReview(mandateId: string, input: ReviewInput, by: Author): Promise<Done<ReviewSaved> | ReviewConflict>;
  entityMandates(filter: EntityMandateFilter, page: Page): Promise<Paged<EntityMandate>>;
  /** Mandates entities recorded that the registry does not hold (all, or one entity's), with their reviews. */
  unlistedMandates(entity?: string): Promise<EntityMandate[]>;
  /** Reviews whose mandate the registry no longer holds. */
  orphanedReviews(entity?: string): Promise<StoredReview[]>;
  addUnlisted(input: UnlistedInput, by: Author): Promise<Done<MandateTarget>>;
  /** Stores every row or none; `found`: problems of rows the CSV's reading refused already, named beside the others and storing nothing. */
  importDecisions(rows: readonly ImportRow[], by: Author, found?: readonly Problem[]): Promise<{ ok: true; saved: number; unchanged: number } | { ok: false; problems: Problem[] }>;
  summary(by: SummaryBy, entity?: string): Promise<SummaryRow[]>;
  /** Decisions and statuses inherited by new versions of recurring resolutions; returns how many reviews were created. */
  carryOver(): Promise<number>;

  // --- reports
  reportsOf(mandateId: string, today: string): Promise<MandateReports | null>;
  setDelivery(mandateId: string, session: number, input: { symbol: string | null; note: string; version: number }, by: Author): Promise<Done<ReportDelivery> | { ok: false; status: 409; message: string; current: ReportDelivery | null }>;
  overdueReports(filter: OverdueFilter, page: Page): Promise<Paged<OverdueReport>>;

  // --- audit
  audit(filter: AuditFilter, page: Page): Promise<Paged<AuditEntry>>;
}

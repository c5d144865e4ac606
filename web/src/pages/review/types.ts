/** The review's shapes as the API serves them (src/server/lifecycle-schemas.ts). */

export const DECISIONS = ["RETAIN", "REVIEW", "REMOVE"] as const;
export const DECISION_NAMES: Record<string, string> = { RETAIN: "Retain", REVIEW: "Review", REMOVE: "Remove" };
export const DISPOSITIONS = ["renewal", "adaptation", "merger", "replacement", "retirement"] as const;
export const STATUSES = ["not-started", "ongoing", "completed", "no-longer-relevant"] as const;
export const STATUS_NAMES: Record<string, string> = { "not-started": "not started", ongoing: "ongoing", completed: "completed", "no-longer-relevant": "no longer relevant" };

export interface Evidence {
  url: string | null;
  text: string | null;
}

export interface Review {
  mandateId: string;
  entity: string;
  decision: string;
  disposition: string | null;
  absorbedBy: string | null;
  status: string | null;
  justification: string;
  evidence: Evidence[];
  needsConfirmation: boolean;
  carriedFrom: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
  mandate: { symbol: string; ref: string; actor: string; action: string };
  orphaned: boolean;
}

export interface MandateTarget {
  id: string;
  symbol: string;
  ref: string;
  sub: string | null;
  actor: string;
  actorCanonical: string | null;
  action: string;
  session: number | null;
  report: boolean;
  dueSession: number | null;
  recurrence: string | null;
  unlistedFor: string | null;
  title?: string | null;
}

export interface EntityMandate {
  mandate: MandateTarget;
  reviews: Review[];
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string | null;
  via: string;
  action: string;
  mandateId: string | null;
  entity: string | null;
  subject: string | null;
  before: unknown;
  after: unknown;
}

/** "op. 7 (a)" of "operative.7". */
export function paragraphLabel(ref: string, sub: string | null): string {
  const n = /^operative\.(\d+)/.exec(ref)?.[1];
  return `${n ? `op. ${n}` : ref}${sub ? ` (${sub})` : ""}`;
}

export function when(iso: string): string {
  return iso.replace("T", " ").slice(0, 16) + " UTC";
}

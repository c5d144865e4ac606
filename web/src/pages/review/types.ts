/** The review's shapes as the API serves them: the registry's own types (src/registry/lifecycle/types.ts). */
import type { Decision, Disposition, ImplementationStatus } from "../../../../src/model/lifecycle.js";
import type { ReportOccurrence } from "../../../../src/model/reports-due.js";
import type { AuditEntry, EntityMandate, MandateReports, MandateTarget, StoredReview, SummaryRow, TokenRecord, UserRecord } from "../../../../src/registry/lifecycle/types.js";

export type { AuditEntry, EntityMandate, MandateReports, MandateTarget, ReportOccurrence, SummaryRow };
/** A user and a token as the API answers them: without their rows' ids (src/server/lifecycle-schemas.ts). */
export type User = Omit<UserRecord, "id">;
export type Token = Omit<TokenRecord, "userId">;
export type Review = StoredReview;

// The choices as the model lists them (src/model/lifecycle.ts), written here so that the pages do
// not ship the model's checks; a value the model does not list fails to compile.
export const DECISIONS = ["RETAIN", "REVIEW", "REMOVE"] as const satisfies readonly Decision[];
export const DECISION_NAMES: Record<string, string> = { RETAIN: "Retain", REVIEW: "Review", REMOVE: "Remove" };
export const DISPOSITIONS = ["renewal", "adaptation", "merger", "replacement", "retirement"] as const satisfies readonly Disposition[];
export const STATUSES = ["not-started", "ongoing", "completed", "no-longer-relevant"] as const satisfies readonly ImplementationStatus[];
export const STATUS_NAMES: Record<string, string> = { "not-started": "not started", ongoing: "ongoing", completed: "completed", "no-longer-relevant": "no longer relevant" };

export function when(iso: string): string {
  return iso.replace("T", " ").slice(0, 16) + " UTC";
}

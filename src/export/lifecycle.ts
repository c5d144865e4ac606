import type { Evidence } from "../model/lifecycle.js";
import { spreadsheetText } from "../model/lifecycle-import.js";
import { type Cell, csv } from "./opendata.js";

/**
 * The review as CSV, for spreadsheets: an entity's mandates and decisions (the file the CSV import
 * reads back, ids and versions included), the summaries per entity or series, and the audit
 * trail. A cell that a spreadsheet would read as a formula (=, +, -, @ first) is written with a
 * leading apostrophe, so that text someone typed is shown, never run; the import strips it again.
 */

function safeCsv(header: readonly string[], rows: Cell[][]): string {
  return csv(header, rows.map((row) => row.map((cell) => spreadsheetText(cell))));
}

/** Evidence in one cell, as the import reads it: items separated by " | ". */
export function evidenceCell(evidence: readonly Evidence[]): string {
  return evidence.map((e) => (e.url && e.text ? `${e.text} ${e.url}` : (e.url ?? e.text ?? ""))).join(" | ");
}

export const REVIEW_CSV_COLUMNS = [
  "mandate", "symbol", "paragraph", "actor", "action", "entity", "decision", "disposition", "absorbed_by", "status", "justification", "evidence",
  "needs_confirmation", "orphaned", "version", "updated_at", "updated_by",
] as const;

export interface ReviewCsvRow {
  mandate: { id: string; symbol: string; ref: string; sub: string | null; actor: string; action: string };
  entity: string;
  review: {
    decision: string;
    disposition: string | null;
    absorbedBy: string | null;
    status: string | null;
    justification: string;
    evidence: Evidence[];
    needsConfirmation: boolean;
    orphaned: boolean;
    version: number;
    updatedAt: string;
    updatedBy: string;
  } | null;
}

export function reviewCsv(rows: readonly ReviewCsvRow[]): string {
  return safeCsv(
    REVIEW_CSV_COLUMNS,
    rows.map(({ mandate: m, entity, review: r }) => [
      m.id, m.symbol, m.ref + (m.sub ? ` (${m.sub})` : ""), m.actor, m.action, entity,
      r?.decision, r?.disposition, r?.absorbedBy, r?.status, r?.justification, r ? evidenceCell(r.evidence) : null,
      r?.needsConfirmation, r?.orphaned, r?.version ?? 0, r?.updatedAt, r?.updatedBy,
    ]),
  );
}

export const SUMMARY_CSV_COLUMNS = ["group", "symbol", "mandates", "retained", "flagged_for_review", "proposed_for_removal", "undecided", "needs_confirmation", "orphaned"] as const;

export function summaryCsv(rows: readonly { group: string; symbol: string | null; mandates: number; retained: number; flagged: number; removal: number; undecided: number; needsConfirmation: number; orphaned: number }[]): string {
  return safeCsv(SUMMARY_CSV_COLUMNS, rows.map((r) => [r.group, r.symbol, r.mandates, r.retained, r.flagged, r.removal, r.undecided, r.needsConfirmation, r.orphaned]));
}

export const AUDIT_CSV_COLUMNS = ["id", "at", "user", "via", "action", "mandate", "entity", "subject", "before", "after"] as const;

export function auditCsv(entries: readonly { id: number; at: string; user: string | null; via: string; action: string; mandateId: string | null; entity: string | null; subject: string | null; before: unknown; after: unknown }[]): string {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return safeCsv(
    AUDIT_CSV_COLUMNS,
    entries.map((e) => [e.id, e.at, e.user, e.via, e.action, e.mandateId, e.entity, e.subject, json(e.before), json(e.after)]),
  );
}

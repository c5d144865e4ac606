import { problem } from "./problems.js";
import type { Problem } from "./types.js";

/**
 * The review of mandates as the UN defines it for the 2025-2026 review: per mandate and
 * responsible entity, a review decision (RETAIN, REVIEW, REMOVE) with its justification, which a
 * REMOVE may not leave out; the disposition Member States decide on (renewal, adaptation, merger,
 * replacement, retirement; a merger or replacement names the mandate that absorbs it); how far the
 * entity has implemented it;
 * and the evidence (links to reports and documents, free text). Pure: the rules that read and
 * check a decision as a person or a spreadsheet writes it, used alike by the API, the web forms
 * and the CSV import.
 */

export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const DECISIONS = ["RETAIN", "REVIEW", "REMOVE"] as const;
export type Decision = (typeof DECISIONS)[number];

export const DISPOSITIONS = ["renewal", "adaptation", "merger", "replacement", "retirement"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const STATUSES = ["not-started", "ongoing", "completed", "no-longer-relevant"] as const;
export type ImplementationStatus = (typeof STATUSES)[number];

/** Dispositions that hand the mandate over to another, which must be named. */
export const ABSORBING_DISPOSITIONS: readonly Disposition[] = ["merger", "replacement"];

export const LIMITS = { justification: 4000, evidenceItems: 20, evidenceText: 2000, url: 2000, entity: 300, description: 4000 } as const;

/** A link to a report or document, or words, or both. */
export interface Evidence {
  url: string | null;
  text: string | null;
}

/** A decision as entered, checked: what a review row holds besides its keys and bookkeeping. */
export interface ReviewFields {
  decision: Decision;
  disposition: Disposition | null;
  /** The absorbing mandate's id, for a merger or replacement. */
  absorbedBy: string | null;
  status: ImplementationStatus | null;
  justification: string;
  evidence: Evidence[];
}

export interface ReviewInput extends ReviewFields {
  /** The entity as the user named it (resolved by the registry). */
  entity: string;
  /** The version of the review the edit was made against; 0 (or absent) for a first decision. */
  version: number;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** "Not started", "NOT_STARTED", "not-started" -> "not-started": how people and spreadsheets write the choices. */
function choiceKey(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_]+/g, "-");
}

/** One of `allowed`, read leniently as to case, spaces and underscores; undefined when it is none. */
export function readChoice<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  const key = choiceKey(value);
  return allowed.find((a) => choiceKey(a) === key);
}

/** Whether a URL may be offered as a link: http or https only (never javascript:, data: ...). */
export function isSafeLink(url: string): boolean {
  if (url.length > LIMITS.url || /[\s<>"]/.test(url)) return false;
  return /^https?:\/\/[^/\s]+/i.test(url);
}

/** Control characters other than tab and line breaks: never part of a decision's text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function text(field: string, value: unknown, max: number, problems: Problem[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    problems.push(problem("review-field", `${field} must be text`));
    return null;
  }
  if (value.length > max) problems.push(problem("review-field", `${field} is ${value.length} characters long; at most ${max}`));
  else if (CONTROL.test(value)) problems.push(problem("review-field", `${field} holds a control character`));
  return value.trim();
}

function choice<T extends string>(field: string, value: unknown, allowed: readonly T[], problems: Problem[]): T | null {
  const written = text(field, value, 100, problems);
  if (written === null || written === "") return null;
  const found = readChoice(written, allowed);
  if (found === undefined) problems.push(problem("review-field", `${field} "${written.slice(0, 40)}" is not one of ${allowed.join(", ")}`));
  return found ?? null;
}

function evidenceOf(value: unknown, problems: Problem[]): Evidence[] {
  if (value === undefined || value === null || value === "") return [];
  const items = typeof value === "string" ? [value] : value;
  if (!Array.isArray(items)) {
    problems.push(problem("review-field", "evidence must be a list of links or texts"));
    return [];
  }
  if (items.length > LIMITS.evidenceItems) {
    problems.push(problem("review-field", `evidence holds ${items.length} items; at most ${LIMITS.evidenceItems}`));
    return [];
  }
  const out: Evidence[] = [];
  items.forEach((item, i) => {
    const raw = typeof item === "string" ? (/^https?:\/\//i.test(item.trim()) ? { url: item } : { text: item }) : item;
    if (!raw || typeof raw !== "object") {
      problems.push(problem("review-field", `evidence item ${i + 1} must be a link or a text`));
      return;
    }
    const { url, text: words } = raw as { url?: unknown; text?: unknown };
    const link = text(`evidence item ${i + 1}'s link`, url, LIMITS.url, problems);
    const note = text(`evidence item ${i + 1}'s text`, words, LIMITS.evidenceText, problems);
    if (link && !isSafeLink(link)) problems.push(problem("review-field", `evidence item ${i + 1}'s link must be an http or https address`));
    if (!link && !note) return;
    out.push({ url: link || null, text: note || null });
  });
  return out;
}

/**
 * A decision as the API receives it (JSON) or a CSV row gives it (strings), checked: every
 * problem is named, not only the first. `absorbedBy` is checked for presence here; whether the
 * registry holds that mandate is the store's to say.
 */
export function checkReview(raw: Record<string, unknown>): Checked<ReviewInput> {
  const problems: Problem[] = [];
  const entity = text("entity", raw.entity, LIMITS.entity, problems);
  if (!entity) problems.push(problem("review-field", "entity is required: the entity responsible, as the registry names actors (UNIDO)"));
  const before = problems.length;
  const decision = choice("decision", raw.decision, DECISIONS, problems);
  // a decision that is there but wrong was named by choice(); one that is missing is named here
  if (!decision && problems.length === before) problems.push(problem("review-field", `decision is required: one of ${DECISIONS.join(", ")}`));
  const disposition = choice("disposition", raw.disposition, DISPOSITIONS, problems);
  const status = choice("status", raw.status, STATUSES, problems);
  const justification = text("justification", raw.justification, LIMITS.justification, problems) ?? "";
  // proposing that a mandate go is the decision the review must be able to account for
  if (decision === "REMOVE" && !justification) problems.push(problem("review-field", "a REMOVE gives its justification: why the mandate should go"));
  const evidence = evidenceOf(raw.evidence, problems);
  const absorbedBy = text("absorbedBy", raw.absorbedBy, 100, problems) || null;
  if (disposition && ABSORBING_DISPOSITIONS.includes(disposition) && !absorbedBy) {
    problems.push(problem("review-absorbed-by", `a ${disposition} names the mandate that absorbs this one (absorbedBy: its id)`));
  }
  if (absorbedBy && !(disposition && ABSORBING_DISPOSITIONS.includes(disposition))) {
    problems.push(problem("review-absorbed-by", "absorbedBy is given only for a merger or replacement"));
  }
  let version = 0;
  if (raw.version !== undefined && raw.version !== null && raw.version !== "") {
    const n = typeof raw.version === "number" ? raw.version : Number(String(raw.version).trim());
    if (!Number.isSafeInteger(n) || n < 0) problems.push(problem("review-field", "version must be a whole number, 0 or more"));
    else version = n;
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { entity: entity!, decision: decision!, disposition, absorbedBy, status, justification, evidence, version } };
}

/** Whether two reviews say the same (bookkeeping aside). */
export function sameReview(a: ReviewFields, b: ReviewFields): boolean {
  return (
    a.decision === b.decision &&
    a.disposition === b.disposition &&
    a.absorbedBy === b.absorbedBy &&
    a.status === b.status &&
    a.justification === b.justification &&
    JSON.stringify(a.evidence) === JSON.stringify(b.evidence)
  );
}

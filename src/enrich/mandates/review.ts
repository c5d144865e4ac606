import type { OperativeParagraph } from "../../model/types.js";
import { ORDINAL_WORD_PATTERN } from "../../model/session.js";
import { DATE_PATTERN } from "../../model/dates.js";

/**
 * Whether a mandate has a review or an end: written into its own clause, or decided for what it
 * belongs to anywhere in the resolution ("decides to review the mandate of the Special
 * Rapporteur at its seventieth session").
 */

/** An end or review of the mandate written into its own clause: "until 1 July 2024", "for a period of three years". */
export const END_OR_REVIEW = new RegExp(
  `\\buntil\\s+(?:${DATE_PATTERN}|(?:the\\s+end\\s+of\\s+)?(?:19|20|21)\\d\\d\\b|the\\s+end\\s+of\\b)|\\bfor\\s+a\\s+(?:further\\s+)?period\\s+of\\b|` +
    `\\bsubject\\s+to\\s+(?:a\\s+)?review\\b|\\bto\\s+be\\s+reviewed\\b|` +
    `\\bwith\\s+(?:a\\s+)?(?:periodic\\s+|mid-term\\s+)?reviews?\\b`,
  "i",
);

/** A decision of the body to review, extend or end something: its object is read up to a comma. */
const REVIEW_DECISION = /\b(?:decides|agrees|resolves)\b[^;]{0,300}?\bto\s+(?:review|extend|renew|terminate|discontinue)\s+(?:the\s+)?((?:(?:mandate|mandates|work|functioning|operation|activities|arrangements|composition|methods of work|programme|term)\s+of\s+(?:the\s+)?)?[^,;]{2,200})/gi;
const REVIEW_VERBS = /\bto (?:review|extend|renew|terminate|discontinue)\b/;
/** The time that makes it a review or end date. */
const REVIEW_TIME = new RegExp(`${ORDINAL_WORD_PATTERN}\\s+session|\\b(?:19|20|21)\\d\\d\\b|\\bperiod\\s+of\\b`, "i");

/**
 * Objects of the resolution's own review, extension or end decisions ("the mandate of the Special
 * Rapporteur"), in the paragraphs that have a clause of decision.
 */
export function reviewedObjects(decisions: OperativeParagraph[]): string[] {
  const objects: string[] = [];
  for (const p of decisions) {
    if (!REVIEW_VERBS.test(p.text) || !REVIEW_TIME.test(p.text)) continue;
    REVIEW_DECISION.lastIndex = 0;
    for (let m = REVIEW_DECISION.exec(p.text); m; m = REVIEW_DECISION.exec(p.text)) objects.push(m[1]!);
  }
  return objects;
}

/**
 * "the mandate of the Special Rapporteur ..." reviews the Special Rapporteur's mandates; "the
 * implementation of the present resolution" reviews them all.
 */
export function namesReviewed(object: string, name: string): boolean {
  if (/^(?:the\s+)?implementation\s+of\s+(?:the\s+present|this)\s+resolution\b/i.test(object)) return true;
  const core = object.replace(/^(?:the\s+)?(?:(?:mandate|mandates|work|functioning|operation|activities|arrangements|composition|methods of work|programme|term)\s+of\s+)?(?:the\s+)?/i, "");
  return core.startsWith(name);
}

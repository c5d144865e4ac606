import type { MandateReview, OperativeParagraph } from "../../model/types.js";
import { ORDINAL_WORD_PATTERN, ordinalNumber } from "../../model/session.js";
import { DATE_PATTERN, isoDate, addPeriod } from "../../model/dates.js";
import { resolveActor } from "../actors.js";
import { cardinal, type DateContext, readShortRecurrence } from "./due-dates.js";

/**
 * Reviews and ends of a mandate: written into its own clause ("until 1 July 2024", "for a period
 * of three years", "subject to review every six months"), or decided for what it belongs to
 * anywhere in the resolution ("decides to review the mandate of the Special Rapporteur at its
 * seventieth session", "expresses its intention to review the mandate of UNAMA no later than 15
 * October 2023"). A review becomes a fact when its time is named: a session, a date, a period
 * after the adoption or a recurrence.
 */

/** An end or review of the mandate written into its own clause: "until 1 July 2024", "for a period of three years". */
export const END_OR_REVIEW = new RegExp(
  `\\buntil\\s+(?:${DATE_PATTERN}|(?:the\\s+end\\s+of\\s+)?(?:19|20|21)\\d\\d\\b|the\\s+end\\s+of\\b)|\\bfor\\s+a\\s+(?:further\\s+)?period\\s+of\\b|` +
    `\\bsubject\\s+to\\s+(?:a\\s+)?review\\b|\\bto\\s+be\\s+reviewed\\b|` +
    `\\bwith\\s+(?:a\\s+)?(?:periodic\\s+|mid-term\\s+)?reviews?\\b`,
  "i",
);

/**
 * A decision of the body to review, extend or end something, or its stated intention to review
 * it: its object is read up to a comma.
 */
const REVIEW_DECISION =
  /\b(?:decides|agrees|resolves|(?:expresses|affirms|reaffirms|stresses|underlines|declares)\s+its\s+(?:intent|intention|readiness|willingness|determination))\b[^;]{0,300}?\bto\s+(review|extend|renew|terminate|discontinue)\s+(?:the\s+)?((?:(?:mandate|mandates|work|functioning|operation|activities|arrangements|composition|methods of work|programme|term)\s+of\s+(?:the\s+)?)?[^,;]{2,200})/gi;
const REVIEW_VERBS = /\bto (?:review|extend|renew|terminate|discontinue)\b/;
/** The time that makes it a review or end date. */
const REVIEW_TIME = new RegExp(`${ORDINAL_WORD_PATTERN}\\s+session|\\b(?:19|20|21)\\d\\d\\b|\\bperiod\\s+of\\b|\\bevery\\b|\\bin\\s+\\w+(?:\\s+and\\s+\\w+)?\\s+months\\b|\\bwithin\\s+\\w+\\s+months\\b|\\bannually\\b`, "i");

/** What a resolution reviews or ends, and, for a review whose time is named, the review. */
export interface Reviewed {
  object: string;
  review: MandateReview | null;
  /** Index of the operative paragraph that decides it. */
  paragraph: number;
}

/**
 * Objects of the resolution's own review, extension or end decisions ("the mandate of the Special
 * Rapporteur"), in any operative paragraph: a decision or a stated intention ("Expresses its
 * intention to review the mandate ... no later than") is read wherever it is written.
 */
export function reviewedObjects(paragraphs: OperativeParagraph[], ctx: DateContext): Reviewed[] {
  const objects: Reviewed[] = [];
  for (const [paragraph, p] of paragraphs.entries()) {
    if (!REVIEW_VERBS.test(p.text) || !REVIEW_TIME.test(p.text)) continue;
    REVIEW_DECISION.lastIndex = 0;
    for (let m = REVIEW_DECISION.exec(p.text); m; m = REVIEW_DECISION.exec(p.text)) {
      const review = m[1]!.toLowerCase() === "review" ? readReview(p.text.slice(m.index, m.index + m[0].length + 300), ctx) : null;
      objects.push({ object: m[2]!, review, paragraph });
    }
  }
  return objects;
}

const AT_SESSION = new RegExp(`\\b(?:at|during|before|by|in|to|prior\\s+to|no\\s+later\\s+than)\\s+(?:its|the)\\s+(?:resumed\\s+)?(${ORDINAL_WORD_PATTERN})\\s+(?:regular\\s+)?session\\b`, "i");
const ON_DATE = new RegExp(`\\b(?:by|before|no\\s+later\\s+than|not\\s+later\\s+than|on|prior\\s+to|until)\\s+(?:the\\s+)?${DATE_PATTERN}`, "i");
const IN_MONTHS = /\b(?:in|within|after)\s+(\w+(?:-\w+)?)(?:\s+and\s+\w+(?:-\w+)?)?\s+(months?|years?|days?)\b/i;
const WRITTEN_REVIEW = /\b(?:review|reviewed|reviews)\b/i;

/**
 * The time of a review written in `text`: "at its sixty-fifth session", "no later than 15 October
 * 2023", "in three and six months" (the first, from the adoption), "every six months", "annually".
 */
export function readReview(text: string, ctx: DateContext): MandateReview | null {
  const from = WRITTEN_REVIEW.exec(text);
  if (!from) return null;
  const after = text.slice(from.index);
  const session = AT_SESSION.exec(after);
  const dated = ON_DATE.exec(after);
  const inMonths = IN_MONTHS.exec(after);
  const n = inMonths ? cardinal(inMonths[1]!) : null;
  const unit = inMonths ? (`${inMonths[2]!.toLowerCase().replace(/s$/, "")}s` as "months" | "years" | "days") : null;
  const counted = n && unit && ctx.adoptionDate ? addPeriod(ctx.adoptionDate, n, unit) : null;
  const recurrence = readShortRecurrence(after) ?? (/\bevery\s+year\b|\bannually\b/i.test(after) ? "annual" : null);
  const date = dated ? isoDate(dated[1]!, dated[2]!, dated[3]!) : counted;
  const sessionNumber = session ? (ordinalNumber(session[1]!) ?? null) : null;
  if (!date && sessionNumber === null && !recurrence) return null;
  const words = [session?.[0], dated?.[0] ?? (counted ? inMonths?.[0] : undefined), recurrence ? /\bevery\b[^,;]{0,30}|\bannually\b/i.exec(after)?.[0] : undefined];
  return {
    session: sessionNumber,
    date,
    recurrence,
    text: words.filter((w): w is string => !!w).map((w) => w.replace(/\s+/g, " ").trim()).join(", "),
  };
}

/** "the mandate" without its holder ("expresses its intention to review the mandate ... no later than"): the one its paragraph decides about. */
export function namesNoHolder(object: string): boolean {
  return /^(?:the\s+)?mandates?\b(?!\s+of\b)/i.test(object);
}

/**
 * "the mandate of the Special Rapporteur ..." reviews the Special Rapporteur's mandates; "the
 * implementation of the present resolution" reviews them all; "the mandate of UNDOF" reviews the
 * United Nations Disengagement Observer Force's, whichever name the gazetteer knows it by.
 */
export function namesReviewed(object: string, name: string): boolean {
  if (/^(?:the\s+)?implementation\s+of\s+(?:the\s+present|this)\s+resolution\b/i.test(object)) return true;
  const core = object.replace(/^(?:the\s+)?(?:(?:mandate|mandates|work|functioning|operation|activities|arrangements|composition|methods of work|programme|term)\s+of\s+)?(?:the\s+)?/i, "");
  if (core.startsWith(name)) return true;
  const known = resolveActor(core);
  return known !== null && known.canonical === name;
}

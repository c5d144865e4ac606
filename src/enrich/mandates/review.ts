import type { MandateReview, OperativeParagraph } from "../../model/types.js";
import { ORDINAL_WORD_PATTERN, ordinalNumber } from "../../model/session.js";
import { DATE_PATTERN, isoDate, addPeriod } from "../../model/dates.js";
import { resolveActor } from "../../model/actors.js";
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
function namesNoHolder(object: string): boolean {
  return /^(?:the\s+)?mandates?\b(?!\s+of\b)/i.test(object);
}

const WHOLE_RESOLUTION = /^(?:the\s+)?implementation\s+of\s+(?:the\s+present|this)\s+resolution\b/i;
const HOLDER_WORDS = /^(?:the\s+)?(?:(?:mandate|mandates|work|functioning|operation|activities|arrangements|composition|methods of work|programme|term)\s+of\s+)?(?:the\s+)?/i;

/** The first of the decisions a mandate falls under, and the first of them that sets a review time (indexes into the list; Infinity for none). */
interface Found {
  first: number;
  firstReviewed: number;
}

const NONE: Found = { first: Infinity, firstReviewed: Infinity };
const earlier = (a: Found, b: Found | undefined): Found =>
  b ? { first: Math.min(a.first, b.first), firstReviewed: Math.min(a.firstReviewed, b.firstReviewed) } : a;

/**
 * The review and end decisions of a resolution, looked up by the names of a mandate's actor.
 * "the mandate of the Special Rapporteur ..." covers the Special Rapporteur's mandates; "the
 * implementation of the present resolution" covers them all; "the mandate of UNDOF" the United
 * Nations Disengagement Observer Force's, whichever name the gazetteer knows it by; "the mandate"
 * without its holder, that of the body its paragraph decides about. Each decision is read once
 * and each name looked up once: a resolution of thousands of mandates and decisions does not
 * compare every mandate with every decision.
 */
export class ReviewIndex {
  private whole = NONE;
  private readonly byCanonical = new Map<string, Found>();
  /** The decisions' objects without their "the mandate of the", sorted: the ones a name begins are together. */
  private readonly cores: { core: string; found: Found }[];
  private readonly withoutHolder = new Map<number, Found>();
  private readonly byName = new Map<string, Found>();

  /**
   * @param reviewed the decisions, in the resolution's order
   * @param heldIn the paragraphs deciding about each body's mandate, by its names
   */
  constructor(
    private readonly reviewed: Reviewed[],
    private readonly heldIn: ReadonlyMap<string, readonly number[]>,
  ) {
    const cores = new Map<string, Found>();
    reviewed.forEach((r, i) => {
      const found: Found = { first: i, firstReviewed: r.review ? i : Infinity };
      if (WHOLE_RESOLUTION.test(r.object)) {
        this.whole = earlier(this.whole, found);
        return;
      }
      if (namesNoHolder(r.object)) this.withoutHolder.set(r.paragraph, earlier(found, this.withoutHolder.get(r.paragraph)));
      const core = r.object.replace(HOLDER_WORDS, "");
      cores.set(core, earlier(found, cores.get(core)));
      const known = resolveActor(core);
      if (known) this.byCanonical.set(known.canonical, earlier(found, this.byCanonical.get(known.canonical)));
    });
    this.cores = [...cores].map(([core, found]) => ({ core, found })).sort((a, b) => (a.core < b.core ? -1 : a.core > b.core ? 1 : 0));
  }

  /** What is decided about the mandates of an actor known by `names`: whether any decision covers them, and the first review time set. */
  decidedFor(names: readonly string[]): { decided: boolean; review: MandateReview | null } {
    let found = this.whole;
    for (const name of names) found = earlier(found, this.forName(name));
    return { decided: found.first !== Infinity, review: found.firstReviewed === Infinity ? null : this.reviewed[found.firstReviewed]!.review };
  }

  private forName(name: string): Found {
    let found = this.byName.get(name);
    if (found) return found;
    found = earlier(NONE, this.byCanonical.get(name));
    // the objects that begin with the name: a run of the sorted list (an object of at most 200
    // characters begins with at most 200 different names, so the runs add up to little)
    for (let i = this.firstCoreFrom(name); i < this.cores.length && this.cores[i]!.core.startsWith(name); i++) found = earlier(found, this.cores[i]!.found);
    for (const paragraph of this.heldIn.get(name) ?? []) found = earlier(found, this.withoutHolder.get(paragraph));
    this.byName.set(name, found);
    return found;
  }

  /** The first sorted object not before `name`. */
  private firstCoreFrom(name: string): number {
    let low = 0;
    let high = this.cores.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cores[mid]!.core < name) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

import type { MandateEnd } from "../../model/types.js";
import { addPeriod, DATE_PATTERN, isoDate, isoDuration, nextDayOfYear, type PeriodUnit } from "../../model/dates.js";

/**
 * Dates of an action: the date by or until which to act, written ("no later than 15 March 2023",
 * "until 31 May 1978", "by 31 August", whose year is the adoption's or the next) or counted from
 * the resolution's adoption date ("within 90 days", "for a period of six months"), or the end of
 * the period the resolution sets ("at the end of this period"); and the end of a mandate (a
 * sunset date and the period's length). A date is derived only when it is certain: no adoption
 * date, no relative date; a month without a day ("by June 2023") gives none.
 */

export interface DateContext {
  /** ISO adoption date of the resolution, that relative dates count from. */
  adoptionDate: string | null;
  /** End of the period the resolution sets (its decision about a mandate), that "at the end of this period" names. */
  periodEnd: string | null;
}

export interface DueDate {
  date: string;
  text: string;
}

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
  "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** "six", "twenty-four", "90", "a" -> 6, 24, 90, 1; null when not a number. */
export function cardinal(word: string): number | null {
  const w = word.toLowerCase().replace(/[\s\u2010-\u2015]+/g, "-");
  if (/^\d{1,4}$/.test(w)) return Number(w);
  if (w === "a" || w === "an") return 1;
  const unit = UNITS.indexOf(w);
  if (unit >= 0) return unit;
  const [tens, rest] = w.split("-");
  const t = TENS.indexOf(tens ?? "");
  if (t < 2) return null;
  if (rest === undefined) return t * 10;
  const u = UNITS.indexOf(rest);
  return u >= 1 && u <= 9 ? t * 10 + u : null;
}

const NUMBER = "(\\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\\u2010-\\u2015](?:one|two|three|four|five|six|seven|eight|nine))?)";
const UNIT = "(hours?|days?|weeks?|months?|years?)";

/** A number of hours, days, weeks, months or years as a period (hours as whole days). */
function period(amount: string, unit: string): { amount: number; unit: PeriodUnit } | null {
  const n = cardinal(amount);
  if (n === null || n <= 0) return null;
  const u = unit.toLowerCase().replace(/s$/, "");
  if (u === "hour") return { amount: Math.max(1, Math.ceil(n / 24)), unit: "days" };
  return { amount: n, unit: `${u}s` as PeriodUnit };
}

/** "by 15 March 2023", "no later than", "until", "ending on", "before", "up until", "to" after an extension. */
const BY_DATE = new RegExp(
  `\\b(?:by|before|no\\s+later\\s+than|not\\s+later\\s+than|prior\\s+to|until|up\\s+(?:until|to)|till|ending(?:\\s+on)?|expiring\\s+on|through)\\s+(?:the\\s+)?${DATE_PATTERN}`,
  "gi",
);
/** "to 25 September 2020" right after the verb of an extension: "Decides to extend, to 25 September 2020, the mandate". */
const EXTENDED_TO = new RegExp(`^(?:extend|renew|prolong)s?,?\\s+to\\s+${DATE_PATTERN}`, "i");
/** "report to the Council on 15 February 2023": a report due on a day. */
const REPORT_ON = new RegExp(
  `\\b(?:report|brief|submit|present)\\w*\\b[^;:]{0,80}?(?<!\\b(?:signed|adopted|held|dated|concluded|reached|issued|made|launched|convened|established|taken|announced|released)\\s)\\bon\\s+${DATE_PATTERN}`,
  "i",
);
/** "by 31 August", "by 20 July": a day of a month without its year. */
const BY_DAY = /\b(?:by|before|no\s+later\s+than|not\s+later\s+than|until)\s+(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s\u00a0,]*\d{4})/gi;
/** "by the end of 2021": the year's last day. */
const END_OF_YEAR = /\b(?:by|before|until)\s+the\s+end\s+of\s+((?:19|20|21)\d\d)\b/gi;
/** "within 90 days", "within six months and eleven months of the adoption", "within twenty-four hours". */
const WITHIN = new RegExp(`\\bwithin\\s+(?:a\\s+period\\s+of\\s+|the\\s+(?:next|coming)\\s+)?${NUMBER}\\s+${UNIT}`, "gi");
/** "for a period of six months", "for an initial period of one year", "for a further 12 months", "for one year". */
export const FOR_PERIOD_SOURCE =
  `\\bfor\\s+(?:(?:an|another|a)\\s+)?(?:(?:further|initial|additional|interim|final|new|second|third|limited)\\s+)*(?:(?:interim\\s+)?(?:period|term)\\s+of\\s+)?${NUMBER}\\s+${UNIT}`;
const FOR_PERIOD = new RegExp(FOR_PERIOD_SOURCE, "gi");
/** The start of a period other than the adoption: "as of 9 July 2011 ... for an initial period of one year". */
const PERIOD_START = new RegExp(`\\b(?:as\\s+of|as\\s+from|with\\s+effect\\s+from|starting\\s+(?:on|from)|beginning(?:\\s+on)?|from)\\s+${DATE_PATTERN}`, "i");
/** "at the end of this period", "before the end of the mandate period", "prior to its expiration". */
const PERIOD_END = /\b(?:at|before|by|prior\s+to|ahead\s+of)\s+(?:the\s+)?(?:end|expiration|expiry|conclusion)\s+of\s+(?:this|that|the|its)\s+(?:(?:present|current|said)\s+)?(?:mandate\s+)?(?:mandate|period)\b|\bprior\s+to\s+(?:its|the\s+mandate[\u2019']?s?)\s+(?:expiration|expiry)\b/i;

interface Found {
  at: number;
  date: string;
  text: string;
}

function firstOf(pattern: RegExp, text: string, read: (m: RegExpExecArray) => string | null): Found | null {
  pattern.lastIndex = 0;
  if (!pattern.global) {
    const m = pattern.exec(text);
    const date = m ? read(m) : null;
    return m && date ? { at: m.index, date, text: m[0] } : null;
  }
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const date = read(m);
    if (date) return { at: m.index, date, text: m[0] };
  }
  return null;
}

const earliest = (...found: (Found | null)[]): Found | null =>
  found.reduce<Found | null>((best, f) => (f && (!best || f.at < best.at) ? f : best), null);

/** The written dates of `text`: a day with its year, a day whose year the adoption gives, the end of a year. */
function writtenDate(text: string, ctx: DateContext): Found | null {
  const exact = earliest(
    firstOf(BY_DATE, text, (m) => isoDate(m[1]!, m[2]!, m[3]!)),
    firstOf(EXTENDED_TO, text, (m) => isoDate(m[1]!, m[2]!, m[3]!)),
    firstOf(REPORT_ON, text, (m) => isoDate(m[1]!, m[2]!, m[3]!)),
    firstOf(END_OF_YEAR, text, (m) => `${m[1]}-12-31`),
  );
  if (exact) return exact;
  return ctx.adoptionDate ? firstOf(BY_DAY, text, (m) => nextDayOfYear(m[1]!, m[2]!, ctx.adoptionDate!)) : null;
}

/** Dates counted from the adoption (or from a start the text names), and the end of the resolution's period. */
function countedDate(text: string, ctx: DateContext): Found | null {
  const start = PERIOD_START.exec(text);
  const from = start ? isoDate(start[1]!, start[2]!, start[3]!) : ctx.adoptionDate;
  const count = (m: RegExpExecArray, origin: string | null) => {
    const p = period(m[1]!, m[2]!);
    return p && origin ? addPeriod(origin, p.amount, p.unit) : null;
  };
  // "within 21 days of the ceasefire coming into force" counts from an event, not from the adoption
  const fromAdoption = (m: RegExpExecArray) => !/^\s+(?:of|after|from|following)\s+(?!(?:the\s+)?(?:adoption|date\s+of\s+(?:the\s+)?(?:adoption|this|the\s+present)|this\s+resolution|the\s+present\s+resolution|this\s+mandate))/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60));
  return earliest(
    firstOf(WITHIN, text, (m) => (fromAdoption(m) ? count(m, ctx.adoptionDate) : null)),
    firstOf(FOR_PERIOD, text, (m) => count(m, from)),
    ctx.periodEnd ? firstOf(PERIOD_END, text, () => ctx.periodEnd) : null,
  );
}

/** The date by or until which `text` (an action) is to be carried out. */
export function readDueDate(text: string, ctx: DateContext): DueDate | null {
  const found = writtenDate(text, ctx) ?? countedDate(text, ctx);
  return found ? { date: found.date, text: found.text.replace(/\s+/g, " ").trim() } : null;
}

/**
 * The end a clause sets for a mandate: "until 31 May 1978", "for a further period ending 15
 * December 2008", "for a period of three years" (from the adoption date), "for another period of
 * six months, that is, until 31 May 1978" (the written date, and the period's length).
 */
export function readEnd(text: string, ctx: DateContext): MandateEnd | null {
  BY_DATE.lastIndex = 0;
  let until: Found | null = null;
  for (let m = BY_DATE.exec(text); m && !until; m = BY_DATE.exec(text)) {
    if (!/^(?:until|up|till|ending|expiring|through)/i.test(m[0])) continue;
    const date = isoDate(m[1]!, m[2]!, m[3]!);
    if (date) until = { at: m.index, date, text: m[0] };
  }
  until ??= firstOf(EXTENDED_TO, text, (m) => isoDate(m[1]!, m[2]!, m[3]!));
  FOR_PERIOD.lastIndex = 0;
  const span = FOR_PERIOD.exec(text);
  const length = span ? period(span[1]!, span[2]!) : null;
  if (!until && !length) return null;
  const start = PERIOD_START.exec(text);
  const from = start ? isoDate(start[1]!, start[2]!, start[3]!) : ctx.adoptionDate;
  const counted = length && from ? addPeriod(from, length.amount, length.unit) : null;
  const words = [span?.[0], until?.text].filter((w): w is string => !!w).map((w) => w.replace(/\s+/g, " ").trim());
  return {
    date: until?.date ?? counted,
    duration: length ? isoDuration(length.amount, length.unit) : null,
    text: [...new Set(words)].join(", "),
  };
}

/** "every 90 days", "every three months", "every six months": a recurrence by a count of units. */
const EVERY = new RegExp(`\\bevery\\s+${NUMBER}\\s+(days?|weeks?|months?)\\b`, "i");
const NAMED_PERIODS: [RegExp, string][] = [
  [/\b(?:weekly|every\s+week|each\s+week|on\s+a\s+weekly\s+basis)\b/i, "weekly"],
  [/\b(?:monthly|every\s+month|each\s+month|on\s+a\s+monthly\s+basis)\b/i, "monthly"],
  [/\b(?:quarterly|trimesterly|every\s+quarter|on\s+a\s+quarterly\s+basis)\b/i, "every 3 months"],
  [/\b(?:semi-annually|semi-annual|biannually|twice\s+a\s+year|every\s+half[-\s]year)\b/i, "every 6 months"],
];

/** A recurrence shorter than a year, as "every N days|weeks|months", "weekly" or "monthly"; null when none is written. */
export function readShortRecurrence(text: string): string | null {
  const every = EVERY.exec(text);
  if (every) {
    const n = cardinal(every[1]!);
    const unit = every[2]!.toLowerCase().replace(/s$/, "");
    if (n === 1) return unit === "day" ? "daily" : `${unit}ly`;
    if (n !== null && n > 1) return unit === "month" && n === 12 ? "annual" : `every ${n} ${unit}s`;
  }
  for (const [pattern, name] of NAMED_PERIODS) if (pattern.test(text)) return name;
  return null;
}

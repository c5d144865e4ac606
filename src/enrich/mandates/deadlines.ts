import type { Deadline, Resolution } from "../../model/types.js";
import { ORDINAL_WORD_PATTERN, ordinalNumber, sessionYears } from "../../model/session.js";
import { DATE_PATTERN, isoDate } from "../../model/dates.js";

/** Deadlines of an action: a session of the General Assembly, a date, a year or a time span. */

const SESSION = new RegExp(
  `\\b(?:at|during|before|by|for|until|in|to|prior to|no later than)\\s+(?:its|the)\\s+(?:(?:main|resumed|regular)\\s+part\\s+of\\s+(?:its|the)\\s+)?(?:resumed\\s+)?(${ORDINAL_WORD_PATTERN})(?:\\s*(?:,|and)\\s*${ORDINAL_WORD_PATTERN})*\\s+(?:regular\\s+)?sessions?\\b(\\s+of\\s+the\\s+[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*)*)?`,
  "gi",
);
const BY_DATE = new RegExp(`\\b(?:by|before|no later than|not later than|prior to)\\s+(?:the\\s+)?${DATE_PATTERN}`, "i");
const BY_YEAR = /\b(?:by|before|no later than|not later than)\s+(?:the\s+end\s+of\s+|the\s+year\s+)?((?:19|20|21)\d\d)\b/i;
const WITHIN = /\bwithin\s+(?:\w+\s+)?(?:\d+|one|two|three|four|five|six|nine|twelve|thirty|sixty|ninety)\s+(?:days|weeks|months|years)\b/i;
/** Bodies other than the General Assembly that hold numbered sessions. */
const OTHER_SESSION_BODY = /(Council|Commission|Committee|Conference|Board|Forum|Meeting|Parties|Assembly of States Parties|Environment Assembly|Executive Committee|Governing Council|Bureau)[\s,]*$/;

export interface DeadlineContext {
  /** Session of the resolution, to reject references to past sessions. */
  session: number | null;
  body: Resolution["meta"]["body"];
  /** The addressee is itself a body with sessions ("at its sixty-fifth session" is then its own). */
  actorHoldsSessions: boolean;
}

export function readDeadline(text: string, ctx: DeadlineContext): Deadline | null {
  SESSION.lastIndex = 0;
  for (let m = SESSION.exec(text); m; m = SESSION.exec(text)) {
    const n = ordinalNumber(m[1]!);
    if (!n) continue;
    const of = m[2]?.trim();
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const generalAssembly = /General Assembly[\s,]*$/.test(before) || (of !== undefined && /General Assembly/.test(of));
    if (!generalAssembly) {
      if (of || OTHER_SESSION_BODY.test(before) || ctx.body !== "GA") continue;
      if (/^\w+\s+its/i.test(m[0]) && ctx.actorHoldsSessions && !/Assembly/.test(before)) continue;
    }
    if (ctx.session !== null && n < ctx.session) continue;
    const [y1, y2] = sessionYears(n);
    return { session: n, years: `${y1}-${y2}`, date: null, text: m[0].replace(/\s+/g, " ").trim() };
  }
  const date = BY_DATE.exec(text);
  if (date) {
    const iso = isoDate(date[1]!, date[2]!, date[3]!);
    if (iso) return { session: null, years: iso.slice(0, 4), date: iso, text: date[0] };
  }
  const year = BY_YEAR.exec(text);
  if (year) return { session: null, years: year[1]!, date: null, text: year[0] };
  const within = WITHIN.exec(text);
  if (within) return { session: null, years: null, date: null, text: within[0] };
  return null;
}

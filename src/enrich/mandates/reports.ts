import { resolveActor } from "../../model/actors.js";
import type { Resolution } from "../../model/types.js";
import { readShortRecurrence } from "./due-dates.js";
import { readsAsCouncil } from "./genre.js";

/** What an action asks to be reported or produced: a report and its recipient, a deliverable, a recurrence. */

const REPORT_PATTERNS = [
  // "to report", "to continue to report", "and report thereon"
  /\b(?:to|and)\s+(?:(?:continue|also|further|regularly|periodically|annually|duly)\s+(?:to\s+)?)?report\b/i,
  // "to submit ... a report", "to present a note" ("the present resolution" is no verb)
  /\b(?:submit|(?<!\bthe\s)present|prepare|transmit|produce|deliver|make\s+available)\b[^;]{0,140}?\b(?:reports?|note)\b(?!\s+(?:that|with))/i,
  // "a report to be submitted"
  /\breports?\s+to\s+be\s+(?:submitted|presented|prepared|issued)\b/i,
  // "to include information ... in the report", "to identify ... in his report"
  /\b(?:include|reflect|incorporate|cover)\b[^;]{0,160}?\bin\s+(?:a|an|his|her|its|their|the)(?:\s+[\w-]+){0,3}\s+reports?\b/i,
  /\bin\s+(?:his|her|its|their)(?:\s+[\w-]+){0,3}\s+reports?\b/i,
  // "to inform the General Assembly", "to keep Member States informed"
  /\b(?:inform|brief|apprise|notify)\s+(?:\w+\s+){0,3}?(?:the\s+)?(?:General\s+Assembly|Assembly|Security\s+Council|Council|Member\s+States|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|Commission|Committee)\b/i,
  /\bkeep\s+(?:the\s+)?(?:General\s+Assembly|Assembly|Security\s+Council|Council|Member\s+States|Committee|Commission)\b[^;]{0,40}?\binformed\b/i,
];

/** A report already written, not asked for: "contained in his report", "in its report of 2017", "in his report dated 28 July". */
const NOT_ASKED_BEFORE = "(?<!\\b(?:contained|recommended|set\\s+out|outlined|described|referred\\s+to|proposed|mentioned|made|identified|highlighted|expressed|included|presented|noted)\\s)";
const NOT_ASKED_AFTER = "(?!\\s+(?:dated|of\\s+\\d|of\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)|entitled|submitted|presented|contained|issued|\\(|S\\/|A\\/))";

/**
 * How the Security Council and the Human Rights Council ask for reports, beyond the General
 * Assembly's phrasing: "to continue reporting", "to provide a report", "to submit this to the
 * Security Council", "to provide regular updates to the Council", "reporting gross violations
 * ... to the Security Council"; and a report already written ("contained in his report", "in its
 * joint report of 2017") is not one asked for.
 */
const COUNCIL_REPORT_PATTERNS = [
  /\b(?:to|and)\s+(?:(?:continue|also|further|regularly|periodically|annually|duly)\s+(?:to\s+)?)?report\b|\bto\s+continue\s+reporting\b/i,
  /\b(?:submit|(?<!\bthe\s)present|prepare|transmit|produce|deliver|provide|make\s+available)\b[^;]{0,140}?\b(?:reports?|note(?!\s+(?:that|with))|summary)\b/i,
  /\b(?:submit|present|transmit)\s+(?:it|this|them|these|the\s+same)\s+to\s+the\s+/i,
  REPORT_PATTERNS[2]!,
  new RegExp(`\\b(?:include|reflect|incorporate|cover)\\b[^;]{0,160}?${NOT_ASKED_BEFORE}\\bin\\s+(?:a|an|his|her|its|their|the)(?:\\s+[\\w-]+){0,3}\\s+(?:reports?|updates?)\\b`, "i"),
  new RegExp(`${NOT_ASKED_BEFORE}\\bin\\s+(?:his|her|its|their)(?:\\s+[\\w-]+){0,3}\\s+reports?\\b${NOT_ASKED_AFTER}`, "i"),
  REPORT_PATTERNS[5]!,
  REPORT_PATTERNS[6]!,
  /\b(?:provide|submit|present|give)\s+(?:[\w-]+\s+){0,3}?updates?\b|\bupdate\s+the\s+(?:Human\s+Rights\s+|Security\s+|Economic\s+and\s+Social\s+)?(?:Council|General\s+Assembly|Assembly)\b/i,
  /\breporting\s+(?:[\w-]+\s+){0,8}?to\s+the\s+(?:UN\s+|United\s+Nations\s+)?(?:Security\s+Council|General\s+Assembly|Human\s+Rights\s+Council)\b/i,
  /(?<!\b(?:the|a|its|his|her|their|annual|this|that)\s)\breport\s+(?:[\w-]+\s+){0,2}?to\s+the\s+(?:Security\s+Council|General\s+Assembly|Human\s+Rights\s+Council|Council)\b/i,
];

/** Whether the action asks its addressee to report, by the phrasing of the body that adopted it. */
export function asksForReport(action: string, body: Resolution["meta"]["body"] = "GA"): boolean {
  return (readsAsCouncil(body) ? COUNCIL_REPORT_PATTERNS : REPORT_PATTERNS).some((p) => p.test(action));
}
const BODY_NAMES: Record<Resolution["meta"]["body"], string | null> = {
  GA: "General Assembly",
  SC: "Security Council",
  ECOSOC: "Economic and Social Council",
  HRC: "Human Rights Council",
  other: null,
};

/** Where the name of a report's recipient can start: "submit to the", "inform the", "by the". */
const RECIPIENT_AT = /\b(?:to|inform|brief|apprise|notify|by|before|keep)\s+(?:the\s+)?(?=[A-Z])/g;

/**
 * The body or official a report goes to: the first intergovernmental body, Secretariat official
 * or "Member States" named right after "to", "inform", "brief" or "by" ("submit to the General
 * Assembly", "report to the Secretary-General", "for consideration by the Council"); else the
 * adopting body when the report is due at one of its sessions; else unknown.
 */
export function reportRecipient(action: string, body: Resolution["meta"]["body"], dueSession: number | null): string | null {
  RECIPIENT_AT.lastIndex = 0;
  for (let m = RECIPIENT_AT.exec(action); m; m = RECIPIENT_AT.exec(action)) {
    const named = resolveActor(action.slice(RECIPIENT_AT.lastIndex, RECIPIENT_AT.lastIndex + 160));
    if (named && (named.type === "intergovernmental" || named.type === "secretariat" || named.canonical === "Member States")) return named.canonical;
  }
  return dueSession !== null ? (BODY_NAMES[body] ?? "General Assembly") : null;
}

/** Words that cannot fill the gap between a determiner and the deliverable's noun. */
const FILLER = "(?:(?!(?:a|an|the|his|her|its|their|at|to|of|on|in|session)\\b)[\\w-]+\\s+)";
/** What the addressee is to produce: the object of a verb of production ("to submit ... a report on ..."). */
const DELIVERABLE = new RegExp(
  `\\b(?:submit|prepare|present|develop|produce|conduct|undertake|compile|transmit|issue|draft|elaborate|finalize|provide|publish|carry out|include)\\b[^;]{0,100}?` +
  `\\b((?:a|an|the|his|her|its|their)\\s+${FILLER}{0,4}?(?:reports?|note|study|analysis|survey|assessment|update|compilation|proposals?|recommendations|plan|strategy|framework|guidelines|summary|overview|road\\s*map|toolkit|handbook|database|programme of work)\\b[^;:]{0,160})`,
  "i",
);

export function readDeliverable(action: string): string | null {
  const m = DELIVERABLE.exec(action);
  if (!m) return null;
  // the deliverable ends before the next infinitive, clause or addressee of its submission
  const text = m[1]!.split(/,\s|\s+(?:and\s+)?to\s+(?:the\s+)?(?:General Assembly|Security Council|Council|Human Rights Council|be\s)|\s+at\s+its\s|\s+(?:for|during)\s+(?:its|the)\s+[\w-]+\s+session|\s+and\s+to\s/)[0]!;
  return text.trim();
}

/** Recurrence as written, a year or more apart; the groups are tried in this order: annual, biennial, ... */
const RECURRENCE = new RegExp(
  [
    "\\b(annually|every year|each year|yearly|on an annual basis|annual reports?)\\b",
    "\\b(biennially|every two years|every second year|on a biennial basis|biennial reports?)\\b",
    "\\b(triennially|every three years|every third year|on a triennial basis|triennial reports?)\\b",
    "\\b(quadrennially|every four years|on a quadrennial basis|quadrennial reports?)\\b",
    "\\b(every five years)\\b",
    "\\b(periodically|on a regular basis|regular reports)\\b",
  ].join("|"),
  "i",
);
const RECURRENCE_NAMES = ["annual", "biennial", "triennial", "quadrennial", "every 5 years", "periodic"];
const INFERRED_RECURRENCE = [null, "annual", "biennial", "triennial", "quadrennial"];

/**
 * How often the action recurs: as written ("biennially", "every three years"), or, for a report
 * due at a later session of the General Assembly, inferred from the gap between that session and
 * the resolution's own (a report requested at the sixty-fifth session by a resolution of the
 * sixty-third puts the item on a biennial cycle).
 */
export function readRecurrence(action: string, report: boolean, due: number | null, session: number | null): string | null {
  const written = action ? RECURRENCE.exec(action) : null;
  const name = written ? RECURRENCE_NAMES[written.slice(1).findIndex((g) => g !== undefined)]! : null;
  if (name && name !== "periodic") return name;
  // "every 90 days", "every three months", "on a weekly basis": more precise than "regularly"
  const short = action ? readShortRecurrence(action) : null;
  if (short || name) return short ?? name;
  if (report && due !== null && session !== null) return INFERRED_RECURRENCE[due - session] ?? null;
  return null;
}

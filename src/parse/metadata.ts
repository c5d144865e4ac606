import { DATE_PATTERN, isoDate } from "../model/dates.js";
import { ORDINAL_WORD_PATTERN, ordinalNumber } from "../model/session.js";
import type { Body } from "../model/types.js";

/**
 * Metadata from the lines printed around a resolution: the heading ("Resolution adopted by the
 * General Assembly on ...", "[on the report of ...]", "63/231. Title"), the meeting line that
 * closes it, and the ODS cover block (symbol, distribution date, session, agenda item, job).
 * Every pattern here is anchored or bounded so that a 1 MB line cannot make it backtrack.
 */

const ADOPTED = new RegExp(
  `^Resolutions? adopted by the (General Assembly|Security Council|Economic and Social Council|Human Rights Council)(?: at its [^\\n]{0,80}?)? on ${DATE_PATTERN}`,
  "i",
);
const SC_ADOPTED = new RegExp(
  `^Adopted (?:unanimously )?(?:without a vote )?by the Security Council(?: at its (\\d{1,5})(?:st|nd|rd|th)? meeting,?)?\\s+on\\s+${DATE_PATTERN}`,
  "i",
);
const REPORT_BRACKET = /^\[\s*((?:on the (?:report|recommendation)s? of the|without reference to a Main Committee)[^\n]{0,600})$/i;
const NUMBER_TITLE = /^(\d{1,3})\/(\d{1,4})\s?([A-Z](?:[-\u2013][A-Z])?)?\s*\.[\t \u00a0]+(\S[^\n]{0,2000})/;
const SC_NUMBER = /^Resolution (\d{1,5})\s*\((\d{4})\)\s*$/i;
/** Early Security Council texts: "102 (1953). Resolution of 3 December 1953" */
const SC_NUMBER_EARLY = new RegExp(`^(\\d{1,4}) \\((\\d{4})\\)\\.?\\s+Resolution of ${DATE_PATTERN}`, "i");
/** "Adopted at the 645th meeting" (and "Adopted unanimously at the 1382nd meeting.") */
const SC_ADOPTED_AT = /^Adopted (?:unanimously )?at the (\d{1,5})(?:st|nd|rd|th) meeting/i;
const MEETING_LINE = /^(\d{1,5})(?:st|nd|rd|th)(?: \((?:resumed|continued)\))? (plenary )?meeting\s*$/i;
const DATE_LINE = new RegExp(`^${DATE_PATTERN}\\s*$`, "i");
const SYMBOL_IN = /[A-Z]{1,6}(?:\.\d{1,3})?\/[A-Za-z0-9.\-/]+(?:\/(?:Add|Corr|Rev)\.\d{1,3})*/;

export interface HeadingFacts {
  body?: Body;
  adoptionDate?: string;
  committee?: string | null;
  committeeReport?: string;
  session?: number;
  number?: string;
  part?: string;
  title?: string;
  scNumber?: { number: number; year: number };
  meeting?: number;
}

export function adoptionLine(text: string): { body: Body; date: string | null } | null {
  const m = ADOPTED.exec(text);
  if (!m) return null;
  return { body: bodyOf(m[1]!), date: isoDate(m[2]!, m[3]!, m[4]!) };
}

/** "Adopted by the Security Council at its 9054th meeting, on 3 June 2022" (recent texts may omit the meeting). */
export function scAdoptionLine(text: string): { meeting: number | null; date: string | null } | null {
  const m = SC_ADOPTED.exec(text);
  return m ? { meeting: m[1] ? Number(m[1]) : null, date: isoDate(m[2]!, m[3]!, m[4]!) } : null;
}

function bodyOf(name: string): Body {
  const n = name.toLowerCase();
  if (n.includes("security")) return "SC";
  if (n.includes("economic")) return "ECOSOC";
  if (n.includes("human rights")) return "HRC";
  return "GA";
}

/**
 * "[on the report of the Second Committee (A/63/418/Add.2)]",
 * "[on the report of the Special Political and Decolonization Committee (Fourth Committee) (A/75/414, para. 8)]",
 * "[without reference to a Main Committee (A/75/L.20 and A/75/L.20/Add.1)]".
 */
export function reportLine(text: string): { committee: string | null; report: string | null } | null {
  const m = REPORT_BRACKET.exec(text);
  if (!m) return null;
  const inside = m[1]!.replace(/\]\s*$/, "").trim();
  // the last parenthesised group holds the symbols; a committee's name may carry one of its own
  const open = inside.lastIndexOf("(");
  const symbols = open === -1 ? "" : inside.slice(open + 1);
  const lead = (open === -1 ? inside : inside.slice(0, open)).trim();
  const symbol = SYMBOL_IN.exec(symbols);
  const report = symbol ? symbol[0].replace(/[.,;]+$/, "") : null;
  const named = /^on the (?:report|recommendation)s? of the (.+)$/i.exec(lead);
  return { committee: named ? committeeName(named[1]!) : null, report };
}

function committeeName(raw: string): string {
  const s = raw.replace(/\s+/g, " ").trim();
  const numbered = /\((\w+ Committee)\)$/.exec(s);
  if (numbered) return numbered[1]!;
  return s.replace(/^the /i, "");
}

/** "63/231.\tIndustrial development cooperation" and "75/245 B.\tTitle" */
export function numberTitleLine(text: string): { session: number; number: string; part?: string; title: string } | null {
  const m = NUMBER_TITLE.exec(text);
  if (!m) return null;
  return { session: Number(m[1]), number: `${m[1]}/${m[2]}`, part: m[3]?.replace("\u2013", "-"), title: m[4]!.trim() };
}

export function scNumberLine(text: string): { number: number; year: number; date?: string } | null {
  const t = text.trim();
  const m = SC_NUMBER.exec(t);
  if (m) return { number: Number(m[1]), year: Number(m[2]) };
  const early = SC_NUMBER_EARLY.exec(t);
  if (!early) return null;
  const date = isoDate(early[3]!, early[4]!, early[5]!);
  return { number: Number(early[1]), year: Number(early[2]), ...(date ? { date } : {}) };
}

export function scMeetingLine(text: string): number | null {
  const m = SC_ADOPTED_AT.exec(text.trim());
  return m ? Number(m[1]) : null;
}

export function meetingLine(text: string): { meeting: number; plenary: boolean } | null {
  const m = MEETING_LINE.exec(text.trim());
  return m ? { meeting: Number(m[1]), plenary: Boolean(m[2]) } : null;
}

export function dateLine(text: string): string | null {
  const m = DATE_LINE.exec(text.trim());
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

export interface CoverFacts {
  symbol?: string;
  jobNumber?: string;
  distributionDate?: string;
  session?: number;
  agendaItem?: string;
}

const JOB = /<<ODS JOB NO>>([^<\n]{0,40})<<ODS JOB NO>>/;
const SYMBOL1 = /<<ODS DOC SYMBOL1>>([^<\n]{0,80})<<ODS DOC SYMBOL1>>/;
const DISTR = new RegExp(`Distr\\.:?[\\t \\u00a0]*(?:General|Limited|Restricted)[\\s\\u00a0]{0,20}${DATE_PATTERN}`, "i");
const SESSION = new RegExp(`(${ORDINAL_WORD_PATTERN}) (?:regular |special |emergency special )?session`, "i");
const AGENDA = /Agenda items? ([^\n]{1,120})/i;

/** The ODS cover block: what follows the `<<ODS JOB NO>>` fields at the end of an export. */
export function coverFacts(cover: string): CoverFacts {
  const facts: CoverFacts = {};
  const job = JOB.exec(cover)?.[1]?.trim();
  if (job) facts.jobNumber = job;
  const symbol = SYMBOL1.exec(cover)?.[1]?.trim();
  if (symbol) facts.symbol = symbol;
  const distr = DISTR.exec(cover);
  if (distr) facts.distributionDate = isoDate(distr[1]!, distr[2]!, distr[3]!) ?? undefined;
  const session = SESSION.exec(cover);
  if (session) facts.session = ordinalNumber(session[1]!);
  const agendaItem = agendaItemOf(cover);
  if (agendaItem) facts.agendaItem = agendaItem;
  return facts;
}

/** "Agenda item 22 (b)" -> "22 (b)", "Agenda items 20 and 21" -> "20 and 21": the agenda item as printed after the words. */
export function agendaItemOf(text: string): string | null {
  const agenda = AGENDA.exec(text);
  return agenda ? agenda[1]!.replace(/\s+/g, " ").trim().replace(/[.,;]$/, "") || null : null;
}

/** Facts of a printed cover page heading (PDFs and some texts): "Distr.: General 17 March 2009". */
export function distributionDate(text: string): string | null {
  const m = DISTR.exec(text);
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}


import { findDate } from "../model/dates.js";
import { isSubject, meetingRecord, memberStateName, type OfficialFacts, orderedVotes, sponsorEntry, tidy, votingOutcome } from "../model/official.js";
import { problem } from "../model/problems.js";
import { ordinalNumber } from "../model/session.js";
import { assemblySession, tidySymbol } from "../model/symbols.js";
import type { MemberVote, Problem, Subject, Voting } from "../model/types.js";
import { agendaItemOf } from "../parse/metadata.js";
import { decodeText } from "./decode.js";
import { MAX_TEXT_BYTES } from "./read.js";

/**
 * Rows of official metadata: JSON Lines, one object per resolution, as the UN's GA resolutions
 * repository extracts them (`data_extract/80.json`): symbol, title, adoption meeting and date,
 * committee, originating document, agenda item, voting (`voting_type` or `adoption_type`,
 * counts as strings, "N.A." when not given, and the Member States of each column), sponsors,
 * SDGs, subjects ([term, vocabulary] pairs). Each row becomes the facts it gives a document's
 * metadata (src/model/official.ts), in the model's forms. A line that cannot be read is a
 * problem located by its number, and the other lines are read.
 */

export interface OfficialRecord {
  /** The resolution's symbol, in the form the decoders give documents ("A/RES/80/96", "A/RES/79/259 A-C"). */
  symbol: string;
  /** 1-based line of the row in its file (the last, when several describe the symbol). */
  line: number;
  facts: OfficialFacts;
}

export interface LineProblem {
  line: number;
  message: string;
}

/** `records`: one per symbol; `rows`: the lines read into one (a symbol may be described on several). */
export type OfficialRows = { ok: true; records: OfficialRecord[]; rows: number; problems: LineProblem[] } | { ok: false; problems: Problem[] };

/** How far into a file its first row is looked for: rows are a few KB, a line of 64K would not be one. */
const SNIFF_BYTES = 65536;

/**
 * Whether a file holds rows of official metadata: a `.json` or `.jsonl` file in a folder named
 * `metadata`, or JSON Lines whose first object names a `symbol` and a `resolution_number` or
 * `voting_type`. The EOSG's paragraph files are JSON arrays, never taken for rows.
 */
export function isOfficialMetadata(bytes: Uint8Array, name = ""): boolean {
  if (/(?:^|[\\/])metadata[\\/][^\\/]+\.jsonl?$/i.test(name)) return true;
  // Every file of an ingest passes here: most are told apart by their first byte, undecoded.
  let first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x09 || bytes[first] === 0x0a || bytes[first] === 0x0d)) first++;
  if (bytes[first] !== 0x7b) return false; // "{"
  const head = new TextDecoder("utf-8").decode(bytes.subarray(first, first + SNIFF_BYTES));
  const end = head.indexOf("\n");
  const line = end === -1 ? head : head.slice(0, end);
  return /"symbol"\s*:\s*"/.test(line) && /"(?:resolution_number|voting_type)"\s*:/.test(line);
}

export function decodeOfficialMetadata(bytes: Uint8Array): OfficialRows {
  if (bytes.length > MAX_TEXT_BYTES) {
    return { ok: false, problems: [problem("too-large", `the file is ${(bytes.length / 1048576).toFixed(1)} MB; rows of official metadata are read up to ${MAX_TEXT_BYTES / 1048576} MB`)] };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const records: OfficialRecord[] = [];
  const problems: LineProblem[] = [];
  const bySymbol = new Map<string, OfficialRecord>();
  let rows = 0;
  const lines = decoded.text.replace(/^\uFEFF/, "").split("\n");
  lines.forEach((text, i) => {
    const line = i + 1;
    if (!text.trim()) return;
    const row = readRow(text, line, problems);
    if (!row) return;
    rows++;
    // A symbol described again is an update (the corpus's 79.json adds the additional sponsors
    // of 30 resolutions so): what the later row gives replaces, what it leaves empty stays.
    const earlier = bySymbol.get(row.symbol);
    if (earlier) {
      earlier.facts = { ...earlier.facts, ...row.facts };
      earlier.line = line;
    } else {
      bySymbol.set(row.symbol, row);
      records.push(row);
    }
  });
  if (!records.length) {
    const first = problems[0];
    const why = first ? `: line ${first.line}: ${first.message}` : ": the file holds no row";
    return { ok: false, problems: [problem("no-official-rows", `no line is a row of official metadata${why}`)] };
  }
  return { ok: true, records, rows, problems };
}

type Row = Record<string, unknown>;

function readRow(text: string, line: number, problems: LineProblem[]): OfficialRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    problems.push({ line, message: `the JSON is malformed: ${e instanceof Error ? e.message : String(e)}` });
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    problems.push({ line, message: "the line is not a JSON object" });
    return null;
  }
  const row = value as Row;
  const fields = new Fields(row, line, problems);
  const symbol = fields.text("symbol");
  if (!symbol) {
    problems.push({ line, message: "the row names no symbol" });
    return null;
  }
  const facts: OfficialFacts = {};
  const set = <K extends keyof OfficialFacts>(key: K, value: OfficialFacts[K] | null | undefined) => {
    if (value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) facts[key] = value;
  };
  set("title", fields.text("title"));
  set("adoptionDate", adoptionDate(fields.text("adoption_date")));
  set("session", sessionOf(fields.text("session"), symbol));
  const committee = committeeOf(fields.text("committee"));
  if (committee !== undefined) set("committee", committee);
  const origin = fields.text("originating_document");
  set("originatingDocument", origin);
  set("committeeReport", origin ? (/^[A-Z][^\s,;]*\/[^\s,;]+/.exec(origin)?.[0].replace(/[.)]+$/, "") ?? null) : null);
  set("agendaItem", agendaItemOf(fields.text("agenda_item") ?? ""));
  set("agendaItemTitle", fields.text("agenda_item_name"));
  set("plenaryMeeting", meetingNumber(fields.text("adoption_meeting")));
  set("meetingRecord", meetingRecord(fields.text("pv")));
  set("officialSdgs", [...new Set(fields.list("SDGs").filter((c) => /^\d{1,2}(?:\.[0-9a-z]{1,2})?$/.test(c)))]);
  set("voting", voting(fields));
  set("sponsors", fields.list("sponsors").map(sponsorEntry).filter((s): s is string => s !== null));
  set("additionalSponsors", fields.list("additional_sponsors").map(sponsorEntry).filter((s): s is string => s !== null));
  set("subjects", subjects(row.subjects, line, problems));
  return { symbol: tidySymbol(symbol), line, facts };
}

/** Typed reads of a row's fields; a field of the wrong type is left out, with a problem. */
class Fields {
  constructor(
    private readonly row: Row,
    private readonly line: number,
    private readonly problems: LineProblem[],
  ) {}

  text(key: string): string | null {
    const value = this.row[key];
    if (value === undefined || value === null) return null;
    if (typeof value !== "string") {
      this.problems.push({ line: this.line, message: `${key} is not a string; left out` });
      return null;
    }
    return tidy(value) || null;
  }

  list(key: string): string[] {
    const value = this.row[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      this.problems.push({ line: this.line, message: `${key} is not a list of strings; left out` });
      return [];
    }
    return (value as string[]).map(tidy).filter(Boolean);
  }
}

/** "5 December 2025", "24\u00a0December 2024", "2019-10-10 00:00:00". */
function adoptionDate(text: string | null): string | null {
  if (!text) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[ T]|$)/.exec(text)?.[1];
  return iso && !iso.startsWith("0001") ? iso : findDate(text);
}

/** "Eightieth session" -> 80; else the session of the symbol. */
function sessionOf(text: string | null, symbol: string): number | null {
  const word = /^(.+?)\s+session$/i.exec(text ?? "")?.[1];
  const n = word ? ordinalNumber(word) : undefined;
  return n ?? assemblySession(symbol);
}

const COMMITTEE = /\b(First|Second|Third|Fourth|Fifth|Sixth) ?Committee\b/i;

/**
 * "Fourth Committee" (and "#fifthCommittee", a reference left in a few rows) as the model names
 * Main Committees; null for "Without reference to a Main Committee"; undefined when unknown.
 */
function committeeOf(text: string | null): string | null | undefined {
  if (!text) return undefined;
  if (/without reference/i.test(text)) return null;
  const m = COMMITTEE.exec(text);
  return m ? `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} Committee` : undefined;
}

/** "55th plenary meeting", "48th (resumed) plenary meeting" -> 55, 48. */
function meetingNumber(text: string | null): number | null {
  const m = /^(\d{1,5})(?:st|nd|rd|th)\b/.exec(text ?? "");
  return m ? Number(m[1]) : null;
}

/** A count as the rows print it: "153"; "N.A." and anything else is not a count. */
function count(text: string | null): number | null {
  return text && /^\d{1,4}$/.test(text) ? Number(text) : null;
}

const VOTE_COLUMNS: [MemberVote, string, string][] = [
  ["yes", "MS_in_favour", "MS_in_favour_count"],
  ["no", "MS_against", "MS_against_count"],
  ["abstain", "MS_abstaining", "MS_abstaining_count"],
];

/**
 * The vote: `voting_type` when the row has one, else `adoption_type`; none when neither says
 * (four rows have both empty). Rows adopted without a vote print counts of "0" or "N.A.", which
 * are not counts. In a recorded vote that lists the Member States, a column whose count is not
 * given is as long as its list ("N.A." against, no State listed: none against).
 */
function voting(fields: Fields): Voting | null {
  const outcome = votingOutcome(fields.text("voting_type")) ?? votingOutcome(fields.text("adoption_type"));
  if (!outcome) return null;
  if (outcome === "adoptedWithoutVote") return { outcome, inFavour: null, against: null, abstaining: null };
  const lists = VOTE_COLUMNS.map(([vote, list]) => fields.list(list).map((name) => ({ state: memberStateName(name), vote })));
  const listed = lists.some((l) => l.length > 0);
  const [inFavour, against, abstaining] = VOTE_COLUMNS.map(([, , counted], i) => count(fields.text(counted)) ?? (listed ? lists[i]!.length : null));
  const members = orderedVotes(lists.flat());
  return { outcome, inFavour: inFavour!, against: against!, abstaining: abstaining!, ...(members.length ? { members } : {}) };
}

/** [term, vocabulary] pairs that are subjects (`isSubject`), each once. */
function subjects(value: unknown, line: number, problems: LineProblem[]): Subject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ line, message: "subjects is not a list; left out" });
    return [];
  }
  const found: Subject[] = [];
  const seen = new Set<string>();
  for (const pair of value) {
    if (!Array.isArray(pair) || typeof pair[0] !== "string" || typeof pair[1] !== "string") continue;
    const term = tidy(pair[0]);
    const vocabulary = tidy(pair[1]);
    if (!isSubject(term, vocabulary) || seen.has(`${vocabulary}\u0000${term}`)) continue;
    seen.add(`${vocabulary}\u0000${term}`);
    found.push({ term, vocabulary });
  }
  return found;
}

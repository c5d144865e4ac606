import { sessionOfDate } from "./session.js";

/**
 * When the reports a mandate asks for fall due, and which are overdue. A report due "at its
 * seventy-first session" is overdue once that session has closed: regular session N runs from
 * September of 1945 + N to September of 1946 + N, so on a given day every session before the one
 * sitting is closed. A recurring report (annually, biennially ...) falls due again each period
 * after its first due session; a resolution that recurs hands its later reports to its next
 * version once the registry holds one (that version asks for them anew), so a mandate's
 * occurrences stop at the session its successor was adopted.
 */

/** Sessions between occurrences of a recurring report, by the recurrence enrichment reads. */
export const RECURRENCE_PERIODS: Readonly<Record<string, number>> = { annual: 1, biennial: 2, triennial: 3, quadrennial: 4, "every 5 years": 5 };

/** What of a mandate decides when its reports fall due. */
export interface ReportRequest {
  report: boolean;
  /** Session of the resolution giving the mandate. */
  session: number | null;
  dueSession: number | null;
  recurrence: string | null;
}

/** At most this many occurrences are listed for one mandate (a century of annual reports). */
const MAX_OCCURRENCES = 100;

/** The regular session sitting on an ISO date: sessions before it are closed. */
export function sittingSession(isoDate: string): number {
  const session = sessionOfDate(isoDate);
  if (session === null) throw new Error(`not an ISO date: ${isoDate}`);
  return session;
}

/** Whether session `n` has closed while session `sitting` sits. */
export function sessionClosed(n: number, sitting: number): boolean {
  return n < sitting;
}

/**
 * The first session a mandate's report falls due at, and the sessions between its occurrences
 * when it recurs: its due session, or the first its recurrence gives after the resolution's own;
 * no first session for a mandate asking no report, or naming neither.
 */
function firstDue(m: ReportRequest): { first: number | null; period: number | null } {
  const period = m.recurrence ? (RECURRENCE_PERIODS[m.recurrence] ?? null) : null;
  if (!m.report) return { first: null, period };
  return { first: m.dueSession ?? (period !== null && m.session !== null ? m.session + period : null), period };
}

/**
 * Sessions at which the mandate's report falls due, up to `through` (inclusive) and, when the
 * registry holds a later version of its resolution adopted at session `supersededAt`, up to that
 * session. A report with no due session is due at the first session a recurrence gives after the
 * resolution's own; one with neither is due at no named session.
 */
export function reportDueSessions(m: ReportRequest, through: number, supersededAt: number | null = null): number[] {
  const { first, period } = firstDue(m);
  if (first === null) return [];
  const last = supersededAt !== null ? Math.min(through, Math.max(first, supersededAt)) : through;
  if (period === null) return first <= through ? [first] : [];
  const sessions: number[] = [];
  for (let s = first; s <= last && sessions.length < MAX_OCCURRENCES; s += period) sessions.push(s);
  return sessions;
}

/** The next session a report falls due at after those listed, or null when it does not recur or is superseded. */
export function nextDueSession(m: ReportRequest, sitting: number, supersededAt: number | null = null): number | null {
  const { first, period } = firstDue(m);
  if (first === null) return null;
  if (first >= sitting) return first;
  if (period === null) return null;
  const next = first + Math.ceil((sitting - first) / period) * period;
  return supersededAt !== null && next > supersededAt ? null : next;
}

export type ReportState = "delivered" | "overdue" | "due" | "upcoming";

export interface ReportOccurrence {
  session: number;
  state: ReportState;
  /** The delivered report's symbol. */
  symbol: string | null;
}

/**
 * Each occurrence of a mandate's report through the sitting session, and the next one after it:
 * delivered when a report's symbol was recorded for that session, else overdue once the session
 * has closed, due while it sits, upcoming after.
 */
export function reportOccurrences(m: ReportRequest, sitting: number, delivered: ReadonlyMap<number, string | null>, supersededAt: number | null = null): ReportOccurrence[] {
  const sessions = reportDueSessions(m, sitting, supersededAt);
  const next = nextDueSession(m, sitting + 1, supersededAt);
  if (next !== null && next > sitting && !sessions.includes(next)) sessions.push(next);
  return sessions.map((session) => {
    const symbol = delivered.get(session) ?? null;
    const state: ReportState = symbol ? "delivered" : sessionClosed(session, sitting) ? "overdue" : session === sitting ? "due" : "upcoming";
    return { session, state, symbol };
  });
}

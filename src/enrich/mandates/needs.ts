/**
 * Which readers an action needs, from one scan for their clue words: an action without
 * "session", "within" or a year has no deadline to read, one without "report", "inform" ... asks
 * for no report, and so on. Most actions need few readers.
 */
const CLUES =
  /report|note|inform|brief|apprise|notify|nnual|year|ennial|period|regular|stud|analys|survey|assessment|update|compilation|proposal|recommendations|plan|strategy|framework|guidelines|summary|overview|map|toolkit|handbook|database|programme of work|until|review|session|within|month|week|day|hour|every|quarter|trimest|expir|end of|\d+/g;
export const NEEDS_REPORT = 1;
export const NEEDS_RECURRENCE = 2;
export const NEEDS_DELIVERABLE = 4;
export const NEEDS_END = 8;
export const NEEDS_DEADLINE = 16;

function clueNeeds(w: string): number {
  if (w === "report" || w === "note") return NEEDS_REPORT | NEEDS_DELIVERABLE;
  if (/^(inform|brief|apprise|notify)$/.test(w)) return NEEDS_REPORT;
  // dates and periods: "for a period of six months", "within 90 days", "every three months", "at the end of this period"
  if (w === "period") return NEEDS_RECURRENCE | NEEDS_END | NEEDS_DEADLINE;
  if (/^(month|week|day|hour|every|quarter|trimest)$/.test(w)) return NEEDS_RECURRENCE | NEEDS_DEADLINE;
  if (w === "expir" || w === "end of") return NEEDS_DEADLINE;
  if (w === "year") return NEEDS_RECURRENCE | NEEDS_DEADLINE;
  if (/^(nnual|ennial|regular)$/.test(w)) return NEEDS_RECURRENCE;
  if (w === "until") return NEEDS_END | NEEDS_DEADLINE;
  if (w === "review") return NEEDS_END;
  if (w === "session" || w === "within") return NEEDS_DEADLINE;
  if (/^\d/.test(w)) return NEEDS_DEADLINE | NEEDS_END;
  return NEEDS_DELIVERABLE;
}

export function needsOf(action: string): number {
  let needs = 0;
  CLUES.lastIndex = 0;
  for (let m = CLUES.exec(action); m && needs !== 31; m = CLUES.exec(action)) needs |= clueNeeds(m[0]);
  return needs;
}

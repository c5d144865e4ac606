const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
  "october", "november", "december"];

export const DATE_PATTERN =
  "(\\d{1,2})[\\s\\u00a0]+(January|February|March|April|May|June|July|August|September|October|November|December)[\\s\\u00a0]+(\\d{4})";

/** "19 December 2008" -> "2008-12-19"; null when the words are not a date. */
export function isoDate(day: string | number, month: string, year: string | number): string | null {
  const m = MONTHS.indexOf(month.toLowerCase());
  const d = Number(day);
  const y = Number(year);
  if (m < 0 || !(d >= 1 && d <= 31) || !(y >= 1900 && y <= 2200)) return null;
  return `${y}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The first "D Month YYYY" in a string, as an ISO date. */
export function findDate(text: string): string | null {
  const m = new RegExp(DATE_PATTERN, "i").exec(text);
  return m ? isoDate(m[1]!, m[2]!, m[3]!) : null;
}

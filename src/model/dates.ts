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

export type PeriodUnit = "days" | "weeks" | "months" | "years";

/** The ISO 8601 duration of a period: (3, "years") -> "P3Y", (90, "days") -> "P90D", (2, "weeks") -> "P2W". */
export function isoDuration(amount: number, unit: PeriodUnit): string {
  return `P${amount}${{ days: "D", weeks: "W", months: "M", years: "Y" }[unit]}`;
}

/**
 * An ISO date moved forward by a period, by the calendar: months and years keep the day of the
 * month, or the month's last day when it has fewer ("2023-08-31" + 6 months = "2024-02-29").
 */
export function addPeriod(iso: string, amount: number, unit: PeriodUnit): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !Number.isInteger(amount) || amount < 0 || amount > 100_000) return null;
  let [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (unit === "days" || unit === "weeks") {
    const t = new Date(Date.UTC(y, mo - 1, d + amount * (unit === "weeks" ? 7 : 1)));
    return t.toISOString().slice(0, 10);
  }
  const months = (mo - 1) + amount * (unit === "years" ? 12 : 1);
  y += Math.floor(months / 12);
  mo = (months % 12) + 1;
  d = Math.min(d, daysInMonth(y, mo));
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "31 August" without a year, as the first such day on or after `from` (an ISO date); null when not a date. */
export function nextDayOfYear(day: string | number, month: string, from: string): string | null {
  const year = Number(from.slice(0, 4));
  const same = isoDate(day, month, year);
  if (!same) return null;
  return same >= from ? same : isoDate(day, month, year + 1);
}

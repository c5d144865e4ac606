/**
 * General Assembly sessions: ordinal words ("sixty-fifth") to numbers and numbers to the years a
 * regular session spans. The n-th regular session opens in September of 1945 + n.
 */

const UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
const TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
  "seventeenth", "eighteenth", "nineteenth"];
const TENS_ORDINAL = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
  "eightieth", "ninetieth"];
const TENS_CARDINAL = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const ORDINALS = new Map<string, number>();
for (let n = 1; n < 100; n++) ORDINALS.set(ordinalWord(n), n);
ORDINALS.set("hundredth", 100);

export function ordinalWord(n: number): string {
  if (n < 10) return UNITS[n]!;
  if (n < 20) return TEENS[n - 10]!;
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  return unit === 0 ? TENS_ORDINAL[tens]! : `${TENS_CARDINAL[tens]}-${UNITS[unit]}`;
}

/** "sixty-fifth" (any case, hyphen or space) -> 65; undefined when not an ordinal word. */
export function ordinalNumber(word: string): number | undefined {
  return ORDINALS.get(word.toLowerCase().replace(/[\s\u2010-\u2015]+/g, "-"));
}

/** Regular expression source matching an ordinal word up to ninety-ninth. */
export const ORDINAL_WORD_PATTERN =
  "(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\\u2010-\\u2015 ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth)";

/** Calendar years spanned by regular session n: 63 -> [2008, 2009]. */
export function sessionYears(session: number): [number, number] {
  return [1945 + session, 1946 + session];
}

/** The regular session sitting on an ISO date (sessions open in mid-September). */
export function sessionOfDate(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})/.exec(isoDate);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year - 1945 - (month < 9 ? 1 : 0);
}

/**
 * Text normal forms shared by the comparison modules. Paragraph texts come from different
 * renderings (ODS exports, XML, PDF text layers), so comparisons ignore Unicode compatibility
 * forms, curly quotes, dash variants and runs of white space.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const CURLY_SINGLE = /[\u2018\u2019\u201a\u201b\u2032]/g;
const CURLY_DOUBLE = /[\u201c\u201d\u201e\u201f\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /\s+/gu;

/**
 * Characters outside ASCII, Latin-1 letters, no-break space, and the quotes and dashes the
 * replacements below handle: only texts holding one can change under NFKC.
 */
const MAY_DECOMPOSE = /[^\u0000-\u00a0\u00c0-\u017e\u2010-\u2015\u2018-\u201f\u2032\u2033\u2212]/;

/** NFKC only where it can change something: normalising is the costliest step of comparing texts. */
function compatible(text: string): string {
  return MAY_DECOMPOSE.test(text) ? text.normalize("NFKC") : text;
}

/** The text as compared for equality: two paragraphs are unchanged when these agree. */
export function normaliseText(text: string): string {
  return compatible(text)
    .replace(CURLY_SINGLE, "'")
    .replace(CURLY_DOUBLE, '"')
    .replace(DASHES, "-")
    .replace(SPACES, " ")
    .trim();
}

/** Lower-case word tokens (runs of letters and digits): "sixty-fifth" gives "sixty", "fifth". */
export function words(text: string): string[] {
  return compatible(text).toLowerCase().match(WORD) ?? [];
}

const ORDINAL_UNITS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth";
const ORDINAL_TENS = "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth";
const TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const TEENS = "tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";
const SESSION_WORD = new RegExp(`^(?:${ORDINAL_UNITS}|${ORDINAL_TENS}|${TENS}|${TEENS})$`);
const NUMBER = /^\d+$/;

/**
 * Words with the parts that change on every renewal blanked out: numbers (years, session and
 * resolution numbers) and ordinal words ("seventy-first session") become "#", so "submit a
 * report at its sixty-fifth session" and "... at its seventy-first session" read the same.
 * Runs of "#" collapse into one.
 */
export function renewalWords(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const blank = NUMBER.test(w) || SESSION_WORD.test(w);
    if (blank && out[out.length - 1] === "#") continue;
    out.push(blank ? "#" : w);
  }
  return out;
}

/** Line patterns that more than one stage of the parser recognises. */

/**
 * The formula on a line of its own: "The General Assembly,". White space, then punctuation and
 * white space: "\s*[,.:]?\s*$" backtracked over a long run of spaces, in the square of its length.
 */
export const FORMULA = /^["\u201c]?The (General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference)\s*(?:[,.:]\s*)?$/i;
/** The formula opening the first paragraph: "The General Assembly, Recalling ...". */
export const FORMULA_INLINE = /^["\u201c]?The (General Assembly|Security Council|Economic and Social Council|Human Rights Council)\s*,\s+/i;
/** A numbered operative paragraph: "12. ", or, in the Council's press releases, which quote the text, "\u201c12. ". */
export const OPERATIVE = /^["\u201c]?(\d{1,3})\.[\t \u00a0]+/;
/** A four-digit number opens an operative paragraph only in turn (1000 after 999): a year can open a line too. */
export const LATE_OPERATIVE = /^["\u201c]?(\d{4})\.[\t \u00a0]+/;
/** A part letter alone, possibly with a call-out: "B", "A1". */
export const PART_LINE = /^([A-Z])(\d{0,2})$/;
export const TERMINAL_PUNCTUATION = /[,;:.]["\u201d\u2019]?$/;

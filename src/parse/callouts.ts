import type { FootnoteRef } from "../model/types.js";

/**
 * Footnote call-outs in text exports are bare digits glued to the word or punctuation they
 * follow ("Outcome4 and", "Declaration,1 the", "74/91;2"). They are told apart from other
 * numbers by their order: footnotes are numbered 1..N through the document.
 *
 * Pass 1 walks the blocks in order looking only for the next expected number (or one of the
 * two after it, when call-outs were lost) with strict rules. Pass 2 looks for each number pass 1
 * missed between the call-outs of its neighbours, with looser rules: first glued to the next
 * word too ("Agreement2and") or to a roman numeral ("Protocol I4 to"), then, as a last resort,
 * glued to a resolution number ("resolution 59/3008 and" is 59/300 with call-out 8).
 */

export interface Callout {
  /** Offset in the block's text. */
  at: number;
  number: number;
}

const GLUE_BEFORE = /[A-Za-z\u00C0-\u024F)\]"'\u201d\u2019,.;:\u2014\u2013\u00bb]/;
const ABBREVIATION_BEFORE = /(?:^|[^A-Za-z])(?:Add|Corr|Rev|No|Nos|vol|para|paras|art|chap|sect|Sales No|Suppl)\.$/;

// Character tests by code for the first checks: most digits in a text fail them, and a regular
// expression per character costs more than the rest of the search.
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isSpaceCode = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
/** What may follow a call-out: white space, closing punctuation, direction marks. */
const isAfterOkCode = (c: number) => isSpaceCode(c) || c === 44 || c === 46 || c === 59 || c === 58 || c === 41 || c === 93 || c === 0x200e || c === 0x200f;

function strictCallout(text: string, at: number, digits: string): boolean {
  if (at === 0) return false;
  const afterCode = text.charCodeAt(at + digits.length);
  if (!Number.isNaN(afterCode) && !isAfterOkCode(afterCode)) return false;
  if (isDigitCode(text.charCodeAt(at - 1))) return gluedToYear(text, at);
  const before = text[at - 1]!;
  const after = text[at + digits.length];
  if (!GLUE_BEFORE.test(before)) return false;
  if (before === "." && ABBREVIATION_BEFORE.test(text.slice(Math.max(0, at - 12), at))) return false;
  if (/[.,]/.test(before) && at >= 2 && /\d/.test(text[at - 2]!)) {
    // "for 2020,1 the" is a call-out, "1,500" a number, "1.25 dollars" a decimal, "in 2019.8" a call-out
    if (before === "," && digits.length < 3) return true;
    return before === "." && gluedToYear(text, at - 1) && /^(?:\s+[A-Z\u201c"]|\s*$)/.test(text.slice(at + digits.length, at + digits.length + 3));
  }
  // "decision 1/CP.21", "C-16/DEC.11", "Add.1": digits after a dot glued to a short code
  if (before === "." && /(?:^|[\s/(])[A-Za-z]{1,4}\.$/.test(text.slice(Math.max(0, at - 6), at)) && /[A-Z/]/.test(text.slice(Math.max(0, at - 6), at - 1))) return false;
  if (/[.,]/.test(before) && at >= 2 && text[at - 2] === "/") return false;
  if (after === "." && /\d/.test(text[at + digits.length + 1] ?? "")) return false;
  // codes of one or two capitals keep their digits ("G20", "CO2", "H5N1"); acronyms of three
  // or more take call-outs ("INTERPOL1 and")
  if (/[A-Z]/.test(before)) {
    let run = 0;
    for (let i = at - 1; i >= 0 && /[A-Z0-9]/.test(text[i]!); i--) run++;
    if (run <= 2 || /\d/.test(text.slice(at - run, at))) return false;
  }
  return true;
}

/** "12 August 19492 and": a call-out glued to a year (four digits, 1900-2099). */
function gluedToYear(text: string, at: number): boolean {
  if (at < 4) return false;
  const fifth = text.charCodeAt(at - 5);
  if (isDigitCode(fifth) || fifth === 47) return false;
  const year = Number(text.slice(at - 4, at));
  return year >= 1900 && year <= 2099;
}

/** Pass 2: glued to the end of a word or punctuation, whatever follows ("Agreement2and"). */
function gluedToWord(text: string, at: number, digits: string): boolean {
  if (at === 0) return false;
  const after = text[at + digits.length];
  if (after !== undefined && /\d/.test(after)) return false;
  const before = text.slice(Math.max(0, at - 5), at);
  return (
    (GLUE_BEFORE.test(text[at - 1]!) && !/[A-Z]/.test(text[at - 1]!)) ||
    /[a-z][A-Z]{2,}$/.test(before) ||
    /\b[IVX]{1,4}$/.test(before) ||
    // the part letter of a resolution in parts, alone on its line: "B1"
    /^[A-Z]$/.test(text.slice(0, at))
  );
}

/** Pass 2, last resort: glued to a resolution number ("59/300" + "8"). */
function gluedToSymbolNumber(text: string, at: number, digits: string): boolean {
  const after = text.charCodeAt(at + digits.length);
  if (!Number.isNaN(after) && !isAfterOkCode(after)) return false;
  // "resolution 61/29 of 4 December 2006": a symbol followed by its date carries no call-out
  if (/^ of \d/.test(text.slice(at + digits.length, at + digits.length + 5))) return false;
  const before = text.slice(Math.max(0, at - 10), at);
  return /[\dIVXL]\/\d{1,4}$/.test(before) || /[A-Z]{2,}-\d{1,2}$/.test(before);
}

/** Call-outs pass 1 may find no trace of in a row before it finds the next one. */
const MAX_LOST_IN_A_ROW = 2;

function find(text: string, from: number, to: number, n: number, accept: typeof strictCallout): number {
  const digits = String(n);
  for (let at = text.indexOf(digits, from); at !== -1 && at < to; at = text.indexOf(digits, at + 1)) {
    if (isDigitCode(text.charCodeAt(at - 1)) && accept !== gluedToSymbolNumber && !gluedToYear(text, at)) continue;
    if (accept(text, at, digits)) return at;
  }
  return -1;
}

/**
 * Locates the call-outs of footnotes first..last in `texts` (blocks in document order).
 * Numbering usually starts at 1, but a document whose first note sits on an omitted cover
 * starts later.
 */
export function locateCallouts(texts: string[], first: number, last: number): Callout[][] {
  const found: Callout[][] = texts.map(() => []);
  const where = new Map<number, { block: number; at: number }>();
  const count = last;
  if (last < first) return found;
  let next = first;
  for (let b = 0; b < texts.length && next <= count; b++) {
    const text = texts[b]!;
    let from = 0;
    while (next <= count) {
      // the expected number, or one a little further when call-outs were lost (glued to a
      // resolution number, "5/13 and 5/64": pass 2 looks for those)
      let at = -1;
      let number = next;
      for (; at === -1 && number <= Math.min(count, next + MAX_LOST_IN_A_ROW); number++) at = find(text, from, text.length, number, strictCallout);
      number--;
      if (at === -1) break;
      found[b]!.push({ at, number });
      where.set(number, { block: b, at });
      from = at + String(number).length;
      next = number + 1;
    }
  }
  // pass 2: numbers missed, searched between their neighbours' call-outs. Numbers missed in a
  // row search the same stretch of text each: past this many characters searched (the corpus
  // searches at most 6 times its length) the rest stay missed, and are reported uncalled,
  // rather than a text of hundreds of notes and no call-outs being read hundreds of times.
  let budget = 16 * texts.reduce((n, t) => n + t.length, 0) + 100_000;
  for (let n = first; n <= count && budget > 0; n++) {
    if (where.has(n)) continue;
    let prev: { block: number; at: number; length: number } = { block: 0, at: 0, length: 0 };
    for (let m = n - 1; m >= first; m--) {
      const w = where.get(m);
      if (w) {
        prev = { ...w, length: String(m).length };
        break;
      }
    }
    let nextAt: { block: number; at: number } | undefined;
    for (let m = n + 1; m <= count && !nextAt; m++) nextAt = where.get(m);
    const end = nextAt ?? { block: texts.length - 1, at: texts.at(-1)?.length ?? 0 };
    search: for (const accept of [gluedToWord, gluedToSymbolNumber]) {
      for (let b = prev.block; b <= end.block; b++) {
        const text = texts[b]!;
        const from = b === prev.block ? prev.at + prev.length : 0;
        const to = b === end.block ? end.at : text.length;
        const at = find(text, from, to, n, accept);
        budget -= Math.max(0, (at === -1 ? to : at) - from);
        if (at !== -1) {
          found[b]!.push({ at, number: n });
          where.set(n, { block: b, at });
          break search;
        }
      }
    }
  }
  findRepeatedCallouts(texts, found);
  for (const list of found) list.sort((a, b) => a.at - b.at);
  return found;
}

/**
 * Pass 3: a note can be called again where the same thing is named again ("Lima Declaration:
 * towards inclusive and sustainable industrial development,3" in the preamble and "...;3" in
 * an operative paragraph). A repeat counts only after the same 24 characters of text.
 */
function findRepeatedCallouts(texts: string[], found: Callout[][]): void {
  // the first call-outs worth repeating, with the text before them
  const firsts: { block: number; at: number; number: number; context: string }[] = [];
  for (let block = 0; block < found.length; block++) {
    for (const c of found[block]!) {
      const context = contextBefore(texts[block]!, c.at);
      if (context.length >= 20 && !/\d$/.test(context)) firsts.push({ block, at: c.at, number: c.number, context });
    }
  }
  if (firsts.length === 0) return;
  // number -> the first call-outs of that number; a glued number is compared with their texts
  // in place (building a key string per number read cost more than the scan)
  const byNumber = new Map<number, typeof firsts>();
  for (const first of firsts) {
    const list = byNumber.get(first.number);
    if (list) list.push(first);
    else byNumber.set(first.number, [first]);
  }
  for (let block = firsts[0]!.block; block < texts.length; block++) {
    const text = texts[block]!;
    // offsets of the block's call-outs, made when a repeat is first checked: a search of the
    // block's list per repeat grew with the square of the repeats
    let taken: Set<number> | null = null;
    scanGluedNumbers(text, byNumber, (at, value) => {
      const end = PUNCTUATION_BEFORE.test(text[at - 1]!) ? at - 1 : at;
      for (const first of byNumber.get(value)!) {
        const later = block > first.block || (block === first.block && at > first.at);
        // the same characters before it, as many (fewer than 24 only at the start of a block)
        if (!later || end < first.context.length || (first.context.length < CONTEXT_LENGTH && end !== first.context.length)) continue;
        if (!text.startsWith(first.context, end - first.context.length)) continue;
        taken ??= new Set(found[block]!.map((x) => x.at));
        if (taken.has(at) || !strictCallout(text, at, String(value))) continue;
        found[block]!.push({ at, number: value });
        taken.add(at);
      }
    });
  }
}

const CONTEXT_LENGTH = 24;
const PUNCTUATION_BEFORE = /[,;.:]/;

/**
 * Calls `onRun` for each run of one to three digits in `text` that is glued to the text before
 * it (not after white space), has no leading zero and whose value is in `numbers`, with its
 * offset and value. One native scan (test() spares a match array per run); the digits are read
 * back by character code, and most runs are dismissed here without a call.
 */
function scanGluedNumbers(text: string, numbers: ReadonlyMap<number, unknown>, onRun: (at: number, value: number) => void): void {
  const DIGIT_RUN = /\d+/g;
  while (DIGIT_RUN.test(text)) {
    const end = DIGIT_RUN.lastIndex;
    let at = end;
    let value = 0;
    for (let scale = 1; at > 0 && isDigitCode(text.charCodeAt(at - 1)); scale *= 10) value += (text.charCodeAt(--at) - 48) * scale;
    if (end - at > 3 || at === 0 || text.charCodeAt(at) === 48 || !numbers.has(value) || isSpaceCode(text.charCodeAt(at - 1))) continue;
    onRun(at, value);
  }
}

/** The 24 characters before a call-out, less the punctuation it is glued to. */
function contextBefore(text: string, at: number): string {
  const end = PUNCTUATION_BEFORE.test(text[at - 1] ?? "") ? at - 1 : at;
  return text.slice(Math.max(0, end - CONTEXT_LENGTH), end);
}

/** Removes call-outs from the slice `[from, text.length)` of a block. */
export function removeCallouts(text: string, callouts: Callout[], from = 0): { text: string; refs: FootnoteRef[] } {
  const refs: FootnoteRef[] = [];
  let out = "";
  let cursor = from;
  for (const c of callouts) {
    if (c.at < from) continue;
    out += text.slice(cursor, c.at);
    refs.push({ number: c.number, offset: out.length });
    cursor = c.at + String(c.number).length;
  }
  out += text.slice(cursor);
  return { text: out, refs };
}

import { DATE_PATTERN } from "../../model/dates.js";
import type { LoadedPdf } from "./load.js";
import { bodySize, type CalloutMark, LABEL, type Line, MARK_CONTEXT, pageLines } from "./lines.js";
import { Words } from "./words.js";

/**
 * Printed lines to the plain-text layout of the UN's ODS exports, which the text parser reads:
 *
 *   heading lines            "Resolution adopted by ...", "[on the report of ...]", "73/7.\tTitle"
 *   "\tThe General Assembly,"
 *   "\tParagraph"            one paragraph per line (a blank line between paragraphs)
 *   "\tN.\tParagraph", "\t(a)\tSub-paragraph"
 *   "Nth plenary meeting", date
 *   "N footnote"             footnotes in order, gathered from the page bottoms
 *   ODS cover block          job number, symbol, distribution date, session, agenda item
 *
 * Page furniture is dropped by position and shape: the running header above the first line of
 * body text, the footer lines (symbol, "2/5", job number, barcode, "Please recycle") and the
 * masthead of the first page, whose facts are read first and passed on in the cover block.
 */

export interface CoverFacts {
  symbol?: string;
  distribution?: string;
  session?: string;
  agenda?: string;
  jobNumber?: string;
}

export interface Layout {
  text: string;
  cover: CoverFacts;
  paragraphs: number;
  footnotes: number;
  /** Characters of text outside the page furniture and the masthead. */
  chars: number;
  /** Remarks on what could not be laid out as expected. */
  notes: string[];
  /** The call-outs of the text, in order (none when footnotes are left out). */
  callouts: CalloutMark[];
}

// --- shapes of lines --------------------------------------------------------------------------

// "A/RES/73/7", "A/RES/75/245 B", "S/RES/2420 (2018)"
const SYMBOL = /\b((?:[A-Z]{1,6}\/)+(?:RES\/)?[A-Za-z0-9.()\-]+(?:\/[A-Za-z0-9.()\-]+)*(?: [A-Z](?:-[A-Z])?(?![\w/])| \(\d{4}\))?)/;
const PAGE_NUMBER = /\b\d{1,4} ?\/ ?\d{1,4}\b/g;
const JOB = /\b(\d{2})-(\d{5})(?: ?\(([A-Z])\))?/;
const JOBS = /\b\d{2}-\d{5}(?: ?\([A-Z]\))?/g;
const BARCODE = /\*\d{5,10}\*/g;
const STAMP = /\b\d{6}\b/g;
const RECYCLE = /\bPlease recycle\b/i;
const SEPARATOR = /^[_\u2014\u2013\u2012-]{8,}$/;
// labels are followed by a tab; a label set over its text in a wide font comes glued to it
const LABEL_END = "(?:\\s+|(?=[A-Z\\u201c\\u2018\"]))";
const OPERATIVE_MARK = new RegExp(`^(\\d{1,3})\\.${LABEL_END}`);
const SUB_MARK = new RegExp(`^\\(([a-z]{1,3}|[ivxlc]{1,7}|\\d{1,2})\\)${LABEL_END}`);
const CONTENT_START = new RegExp(
  [
    "^Resolutions? adopted by",
    "^Adopted (?:unanimously )?(?:without a vote )?by the",
    "^Resolution \\d{1,5} \\(\\d{4}\\)",
    "^\\[\\s*(?:on the (?:report|recommendation)|without reference)",
    "^\\d{1,3}\\/\\d{1,4}(?: ?[A-Z](?:-[A-Z])?)?\\.\\s",
    "^The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)\\b",
  ].join("|"),
  "i",
);
const MASTHEAD = new RegExp(
  [
    "^United Nations\\b",
    "^(?:General Assembly|Security Council|Economic and Social Council)\\b",
    "^Distr\\.",
    `^${DATE_PATTERN}$`,
    "^Original:",
    "session$",
    "^Agenda items?\\b",
    "^\\*",
  ].join("|"),
  "i",
);
const FORMULA = /^The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference)\b/;
const MEETING = /^\d{1,5}(?:st|nd|rd|th)(?: \(resumed\))? (?:plenary )?meeting$/i;
const DATE_ONLY = new RegExp(`^${DATE_PATTERN}$`, "i");

/** Whether a line holds nothing but page furniture: symbol, page number, job number, barcode. */
function isFurniture(text: string, symbol: string | undefined): boolean {
  if (RECYCLE.test(text) && text.length < 40) return true;
  let t = text;
  if (symbol) t = t.split(symbol).join(" ");
  t = t.replace(JOBS, " ").replace(BARCODE, " ").replace(PAGE_NUMBER, " ").replace(STAMP, " ");
  if (!symbol) t = t.replace(new RegExp(SYMBOL.source, "g"), " ");
  // what may be left: a page number, the asterisk of a reissued document's symbol
  return /^(?:\d{1,4}|\**)$/.test(t.replace(/\s+/g, ""));
}

// --- zones ------------------------------------------------------------------------------------

interface Zoned {
  masthead: Line[];
  body: Line[];
  footnotes: Line[];
  cover: CoverFacts;
}

function mastheadFacts(lines: Line[], jobLine: string | undefined, language: string | undefined): CoverFacts {
  const facts: CoverFacts = {};
  const text = lines.map((l) => l.text).join("\n");
  const symbol = SYMBOL.exec(text)?.[1];
  if (symbol) facts.symbol = symbol;
  // the date under "Distr.: General", though another column may share its line
  const distr = new RegExp(`Distr\\.:?\\s*(General|Limited|Restricted)\\b[\\s\\S]{0,120}?${DATE_PATTERN}`, "i").exec(text);
  if (distr) facts.distribution = `Distr.: ${distr[1]}\n${distr[2]} ${distr[3]} ${distr[4]}`;
  const session = /\b([A-Z][a-z]+(?:-[a-z]+)? (?:(?:regular|special|emergency special) )?session)\b/.exec(text);
  if (session) facts.session = session[1]!;
  const agendaAt = lines.findIndex((l) => /^Agenda items?\b/i.test(l.text));
  if (agendaAt !== -1) {
    let agenda = lines[agendaAt]!.text;
    // "Agenda items 14, 15 and\n117": a wrapped list
    for (let i = agendaAt + 1; i < lines.length && /^(?:\d|and\b|\()/.test(lines[i]!.text); i++) agenda += " " + lines[i]!.text;
    facts.agenda = agenda.replace(/\s+/g, " ").trim();
  }
  const job = jobLine ? JOB.exec(jobLine) : null;
  if (job) {
    const letter = job[3] ?? LANGUAGE_LETTER[language ?? "en"] ?? "E";
    // ODS job numbers carry the duty station that issued the document: New York ("N") for the
    // General Assembly and the Security Council, Geneva ("G") for the Human Rights Council.
    const station = facts.symbol && /^A\/HRC\//.test(facts.symbol) ? "G" : "N";
    facts.jobNumber = `${station}${job[1]}${job[2]}${letter}`;
  }
  return facts;
}

const LANGUAGE_LETTER: Record<string, string> = { en: "E", fr: "F", es: "S", ru: "R", ar: "A", zh: "C" };

function zone(pdf: LoadedPdf, language: string | undefined): Zoned & { size: number; notes: string[] } {
  const notes: string[] = [];
  const pages = pdf.pages.map((p) => pageLines(p));
  const size = bodySize(pages.flat());
  const isBody = (l: Line) => l.size >= 0.92 * size;

  // page 1: the masthead runs down to the first line of the resolution's own heading
  const first = pages[0] ?? [];
  let contentAt = first.findIndex((l) => CONTENT_START.test(l.text));
  if (contentAt === -1) {
    contentAt = 0;
    while (contentAt < first.length && (MASTHEAD.test(first[contentAt]!.text) || SYMBOL.test(first[contentAt]!.text) && first[contentAt]!.text.length < 60)) contentAt++;
  }
  const masthead = first.slice(0, contentAt);
  // the job number stands in the first page's footer ("18-18142 (E) 021118"), else in any footer
  const allLines = pages.flat();
  const jobLine =
    first.find((l) => JOB.test(l.text) && /\([A-Z]\)/.test(l.text) && isFurniture(l.text, undefined))?.text ??
    allLines.find((l) => JOB.test(l.text) && isFurniture(l.text, undefined))?.text;
  const cover = mastheadFacts(masthead, jobLine, language);
  const symbol = cover.symbol ?? mostCommonEdgeSymbol(pages);

  // the top of the text block of pages after the first: running headers stand above it
  const tops = pages.slice(1).map((lines) => Math.max(...lines.filter((l) => isBody(l) && !isFurniture(l.text, symbol)).map((l) => l.y)));
  const textTop = median(tops.filter(Number.isFinite));

  const body: Line[] = [];
  const footnotes: Line[] = [];
  pages.forEach((lines, index) => {
    let top = index === 0 ? contentAt : 0;
    let bottom = lines.length;
    // footer: furniture lines at the bottom of the page
    while (bottom > top && isFurniture(lines[bottom - 1]!.text, symbol)) bottom--;
    if (index > 0) {
      // running header: furniture, and smaller text above the top of the text block
      while (
        top < bottom &&
        (isFurniture(lines[top]!.text, symbol) || (!isBody(lines[top]!) && textTop !== undefined && lines[top]!.y > textTop + 0.3 * size))
      ) top++;
    }
    const kept = lines.slice(top, bottom);
    // footnotes: below the separator, or a run of smaller lines at the bottom that opens with a number
    let split = kept.length;
    // (a rule in the text itself is followed by text of the body's size, not by notes)
    let separator = kept.findLastIndex((l) => SEPARATOR.test(l.text) && !l.lead);
    if (separator !== -1) {
      const below = kept.slice(separator + 1);
      if (below.filter((l) => isBody(l)).length * 2 > below.length) separator = -1;
    }
    if (separator !== -1) split = separator;
    else {
      let i = kept.length;
      while (i > 0 && !isBody(kept[i - 1]!)) i--;
      const opener = kept.slice(i).findIndex((l) => l.lead !== undefined && /^\d{1,3}$/.test(l.lead));
      if (i < kept.length && opener === 0) split = i;
    }
    body.push(...kept.slice(0, split));
    footnotes.push(...kept.slice(separator !== -1 ? split + 1 : split));
  });
  if (!masthead.length) notes.push("no masthead was found on the first page");
  return { masthead, body, footnotes, cover, size, notes };
}

function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The symbol printed in most page headers and footers, for documents without a masthead. */
function mostCommonEdgeSymbol(pages: Line[][]): string | undefined {
  const votes = new Map<string, number>();
  for (const lines of pages) {
    for (const l of [...lines.slice(0, 2), ...lines.slice(-3)]) {
      const m = SYMBOL.exec(l.text);
      if (m && l.text.length < 80) votes.set(m[1]!, (votes.get(m[1]!) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let n = 1;
  for (const [s, v] of votes) if (v > n) [best, n] = [s, v];
  return best;
}

// --- paragraphs -------------------------------------------------------------------------------

interface Paragraph {
  lines: Line[];
  text: string;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor(q * s.length)))] ?? 0;
}

/** The left edge of the text: the leftmost position that many body lines start at. */
function leftMargin(lines: Line[], size: number): number {
  const counts = new Map<number, number>();
  const body = lines.filter((l) => Math.abs(l.size - size) < 0.5);
  for (const l of body) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  const common = [...counts].filter(([, n]) => n >= Math.max(2, body.length * 0.15)).map(([x]) => x);
  return common.length ? Math.min(...common) : quantile(body.map((l) => l.x0), 0.1);
}

/** The usual distance between the baselines of two lines of one paragraph. */
function leading(lines: Line[], size: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && Math.abs(a.size - size) < 0.5 && Math.abs(b.size - size) < 0.5 && a.y > b.y) gaps.push(a.y - b.y);
  }
  return gaps.length ? quantile(gaps, 0.3) : size * 1.2;
}

const TERMINAL = /[.;:,]["\u201d\u2019)]*$/;

interface ParagraphOptions {
  /** Leave call-outs out of the text (when the footnotes cannot be placed). */
  plain: boolean;
}

/**
 * Lines to paragraphs. A line continues the paragraph before it when it follows at the usual
 * distance (on the same page, or at the top of the next one) and starts where that paragraph's
 * continuation lines start: at the left margin, at the text after an opening label (hanging
 * indents), or where its second line started. A line set lower than usual, indented (first-line
 * indents, right-aligned closing lines), in another font size, or opening with a paragraph label
 * after a line that ended a sentence starts a new paragraph.
 */
function paragraphs(lines: Line[], size: number, words: Words, options: ParagraphOptions): Paragraph[] {
  const margin = leftMargin(lines, size);
  const lead = leading(lines, size);
  const right = quantile(lines.filter((l) => Math.abs(l.size - size) < 0.5).map((l) => l.x1), 0.9);
  const center = (margin + right) / 2;
  const mid = (l: Line) => (l.x0 + l.x1) / 2;
  // a centred line: as far in from the right edge of the text as from the left one
  const centred = (l: Line) => l.x0 > margin + 0.1 * l.size && Math.abs(l.x0 - margin - (right - l.x1)) < l.size;
  // the lines of a centred heading: centred on the same middle; a section number ("IV") or a
  // part letter ("B") stands on its own line, and a labelled line opens a paragraph
  const centredPair = (prev: Line, l: Line) =>
    centred(prev) &&
    centred(l) &&
    Math.abs(mid(prev) - mid(l)) <= l.size &&
    !LABEL.test(l.plain) &&
    !/^(?:[IVXLC]{1,7}|[A-Z])\.?$/.test(prev.plain);
  const out: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length) out.push({ lines: current, text: "" });
    current = [];
  };
  for (const line of lines) {
    const prev = current.at(-1);
    if (!prev) {
      current.push(line);
      continue;
    }
    const first = current[0]!;
    // where continuation lines start, and how exactly: the margin and the start of a second
    // line are measured, the text after a label is estimated when one run holds both
    const expected: [number, number][] =
      current.length >= 2
        ? [[current[1]!.x0, 0.3]]
        : [[margin, 0.3], ...(first.textX !== undefined ? [[first.textX, 0.8] as [number, number]] : [])];
    const aligned = expected.some(([x, tolerance]) => Math.abs(line.x0 - x) <= tolerance * line.size) || centredPair(prev, line);
    // after a sentence's end, a centred line is a heading, whatever the distance (page breaks)
    const heading = centred(line) && !centredPair(prev, line) && /[.;:]["\u201d\u2019)]*\d{0,3}$/.test(prev.text);
    const marker = OPERATIVE_MARK.test(line.plain) || SUB_MARK.test(line.plain);
    const sizeChange = Math.abs(line.size - prev.size) > 0.15 * Math.max(line.size, prev.size);
    const gap = prev.y - line.y;
    const wide = line.page === prev.page && (gap > Math.max(lead * 1.3, 1.45 * Math.max(line.size, prev.size)) || gap < 0);
    const starts = wide || sizeChange || !aligned || heading || (marker && TERMINAL.test(prev.plain));
    if (starts) flush();
    current.push(line);
  }
  flush();
  for (const p of out) p.text = words.repair(joinLines(p.lines, words, options.plain));
  return out;
}

/** The call-outs of some lines as `joinLines` glues them, in order. */
function calloutMarks(lines: Line[]): CalloutMark[] {
  const marks: CalloutMark[] = [];
  let before = "";
  for (const line of lines) {
    if (line.lead !== undefined && before && /^\d{1,3}$/.test(line.lead)) marks.push({ before: before.slice(-MARK_CONTEXT), mark: line.lead });
    marks.push(...line.marks);
    if (line.text) before = line.text;
  }
  return marks;
}

function joinLines(lines: Line[], words: Words, plain = false): string {
  let text = "";
  for (const line of lines) {
    const own = plain ? line.plain : line.text;
    let body = own;
    if (line.lead !== undefined) {
      // a call-out that opens a line belongs to the word that ended the line before
      if (text && !plain) text = text.replace(/\s+$/, "") + line.lead;
      else if (!text) body = [line.lead, own].filter(Boolean).join(" ");
    }
    if (!body) continue;
    if (!text) text = body;
    // a soft hyphen is where the typesetter broke a word
    else if (/\u00ad$/.test(text)) text = text.slice(0, -1) + body;
    else if (/-$/.test(text) && !/--$/.test(text)) text = words.joinHyphenated(text, body);
    // a dash at the line end: "2012–" + "2013" joins, a spaced dash ("Cambodia –") keeps its space
    else if (/[\u2013\u2014\u2010\u2011]$/.test(text)) text += /\s[\u2013\u2014]$/.test(text) ? " " + body : body;
    else text += " " + body;
  }
  return text.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();
}

// --- footnotes --------------------------------------------------------------------------------

interface Note {
  mark: string;
  lines: Line[];
}

const PLAIN_NUMBER = /^(\d{1,3})\s+(?=\S)/;

function footnoteList(lines: Line[], words: Words): { number: string; text: string }[] {
  const notes: Note[] = [];
  let expected = 1;
  for (const line of lines) {
    if (SEPARATOR.test(line.plain) && !line.lead) continue;
    let mark: string | undefined;
    let rest = line;
    if (line.lead !== undefined) mark = line.lead;
    else {
      const m = PLAIN_NUMBER.exec(line.plain);
      if (m && Number(m[1]) === expected) {
        mark = m[1]!;
        rest = { ...line, text: line.text.replace(PLAIN_NUMBER, ""), plain: line.plain.slice(m[0].length) };
      }
    }
    if (mark !== undefined) {
      notes.push({ mark, lines: [{ ...rest, lead: undefined } as Line] });
      if (/^\d+$/.test(mark)) expected = Number(mark) + 1;
      continue;
    }
    // a line without a number continues the footnote before it, across pages too
    const last = notes.at(-1);
    if (last) last.lines.push(line);
  }
  return notes.map((n) => ({ number: n.mark, text: words.repair(joinLines(n.lines, words)) }));
}

// --- the text ---------------------------------------------------------------------------------

export function layout(pdf: LoadedPdf, language?: string): Layout {
  const z = zone(pdf, language);
  const notes = [...z.notes];
  const words = new Words([...z.body, ...z.footnotes].map((l) => l.plain));
  const foot = footnoteList(z.footnotes, words);
  // Footnotes go after the closing meeting line, where the parser looks for them; a text
  // without one (Security Council resolutions, truncated texts) keeps neither footnotes nor
  // call-outs, so that the digits do not stay glued to its words.
  const hasClosing = z.body.some((l) => MEETING.test(l.plain));
  const plain = foot.length > 0 && !hasClosing;
  const paras = paragraphs(z.body, z.size, words, { plain });

  // the heading: paragraphs before the formula ("The General Assembly,"), or else before the
  // first indented or numbered paragraph
  let formulaAt = paras.findIndex((p) => FORMULA.test(p.text));
  if (formulaAt === -1) {
    const margin = leftMargin(z.body, z.size);
    formulaAt = paras.findIndex((p) => OPERATIVE_MARK.test(p.text) || p.lines[0]!.x0 > margin + p.lines[0]!.size);
    if (formulaAt === -1) formulaAt = 0;
  }
  const closingAt = paras.findLastIndex((p) => MEETING.test(p.text));

  const out: string[] = [];
  paras.forEach((p, i) => {
    let text = p.text;
    if (i < formulaAt) {
      // "73/7. Title" -> "73/7.\tTitle"
      text = text.replace(new RegExp(`^(\\d{1,3}\\/\\d{1,4}(?: ?[A-Z](?:-[A-Z])?)?\\.)${LABEL_END}`), "$1\t");
      out.push(text);
      if (/^\d{1,3}\/\d{1,4}/.test(text)) out.push("");
      return;
    }
    // closing lines (of each part, in resolutions in parts) stand without a tab, as in ODS exports
    if (MEETING.test(text) || (i > 0 && MEETING.test(paras[i - 1]!.text) && DATE_ONLY.test(text))) {
      if (MEETING.test(text)) out.push("");
      out.push(text);
      return;
    }
    text = text.replace(OPERATIVE_MARK, "$1.\t").replace(SUB_MARK, "($1)\t");
    out.push("", "\t" + text);
  });

  let footnoteCount = 0;
  if (plain) {
    notes.push(`${foot.length} footnotes left out: the text has no closing meeting line after which to place them`);
  } else {
    // symbol-marked notes ("*") first: the parser reads the numbered run that follows
    for (const f of [...foot.filter((f) => !/^\d+$/.test(f.number)), ...foot.filter((f) => /^\d+$/.test(f.number))]) {
      out.push(`${f.number} ${f.text}`);
      if (/^\d+$/.test(f.number)) footnoteCount++;
    }
  }

  const c = z.cover;
  out.push(
    `<<ODS JOB NO>>${c.jobNumber ?? ""}<<ODS JOB NO>>`,
    `<<ODS DOC SYMBOL1>>${c.symbol ?? ""}<<ODS DOC SYMBOL1>>`,
    "<<ODS DOC SYMBOL2>><<ODS DOC SYMBOL2>>",
    ...[c.distribution, c.session, c.agenda].filter((s): s is string => Boolean(s)),
  );
  const chars = [...z.body, ...z.footnotes].reduce((n, l) => n + l.plain.length, 0);
  const callouts = plain ? [] : paras.flatMap((p) => calloutMarks(p.lines));
  return { text: out.join("\n") + "\n", cover: c, paragraphs: paras.length, footnotes: footnoteCount, chars, notes, callouts };
}

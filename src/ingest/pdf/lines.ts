import type { PdfPage, TextRun } from "./load.js";

/**
 * Text runs to printed lines. Runs whose baselines agree form a row; a row of smaller text set
 * just above another row (footnote call-outs, the numbers that open footnotes) is merged into it
 * as superscript. A line's text is assembled from the gaps between runs, with call-outs glued
 * to the word before them as in the ODS exports ("Declaration,1 the").
 */

export interface Line {
  page: number;
  pageWidth: number;
  pageHeight: number;
  /** Baseline of the line's main text. */
  y: number;
  /** Left and right ends of the main text. */
  x0: number;
  x1: number;
  /** Font size of most of the line's characters. */
  size: number;
  /** The text, call-outs glued, single spaces, trimmed. */
  text: string;
  /** The superscript that opens the line (a footnote's number), not included in `text`. */
  lead?: string;
  /** The text without its call-outs (for documents whose footnotes cannot be placed). */
  plain: string;
  /** Number of superscript call-outs in `text`. */
  callouts: number;
  /** The call-outs glued into `text`, in order, with the text just before each. */
  marks: CalloutMark[];
  /**
   * Where the text after an opening label ("1.", "(a)", "73/7.") starts: continuation lines of
   * a paragraph set with a hanging indent align there.
   */
  textX?: number;
}

/**
 * A call-out as the PDF shows it (superscript digits), with the few characters it is glued to:
 * enough to find it again in the laid-out text, where the parser would otherwise have to guess
 * which digits glued to a word are a call-out.
 */
export interface CalloutMark {
  /** The last MARK_CONTEXT characters before the call-out. */
  before: string;
  mark: string;
}

/** Characters kept before a call-out: few, so that repairs of words further back do not hide it. */
export const MARK_CONTEXT = 4;

/** Labels that open a paragraph and are followed by a tab in the source documents. */
export const LABEL = /^(?:\d{1,3}\.|\((?:[a-z]{1,3}|[ivxlc]{1,7}|\d{1,2})\)|\d{1,3}\/\d{1,4}(?: ?[A-Z](?:-[A-Z])?)?\.)(?:\s+|(?=[A-Z\u201c\u2018"]))/;

interface Piece extends TextRun {
  sup: boolean;
}

interface Row {
  y: number;
  pieces: Piece[];
  maxSize: number;
}

const isSpace = (s: string) => !s.trim();

/** The size that most characters of these runs have (runs of white space do not vote). */
function dominantSize(runs: TextRun[]): number {
  const votes = new Map<number, number>();
  for (const r of runs) {
    const n = r.str.replace(/\s+/g, "").length;
    if (!n) continue;
    const k = Math.round(r.size * 2) / 2;
    votes.set(k, (votes.get(k) ?? 0) + n);
  }
  let best = 0;
  let bestVotes = -1;
  for (const [k, v] of votes) if (v > bestVotes || (v === bestVotes && k > best)) [best, bestVotes] = [k, v];
  return best || (runs[0]?.size ?? 0);
}

function rowsOf(runs: TextRun[]): Row[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - run.y) <= 0.2 * Math.max(row.maxSize, run.size)) {
      row.pieces.push({ ...run, sup: false });
      row.maxSize = Math.max(row.maxSize, run.size);
      continue;
    }
    rows.push({ y: run.y, pieces: [{ ...run, sup: false }], maxSize: run.size });
  }
  return rows;
}

function extent(pieces: Piece[]): { x0: number; x1: number } {
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const p of pieces) {
    if (isSpace(p.str)) continue;
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x + p.width);
  }
  return { x0, x1 };
}

/** Rows of small raised text merge into the row they are raised above. */
function mergeSuperscripts(rows: Row[]): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const below = rows[i + 1];
    if (below) {
      const size = dominantSize(below.pieces);
      const rise = row.y - below.y;
      const small = row.maxSize <= 0.8 * size;
      const a = extent(row.pieces);
      const b = extent(below.pieces);
      const within = a.x0 >= b.x0 - 3 * size && a.x1 <= b.x1 + 3 * size;
      if (small && rise > 0 && rise <= 0.65 * size && within) {
        below.pieces.push(...row.pieces.map((p) => ({ ...p, sup: true })));
        continue;
      }
    }
    out.push(row);
  }
  return out;
}

/** Splits a run at a horizontal position (a call-out set inside the span of a run). */
function splitAt(p: Piece, x: number): [Piece, Piece] | null {
  if (!(x > p.x && x < p.x + p.width) || p.str.length < 2) return null;
  const k = Math.round(((x - p.x) / p.width) * p.str.length);
  if (k <= 0 || k >= p.str.length) return null;
  const w = (p.width * k) / p.str.length;
  return [
    { ...p, str: p.str.slice(0, k), width: w },
    { ...p, str: p.str.slice(k), x: p.x + w, width: p.width - w },
  ];
}

function assemble(row: Row, page: PdfPage): Line | null {
  const main = row.pieces.filter((p) => !p.sup);
  const size = dominantSize(main.length ? main : row.pieces);
  // small digits on the baseline of the line or above it are call-outs too ("Outcome4" set
  // with a small rise, or none, in one row)
  const baseline = main.find((p) => Math.abs(p.size - size) < 0.5 && !isSpace(p.str))?.y ?? row.y;
  for (const p of row.pieces) {
    if (!p.sup && p.size <= 0.75 * size && p.y >= baseline - 0.1 * size && /^\s*[\d*†‡§]+\s*$/.test(p.str)) p.sup = true;
  }
  let pieces = row.pieces.filter((p) => !(p.sup && isSpace(p.str))).sort((a, b) => a.x - b.x);
  // a call-out that falls inside a run of main text splits it
  for (const s of pieces.filter((p) => p.sup)) {
    const host = pieces.find((p) => !p.sup && s.x > p.x + 0.5 && s.x < p.x + p.width - 0.5);
    const parts = host && splitAt(host, s.x);
    if (parts) pieces = pieces.flatMap((p) => (p === host ? parts : [p]));
  }
  pieces.sort((a, b) => a.x - b.x);

  let text = "";
  let plain = "";
  let lead: string | undefined;
  let callouts = 0;
  const marks: CalloutMark[] = [];
  let prevEnd = -Infinity;
  let prevSup = false;
  // where each run of main text starts in `plain`, to find positions in the line
  const starts: { at: number; piece: Piece }[] = [];
  for (const p of pieces) {
    if (p.sup) {
      const mark = p.str.trim();
      if (!text.trim() && lead === undefined) {
        lead = mark;
      } else {
        // glued to the word before it; a second call-out in a row is kept apart by a comma
        text = text.replace(/\s+$/, "");
        if (prevSup) text += ",";
        if (/^\d{1,3}$/.test(mark)) marks.push({ before: text.slice(-MARK_CONTEXT), mark });
        text += mark;
        callouts++;
      }
      prevEnd = p.x + p.width;
      prevSup = true;
      continue;
    }
    const gap = p.x - prevEnd;
    const needsSpace = text && !/\s$/.test(text) && !/^\s/.test(p.str);
    // a gap wider than a thin space separates words; so does a run set over the end of the one
    // before it (a label and the text tabbed after it, in a wide font)
    const apart = gap > 0.15 * p.size || gap < -0.25 * p.size;
    if (needsSpace && (apart || (prevSup && /^[\p{L}\p{N}(\u201c"]/u.test(p.str)))) {
      text += " ";
      plain += " ";
    } else if (plain && !/\s$/.test(plain) && !/^\s/.test(p.str) && apart) plain += " ";
    starts.push({ at: plain.length, piece: p });
    text += p.str;
    plain += p.str;
    prevEnd = p.x + p.width;
    prevSup = false;
  }
  let textX: number | undefined;
  const label = LABEL.exec(plain.trimStart());
  if (label) {
    const k = plain.length - plain.trimStart().length + label[0].length;
    const host = starts.findLast((s) => s.at <= k);
    if (host && host.piece.str.length) textX = host.piece.x + ((k - host.at) / host.piece.str.length) * host.piece.width;
  }
  text = text.replace(/[\s\u00a0]+/g, " ").trim();
  plain = plain.replace(/[\s\u00a0]+/g, " ").trim();
  if (!text && lead === undefined) return null;
  const { x0, x1 } = extent(main.length ? main : row.pieces);
  return {
    page: page.number,
    pageWidth: page.width,
    pageHeight: page.height,
    y: baseline,
    x0,
    x1,
    size,
    text,
    ...(lead !== undefined ? { lead } : {}),
    plain,
    callouts,
    marks,
    ...(textX !== undefined ? { textX } : {}),
  };
}

/** The lines of a page, top to bottom. */
export function pageLines(page: PdfPage): Line[] {
  const rows = mergeSuperscripts(rowsOf(page.runs));
  const lines: Line[] = [];
  for (const row of rows) {
    const line = assemble(row, page);
    if (line) lines.push(line);
  }
  return lines;
}

/** The body font size of a document: the size of most of its characters. */
export function bodySize(lines: Line[]): number {
  const votes = new Map<number, number>();
  for (const l of lines) {
    const k = Math.round(l.size * 2) / 2;
    votes.set(k, (votes.get(k) ?? 0) + l.text.length);
  }
  let best = 10;
  let bestVotes = -1;
  for (const [k, v] of votes) if (v > bestVotes) [best, bestVotes] = [k, v];
  return best;
}

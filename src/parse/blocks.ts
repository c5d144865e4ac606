/**
 * Lines to blocks. A block is one paragraph of the source: in ODS exports one line; in texts
 * with hard line wraps (Security Council texts, PDF text layers) the lines up to a blank line
 * or to the next paragraph marker, joined with single spaces. A block keeps the map from its
 * own offsets back to the source so that nodes cut out of it get source positions.
 */

export interface Line {
  /** Text without the line break (and without a trailing carriage return). */
  text: string;
  start: number;
  end: number;
}

export interface Block {
  text: string;
  /** Source offset of the block's first character. */
  start: number;
  end: number;
  /** Pieces of `text`: piece i starts at `text` offset `at` and at source offset `src`. */
  pieces: { at: number; src: number }[];
  /** Whether the first source line was indented (tab or spaces). */
  indented: boolean;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf("\n", start);
    if (nl === -1) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ text: text.slice(start, end), start, end });
    start = nl + 1;
  }
  return lines;
}

/** Source offset of offset `at` of a block's text. */
export function sourceOffset(block: Block, at: number): number {
  let piece = block.pieces[0]!;
  for (const p of block.pieces) {
    if (p.at > at) break;
    piece = p;
  }
  return piece.src + (at - piece.at);
}

/** Offset in a block's text of source offset `src` (which the block covers): the inverse of `sourceOffset`. */
export function blockOffset(block: Block, src: number): number {
  // the last piece starting at or before `src` (else the first), found by halves: a block
  // joined from thousands of lines has as many pieces
  const pieces = block.pieces;
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.src <= src) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo]!;
  return piece.at + (src - piece.src);
}

const LEADING_SPACE = /^[\t \u00a0]*/;

const isBlank = (c: number) => c === 9 || c === 32 || c === 0xa0;

function trimmedLine(line: Line): { text: string; start: number; indented: boolean } {
  const lead = LEADING_SPACE.exec(line.text)![0].length;
  let end = line.text.length;
  while (end > lead && isBlank(line.text.charCodeAt(end - 1))) end--;
  const text = line.text.slice(lead, end);
  return { text, start: line.start + lead, indented: lead > 0 };
}

export function lineBlock(line: Line): Block | null {
  const t = trimmedLine(line);
  if (!t.text) return null;
  return { text: t.text, start: t.start, end: t.start + t.text.length, pieces: [{ at: 0, src: t.start }], indented: t.indented };
}

/** A line that opens a new paragraph even without a blank line before it. */
const PARAGRAPH_MARKER = /^(?:\d{1,3}\.|\((?:[a-z]{1,3}|[ivxl]{1,6}|\d{1,2})\))[\t \u00a0]/;
/** A numbered line; four digits open a paragraph only in turn (1000 after 999): a year can open a wrapped line. */
const NUMBER_MARKER = /^(\d{1,4})\.[\t \u00a0]/;

/**
 * Blocks of a run of lines. `onePerLine` is the ODS layout; otherwise lines are joined until a
 * blank line or a paragraph marker.
 */
export function toBlocks(lines: Line[], onePerLine: boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  // whether the block's last line ended with a hyphen: read from the line, because asking the
  // growing block text copies it whole each time (a block of thousands of lines took seconds)
  let hyphenated = false;
  let lastNumber = 0;
  const flush = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (const line of lines) {
    if (onePerLine) {
      const b = lineBlock(line);
      if (b) blocks.push(b);
      continue;
    }
    const t = trimmedLine(line);
    if (!t.text) {
      flush();
      continue;
    }
    const numbered = NUMBER_MARKER.exec(t.text);
    const number = numbered ? Number(numbered[1]) : null;
    const inTurn = number !== null && (number < 1000 || number === lastNumber + 1);
    if (current && (PARAGRAPH_MARKER.test(t.text) || (number !== null && number >= 1000 && inTurn))) flush();
    if (!current) {
      if (inTurn) lastNumber = number!;
      current = { text: t.text, start: t.start, end: t.start + t.text.length, pieces: [{ at: 0, src: t.start }], indented: t.indented };
      hyphenated = t.text.endsWith("-");
      continue;
    }
    const c: Block = current;
    // A word broken at the line end with a hyphen keeps the hyphen: compounds ("self-
    // determination") are far more common in these texts than typographic hyphenation.
    const glue = hyphenated ? "" : " ";
    hyphenated = t.text.endsWith("-");
    c.text += glue;
    c.pieces.push({ at: c.text.length, src: t.start });
    c.text += t.text;
    c.end = t.start + t.text.length;
  }
  flush();
  return blocks;
}

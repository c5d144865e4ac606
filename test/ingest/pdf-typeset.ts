/**
 * Typesets a parsed resolution as a PDF in the layout of UN resolutions: masthead, running
 * headers and footers, first-line and hanging indents, superscript call-outs, footnotes at the
 * page bottoms, compounds broken after their hyphen at line ends, centred headings. Used by the
 * decoder's tests and by bench/pdf-roundtrip.ts to measure the decoder on the whole corpus.
 *
 * Set in Courier (exact widths without embedding a font); letters outside WinAnsiEncoding lose
 * their accents.
 */
import type { FootnoteRef, Resolution, SubParagraph } from "../../src/model/types.js";
import { buildPdf, runsStream, type Run } from "./pdf-fixtures.js";

const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 123.4;
const INDENT = 147.1;
const LABEL_TEXT = 170.9;
const RIGHT = 488;
const BODY = 10;
const LEADING = 12;
const SPACE = 6;
const FOOT = 8.5;
const FOOT_LEADING = 10.5;
const TOP = 709.7;
const BOTTOM = 72;
const cw = (size: number) => 0.6 * size;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const longDate = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
};

interface Word {
  text: string;
  /** Call-outs glued after the word. */
  marks: number[];
}

/** Clean text and its call-outs to words with their marks. */
function wordsOf(text: string, refs: FootnoteRef[]): Word[] {
  const words: Word[] = [];
  const sorted = [...refs].sort((a, b) => a.offset - b.offset);
  let at = 0;
  for (const token of text.split(/(\s+)/)) {
    if (!token) continue;
    const end = at + token.length;
    if (token.trim()) {
      const marks = sorted.filter((r) => r.offset > at && r.offset <= end).map((r) => r.number);
      // a call-out inside a token ("Outcome4and") is set at the token's end
      words.push({ text: token, marks });
    }
    at = end;
  }
  // call-outs at offset 0 or after the last word: glue to the nearest word
  for (const r of sorted) if (r.offset === 0 && words[0]) words[0].marks.unshift(r.number);
  return words;
}

interface Page {
  runs: Run[];
  notes: number[];
  y: number;
}

class Typesetter {
  pages: Page[] = [];
  page!: Page;
  footnotes = new Map<number, string>();
  placed = 0;
  done = new Set<number>();
  constructor(
    private readonly symbol: string,
    private readonly job: string,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = { runs: [], notes: [], y: TOP };
    this.pages.push(this.page);
  }

  footLines(n: number): string[] {
    return wrap(this.footnotes.get(n) ?? "", Math.floor((RIGHT - MARGIN) / cw(FOOT)));
  }

  noteHeight(notes: number[]): number {
    if (!notes.length) return 0;
    return 14 + notes.reduce((h, n) => h + this.footLines(n).length * FOOT_LEADING, 0);
  }

  /** Places one line of runs; moves to a new page when it (and its footnotes) do not fit. */
  place(runs: Run[], notes: number[], before = 0): void {
    let y = this.page.y - before;
    const fresh = notes.filter((n) => !this.done.has(n));
    const need = (p: Page) => BOTTOM + this.noteHeight([...p.notes, ...fresh]);
    if (y < need(this.page)) {
      this.newPage();
      y = this.page.y;
    }
    for (const r of runs) this.page.runs.push({ ...r, y: r.y === -1 ? y : y + r.y });
    // footnotes whose call-out the text parser did not find go with the next one placed
    for (const n of notes) {
      if (this.done.has(n)) continue;
      for (let m = this.placed + 1; m <= n; m++) {
        if (!this.footnotes.has(m) || this.done.has(m)) continue;
        this.page.notes.push(m);
        this.done.add(m);
      }
      this.placed = Math.max(this.placed, n);
    }
    this.page.y = y - LEADING;
  }

  /** A paragraph: the first line at `first` (after an optional label), the others at `rest`. */
  paragraph(words: Word[], opts: { label?: string; labelX?: number; first: number; rest: number; space?: number; size?: number }): void {
    const size = opts.size ?? BODY;
    let x0 = opts.first;
    let line: Run[] = [];
    let notes: number[] = [];
    let x = x0;
    let firstLine = true;
    let space = opts.space ?? SPACE;
    const flush = () => {
      this.place(opts.label && firstLine ? [{ text: opts.label, x: opts.labelX ?? INDENT, y: 0, size }, ...line] : line, notes, space);
      space = 0;
      firstLine = false;
      line = [];
      notes = [];
      x0 = opts.rest;
      x = x0;
    };
    const put = (text: string, marks: number[]) => {
      line.push({ text, x, y: 0, size });
      x += text.length * cw(size);
      for (const m of marks) {
        const t = String(m);
        line.push({ text: t, x, y: 3.4, size: 6.5 });
        x += t.length * cw(6.5) + 0.5;
        notes.push(m);
      }
    };
    for (const w of words) {
      const width = w.text.length * cw(size) + w.marks.join("").length * cw(6.5);
      const gap = line.length ? cw(size) : 0;
      if (x + gap + width > RIGHT + 0.01 && line.length) {
        // a compound breaks after its hyphen when its first part fits
        const hy = w.text.indexOf("-");
        if (hy > 1 && hy < w.text.length - 2 && x + gap + (hy + 1) * cw(size) <= RIGHT) {
          x += gap;
          put(w.text.slice(0, hy + 1), []);
          flush();
          put(w.text.slice(hy + 1), w.marks);
          continue;
        }
        flush();
      } else x += gap;
      put(w.text, w.marks);
    }
    if (line.length || (opts.label && firstLine)) flush();
  }

  centred(text: string, size = BODY, space = SPACE): void {
    for (const l of wrap(text, Math.floor((RIGHT - MARGIN) / cw(size)))) {
      const w = l.length * cw(size);
      this.place([{ text: l, x: (MARGIN + RIGHT - w) / 2, y: 0, size }], [], space);
      space = 0;
    }
  }

  finish(): Uint8Array {
    for (const n of this.footnotes.keys()) if (!this.done.has(n)) this.page.notes.push(n);
    const total = this.pages.length;
    const streams = this.pages.map((p, i) => {
      const runs = [...p.runs];
      // footnotes of the page
      if (p.notes.length) {
        let y = BOTTOM + this.noteHeight(p.notes) - 10;
        runs.push({ text: "__________________", x: 99.6, y, size: 8 });
        y -= 14;
        for (const n of p.notes) {
          runs.push({ text: String(n), x: 117, y: y + 3, size: 5.5 });
          for (const l of this.footLines(n)) {
            runs.push({ text: l, x: MARGIN, y, size: FOOT });
            y -= FOOT_LEADING;
          }
        }
      }
      if (i === 0) {
        runs.push({ text: `${this.job} (E)    010120`, x: 65.4, y: 44.4, size: 10 }, { text: `*${this.job.replace("-", "")}*`, x: 65.4, y: 29.8, size: 12 });
      } else {
        runs.push({ text: this.symbol, x: i % 2 ? 60 : 509.6, y: 733, size: 8.5 });
        runs.push({ text: this.job, x: i % 2 ? 524.5 : 60, y: 38.2, size: 7 }, { text: `${i + 1}/${total}`, x: i % 2 ? 60 : 540.9, y: 36.7, size: 8.5 });
      }
      return runsStream(runs);
    });
    return buildPdf(streams, { width: PAGE_W, height: PAGE_H });
  }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** A parsed corpus text (and its raw ODS text, for the heading and cover lines) as a PDF. */
export function typesetResolution(doc: Resolution, raw: string): Uint8Array {
  const symbol = doc.meta.symbol ?? "A/RES/0/0";
  const jobRaw = doc.meta.jobNumber ?? "N0000000E";
  const job = `${jobRaw.slice(1, 3)}-${jobRaw.slice(3, 8)}`;
  const t = new Typesetter(symbol, job);
  for (const f of doc.footnotes) t.footnotes.set(f.number, f.text);

  // masthead
  const cover = raw.slice(raw.indexOf("<<ODS JOB NO>>"));
  const session = /([A-Z][a-z]+(?:-[a-z]+)? (?:regular |special )?session)/.exec(cover)?.[1] ?? "";
  const agenda = /(Agenda items? [^\n]+)/.exec(cover)?.[1] ?? "";
  t.page.runs.push(
    { text: "United Nations", x: 123.4, y: 734.2, size: 14 },
    { text: symbol, x: 492.8, y: 735.5, size: 10 },
    { text: "General Assembly", x: 123.4, y: 705.6, size: 20 },
    { text: "Distr.: General", x: 397, y: 705.3, size: 10 },
    ...(doc.meta.distributionDate ? [{ text: longDate(doc.meta.distributionDate), x: 397, y: 693.6, size: 10 }] : []),
    { text: session, x: 60, y: 569.7, size: 10 },
    ...wrap(agenda, 14).map((l, i) => ({ text: l, x: 60, y: 558.1 - i * 11.6, size: 10 })),
  );
  t.page.y = 525.9;

  // heading: the lines of the text before the formula
  const lines = raw.replace("[DU1]", "").split("\n");
  const formulaAt = lines.findIndex((l) => /^\t?The (General Assembly|Security Council)/.test(l));
  for (const l of lines.slice(0, formulaAt === -1 ? 3 : formulaAt).map((s) => s.trim()).filter(Boolean)) {
    const nt = /^(\d{1,3}\/\d{1,4}(?: [A-Z](?:-[A-Z])?)?\.)\t(.*)$/.exec(l);
    if (nt) {
      const ws = wrap(nt[2]!, Math.floor((RIGHT - MARGIN) / cw(12)));
      ws.forEach((w, i) => t.place([...(i === 0 ? [{ text: nt[1]!, x: 85.1, y: 0, size: 12 }] : []), { text: w, x: MARGIN, y: 0, size: 12 }], [], i === 0 ? 10 : 1.5));
      continue;
    }
    const size = /^Resolutions? adopted/.test(l) ? 14 : /^\[/.test(l) ? BODY : 12;
    wrap(l, Math.floor((RIGHT - MARGIN) / cw(size))).forEach((w, i) =>
      t.place([{ text: w, x: MARGIN, y: 0, size }], [], i === 0 ? 10 : size * 0.25),
    );
  }
  if (doc.formula) t.paragraph(wordsOf(doc.formula, []), { first: INDENT, rest: MARGIN, space: 12 });

  // paragraphs and headings in the order of the source
  type Item = { at: number; render: () => void };
  const items: Item[] = [];
  for (const h of doc.headings) items.push({ at: h.position.start.offset, render: () => t.centred(h.text) });
  for (const p of doc.preamble) items.push({ at: p.position.start.offset, render: () => t.paragraph(wordsOf(p.text, p.footnoteRefs), { first: INDENT, rest: MARGIN }) });
  for (const p of doc.operative) {
    items.push({
      at: p.position.start.offset,
      render: () => {
        const leadRefs = p.footnoteRefs.filter((r) => r.offset <= p.lead.length);
        t.paragraph(wordsOf(p.lead, leadRefs), p.numbered ? { label: `${p.number}.`, first: LABEL_TEXT, rest: MARGIN } : { first: INDENT, rest: MARGIN });
        const sub = (s: SubParagraph, depth: number) => {
          t.paragraph(
            wordsOf(s.text, s.footnoteRefs),
            depth === 0
              ? { label: `(${s.label})`, labelX: INDENT, first: LABEL_TEXT, rest: MARGIN }
              : { label: `(${s.label})`, labelX: LABEL_TEXT, first: 194.7, rest: LABEL_TEXT },
          );
          for (const c of s.children) sub(c, depth + 1);
        };
        for (const s of p.subparagraphs) sub(s, 0);
        // text after the lead and sub-paragraphs ("and its request that ...", a quotation) folded
        // into the paragraph
        const flat = (s: SubParagraph): string[] => [`(${s.label}) ${s.text}`, ...s.children.flatMap(flat)];
        const folded = [p.lead, ...p.subparagraphs.flatMap(flat)].join(" ");
        if (p.text.startsWith(folded) && p.text.length > folded.length + 1) {
          const from = folded.length + 1;
          const refs = p.footnoteRefs.filter((r) => r.offset > from).map((r) => ({ ...r, offset: r.offset - from }));
          t.paragraph(wordsOf(p.text.slice(from), refs), { first: INDENT, rest: MARGIN });
        }
      },
    });
  }
  items.sort((a, b) => a.at - b.at).forEach((i) => i.render());

  if (doc.conclusions.meeting !== null) {
    const m = /^(\d+(?:st|nd|rd|th)(?: \(resumed\))? plenary meeting)$/m.exec(raw)?.[1] ?? `${doc.conclusions.meeting}th plenary meeting`;
    t.place([{ text: m, x: 397.3, y: 0, size: BODY }], [], 18);
    if (doc.conclusions.date) t.place([{ text: longDate(doc.conclusions.date), x: 416, y: 0, size: BODY }], []);
  }
  return t.finish();
}

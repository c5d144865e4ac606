/**
 * Text of one paragraph as a structured decoder reads it: the words with white space collapsed
 * the way the text parser sees them (single spaces, trimmed), the footnote call-outs removed
 * but remembered by offset, and the hyperlinks kept as spans. XML and JSON decoders build these,
 * and `assemble.ts` lays them out into the plain-text rendering that positions index.
 */

export interface NoteMark {
  /** Footnote number as the source marks it. */
  number: number;
  /** Offset in `text` where the call-out stood. */
  offset: number;
}

export interface LinkSpan {
  /** What the link points at: a URL (undocs.org ...) or a bare document symbol. */
  target: string;
  start: number;
  end: number;
}

export interface RichText {
  text: string;
  notes: NoteMark[];
  links: LinkSpan[];
}

const COLLAPSIBLE = /[ \t\r\n\f\v]+/g;
/** Direction marks, zero-width spaces and joiners: kept inside the text, trimmed at its ends. */
const INVISIBLE_START = /^[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]+/;
/**
 * One character of what is trimmed at the text's end. The end is walked back a character at a
 * time: a pattern ending in `+$` tried at every character of a long run of these that text
 * follows, costing the square of the run.
 */
const TRAILING = /[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]/;

function trimInvisibleEnd(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Appends pieces of text, collapsing white space runs into one space and never leading with one. */
export class RichTextBuilder {
  private text = "";
  private spacePending = false;
  private readonly notes: NoteMark[] = [];
  private readonly links: LinkSpan[] = [];

  append(raw: string): void {
    let last = 0;
    COLLAPSIBLE.lastIndex = 0;
    // Word by word until the first visible character, as invisible marks leading the text go.
    while (!this.text) {
      const m = COLLAPSIBLE.exec(raw);
      if (!m) {
        this.appendWord(raw.slice(last));
        return;
      }
      this.appendWord(raw.slice(last, m.index));
      if (this.text.length > 0) this.spacePending = true;
      last = m.index + m[0].length;
    }
    // Then the rest at once (word by word, it was a fifth of reading an AKN file).
    let rest = raw.slice(last).replace(COLLAPSIBLE, " ");
    if (rest.startsWith(" ")) {
      this.spacePending = true;
      rest = rest.slice(1);
    }
    const trailing = rest.endsWith(" ");
    this.appendWord(trailing ? rest.slice(0, -1) : rest);
    if (trailing) this.spacePending = true;
  }

  /** A separator that counts as white space (line breaks, cells, paragraphs). */
  space(): void {
    if (this.text.length > 0) this.spacePending = true;
  }

  /** Offset the next visible character will get. */
  get cursor(): number {
    return this.text.length + (this.spacePending ? 1 : 0);
  }

  /** The call-out stands right after the last visible character, before any pending space. */
  note(number: number): void {
    this.notes.push({ number, offset: this.text.length });
  }

  link(target: string, start: number): void {
    const end = this.text.length;
    if (end > start) this.links.push({ target, start, end });
  }

  /** Inserts another piece of rich text at the cursor (its offsets shift accordingly). */
  appendRich(other: RichText): void {
    if (!other.text) {
      for (const n of other.notes) this.note(n.number);
      return;
    }
    const base = this.cursor;
    this.append(other.text);
    for (const n of other.notes) this.notes.push({ number: n.number, offset: base + n.offset });
    for (const l of other.links) this.links.push({ target: l.target, start: base + l.start, end: base + l.end });
  }

  get length(): number {
    return this.text.length;
  }

  build(): RichText {
    const text = trimInvisibleEnd(this.text);
    const clamp = (n: number) => Math.min(n, text.length);
    return {
      text,
      notes: this.notes.map((n) => ({ number: n.number, offset: clamp(n.offset) })),
      links: this.links.map((l) => ({ target: l.target, start: clamp(l.start), end: clamp(l.end) })),
    };
  }

  private appendWord(input: string): void {
    const word = this.text ? input : input.replace(INVISIBLE_START, "");
    if (!word) return;
    if (this.spacePending) {
      this.text += " ";
      this.spacePending = false;
    }
    this.text += word;
  }
}

export function plainText(text: string): RichText {
  const b = new RichTextBuilder();
  b.append(text);
  return b.build();
}

/** Rich texts joined by single spaces, offsets carried along. */
export function joinRich(parts: RichText[]): RichText {
  const b = new RichTextBuilder();
  for (const p of parts) {
    b.space();
    b.appendRich(p);
  }
  return b.build();
}

/** Drops the first `length` characters (and the space after them). */
export function sliceRich(rich: RichText, from: number): RichText {
  let start = from;
  while (start < rich.text.length && rich.text[start] === " ") start++;
  return {
    text: rich.text.slice(start),
    notes: rich.notes.map((n) => ({ number: n.number, offset: Math.max(0, n.offset - start) })),
    links: rich.links
      .filter((l) => l.end > start)
      .map((l) => ({ target: l.target, start: Math.max(0, l.start - start), end: l.end - start })),
  };
}

/**
 * Rich texts to join to a paragraph's text later, all at once: a paragraph continued by
 * thousands of blocks was joined again at each, and copied whole each time. The decoders add
 * what continues a paragraph here and `flush()` rewrites each field once, at the end; until
 * then `text()` is the field's text as the joining would end it (which decides whether the next
 * block continues it).
 */
export class PendingJoins {
  private readonly pending = new Map<object, Map<string, { parts: RichText[]; last: string | null }>>();

  add<K extends string>(holder: Record<K, RichText>, key: K, ...parts: RichText[]): void {
    let fields = this.pending.get(holder);
    if (!fields) this.pending.set(holder, (fields = new Map()));
    let entry = fields.get(key);
    if (!entry) fields.set(key, (entry = { parts: [], last: null }));
    for (const part of parts) {
      entry.parts.push(part);
      if (part.text) entry.last = part.text;
    }
  }

  /** The end of the field's text: its last non-empty part (joined texts end as their last part ends). */
  text<K extends string>(holder: Record<K, RichText>, key: K): string {
    return this.pending.get(holder)?.get(key)?.last ?? holder[key].text;
  }

  flush(): void {
    for (const [holder, fields] of this.pending) {
      const record = holder as Record<string, RichText>;
      for (const [key, { parts }] of fields) record[key] = joinRich([record[key]!, ...parts]);
    }
    this.pending.clear();
  }
}

/**
 * Whether a text ends a sentence (";" or ".", perhaps before a closing quote), read from its
 * last characters: a pattern anchored at the end is still tried from the text's start.
 */
export function endsSentence(text: string): boolean {
  let end = text.length;
  const last = text.charCodeAt(end - 1);
  if (last === 0x22 || last === 0x201d || last === 0x2019) end--;
  const c = text.charCodeAt(end - 1);
  return c === 0x3b || c === 0x2e;
}

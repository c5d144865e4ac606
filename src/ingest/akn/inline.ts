import { problem } from "../../model/problems.js";
import type { Problem } from "../../model/types.js";
import type { DraftFootnote } from "../assemble.js";
import { RichTextBuilder, plainText, type RichText } from "../rich-text.js";
import { attr, childrenOf, cleanText, isText, rawText, tagOf, textValue, type XmlNode } from "./xml.js";

/**
 * The running text of AKN elements and the footnotes it calls. A footnote (`authorialNote`) is
 * recorded once per number where it is first called, its text read as inline text in turn;
 * the text that calls it keeps a call-out at its place.
 */
export class InlineReader {
  private readonly notes = new Map<number, DraftFootnote>();

  /** `problems`: the document's list, where a footnote marker that cannot be read is reported. */
  constructor(private readonly problems: Problem[]) {}

  /**
   * Text of nodes: white space collapsed, footnotes taken out (their text is kept as footnote
   * `marker`) and links kept as spans; block-level children are separated by a space.
   */
  read(nodes: XmlNode[]): RichText {
    const b = new RichTextBuilder();
    const walk = (list: XmlNode[], depth: number) => {
      for (const n of list) {
        if (isText(n)) {
          b.append(textValue(n));
          continue;
        }
        const tag = tagOf(n);
        if (tag === "authorialNote" || tag === "note") {
          const number = this.footnote(n);
          b.note(number);
          continue;
        }
        if (tag === "img" || tag === "meta") continue;
        // A repeated call-out of a footnote printed once: a bare superscript number.
        const superscript = tag === "sup" ? /^\s*(\d{1,3})\s*$/.exec(rawText(n)) : null;
        if (superscript) {
          b.note(Number(superscript[1]));
          continue;
        }
        if (tag === "eol" || tag === "br") {
          b.space();
          continue;
        }
        if (tag === "a" || tag === "ref") {
          const start = b.cursor;
          walk(childrenOf(n), depth + 1);
          const href = attr(n, "href");
          if (href) b.link(href, start);
          continue;
        }
        const block = tag === "p" || tag === "td" || tag === "th" || tag === "tr" || tag === "item" || tag === "num" || tag === "content" || tag === "intro";
        if (block) b.space();
        walk(childrenOf(n), depth + 1);
        if (block) b.space();
      }
    };
    walk(nodes, 0);
    return b.build();
  }

  /** Records a footnote (once per number) and returns its number. */
  private footnote(note: XmlNode): number {
    const marker = attr(note, "marker") ?? "";
    const parsed = Number(/^\d{1,4}$/.test(marker.trim()) ? marker.trim() : NaN);
    const number = Number.isInteger(parsed) ? parsed : this.notes.size + 1;
    if (!this.notes.has(number)) {
      this.notes.set(number, { number, body: plainText("") });
      // its children, text alone included: read as [note], a note of text alone without a marker
      // was read again as a new note, endlessly, and one with a marker lost its text
      this.notes.get(number)!.body = this.read(childrenOf(note));
    } else if (!Number.isInteger(parsed)) {
      this.problems.push(problem("footnote-marker", `a footnote has the marker "${marker}", not a number`));
    }
    return number;
  }

  /** The footnotes read so far, by number. */
  footnotes(): DraftFootnote[] {
    return [...this.notes.values()].sort((a, b) => a.number - b.number);
  }
}

/** A number typed before a paragraph's phrase: "26\t", "6.\u200e". */
const TYPED_NUMBER = /^\s*\d{1,3}\.?[\u200e\u200f]?\s*$/;

/** The opening italic words of a paragraph ("Recalling also", "Takes note"), or null. */
export function leadingItalic(node: XmlNode): string | null {
  const words: string[] = [];
  let done = false;
  const visit = (list: XmlNode[]): void => {
    for (const n of list) {
      if (done) return;
      if (isText(n)) {
        // a number typed before the phrase ("26\t<i>Condemns</i>") is not part of it
        if (textValue(n).trim() && !(words.length === 0 && TYPED_NUMBER.test(textValue(n)))) done = true;
        continue;
      }
      const tag = tagOf(n);
      if (tag === "authorialNote" || tag === "num" || tag === "img") continue;
      const italic = tag === "i" || (tag === "span" && /\bitalic\b/.test(attr(n, "class") ?? ""));
      if (italic) {
        words.push(cleanText(n));
        continue;
      }
      if (tag === "p" || tag === "content" || tag === "intro" || tag === "list" || tag === "container" || tag === "crossHeading" || tag === "blockList" || tag === "listIntroduction") {
        visit(childrenOf(n));
        if (words.length) done = true;
        continue;
      }
      done = true;
    }
  };
  visit(childrenOf(node));
  const phrase = words.join(" ").replace(/\s+/g, " ").trim();
  return phrase || null;
}

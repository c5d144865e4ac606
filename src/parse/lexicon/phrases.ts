import english from "./en.json" with { type: "json" };
import { normalisePhrase, type PhraseKind } from "./normalise.js";

/**
 * Finds the opening phrase of a paragraph: the longest phrase of the learned lexicon that the
 * paragraph starts with, ignoring the adverbs the normal form drops. Falls back to the first
 * word (with a leading "-ly" adverb: "Deeply concerned") for phrases the lexicon has not seen.
 */

export interface OpeningPhrase {
  /** As written, from the paragraph's first character ("Recalling also"). */
  written: string;
  /** Normal form ("recalling"). */
  normal: string;
  /** Whether the phrase was in the lexicon or guessed. */
  known: boolean;
}

type Lexicon = { preamble: [string, number][]; operative: [string, number][] };

class PhraseTable {
  private readonly byFirstWord = new Map<string, string[][]>();

  constructor(phrases: string[]) {
    for (const phrase of phrases) {
      const words = phrase.split(" ");
      const list = this.byFirstWord.get(words[0]!) ?? [];
      list.push(words);
      this.byFirstWord.set(words[0]!, list);
    }
    for (const list of this.byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Words in the longest phrase starting with `first`; 0 when none does. */
  maxWords(first: string): number {
    return this.byFirstWord.get(first)?.[0]?.length ?? 0;
  }

  /** Longest phrase that `normalWords` starts with, as a word count; 0 when none. */
  longestPrefix(normalWords: string[]): number {
    const candidates = this.byFirstWord.get(normalWords[0] ?? "");
    if (!candidates) return 0;
    for (const phrase of candidates) {
      if (phrase.length <= normalWords.length && phrase.every((w, i) => normalWords[i] === w)) return phrase.length;
    }
    return 0;
  }
}

const lexicon = english as unknown as Lexicon;
const tables: Record<PhraseKind, PhraseTable> = {
  preamble: new PhraseTable(lexicon.preamble.map(([p]) => p)),
  operative: new PhraseTable(lexicon.operative.map(([p]) => p)),
};

const DROPPED: Record<PhraseKind, Set<string>> = {
  preamble: new Set(["also", "further", "furthermore"]),
  operative: new Set(["also", "further", "furthermore", "again", "strongly"]),
};

/** How a word is written, found while scanning it, so that normalising it costs little. */
const enum Casing {
  /** ASCII letters, none upper-case: "recalling" */
  Lower,
  /** ASCII letters, only the first upper-case: "Recalling" */
  Initial,
  /** other ASCII letter words: "UNIDO" */
  OtherAscii,
  /** accents, apostrophes, hyphens: Unicode normalisation */
  NotPlain,
}

/**
 * Normal form of one word. Plain ASCII words (nearly all) skip Unicode normalisation, and the
 * usual casings skip toLowerCase, which takes a slow path for strings cut from a two-byte text
 * (any text with a curly quote).
 */
function normalWord(word: string, casing: Casing, kind: PhraseKind): string {
  if (casing === Casing.NotPlain) return normalisePhrase(word, kind);
  const lower =
    casing === Casing.Lower ? word : casing === Casing.Initial ? String.fromCharCode(word.charCodeAt(0) | 32) + word.slice(1) : word.toLowerCase();
  return DROPPED[kind].has(lower) ? "" : lower;
}

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Latin letters, accented ones included (U+00C0-U+024F). */
const isWordStart = (c: number) => isAsciiLetter(c) || (c >= 0xc0 && c <= 0x24f);
/** Inside a word also apostrophes and hyphens: "Member States'", "follow-up". */
const isWordPart = (c: number) => isWordStart(c) || c === 39 || c === 0x2019 || c === 45;

/** Phrases in the normal form that the lexicon knows for `kind`. */
export function knownPhrases(kind: PhraseKind): string[] {
  return lexicon[kind].map(([p]) => p);
}

export function isKnownOpening(text: string, kind: PhraseKind): boolean {
  return openingPhrase(text, kind).known;
}

export function openingPhrase(text: string, kind: PhraseKind): OpeningPhrase {
  // Up to 12 leading words with their end offsets; commas between words are allowed
  // ("Recognizing, in this regard,") but end the phrase candidate.
  const words: { word: string; end: number; normal: string }[] = [];
  // a quoted resolution (press releases) opens with a quotation mark
  let i = text.startsWith("\u201c") || text.startsWith('"') ? 1 : 0;
  let keptCount = 0;
  let wanted = 2;
  while (words.length < 12 && i < text.length && keptCount <= wanted) {
    while (i < text.length && text[i] === " ") i++;
    // a hand-written scan: this runs for every paragraph of every document
    if (i >= text.length || !isWordStart(text.charCodeAt(i))) break;
    const wordStart = i;
    let casing = text.charCodeAt(i) <= 90 ? Casing.Initial : Casing.Lower;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isWordPart(c)) break;
      if (casing === Casing.NotPlain) continue;
      if (!isAsciiLetter(c)) casing = Casing.NotPlain;
      else if (c <= 90 && i > wordStart) casing = Casing.OtherAscii;
    }
    const word = text.slice(wordStart, i);
    const normal = normalWord(word, casing, kind);
    words.push({ word, end: i, normal });
    if (normal) {
      keptCount++;
      // read only as many words as the longest phrase opening with this first word
      if (keptCount === 1) wanted = Math.max(2, tables[kind].maxWords(normal));
    }
    if (text[i] !== " ") break;
  }
  // "Once again urges": "once" goes with the dropped "again"
  for (let k = 0; k + 1 < words.length; k++) {
    if (kind === "operative" && words[k]!.normal === "once" && /^again$/i.test(words[k + 1]!.word)) words[k]!.normal = "";
  }
  const kept = words.filter((w) => w.normal !== "");
  const normals = kept.map((w) => w.normal);
  const n = tables[kind].longestPrefix(normals);
  if (n > 0) {
    const last = kept[n - 1]!;
    // keep a trailing dropped adverb inside the written phrase ("Recalling also")
    let endIndex = words.indexOf(last);
    while (words[endIndex + 1] && words[endIndex + 1]!.normal === "") endIndex++;
    return { written: text.slice(0, words[endIndex]!.end), normal: normals.slice(0, n).join(" "), known: true };
  }
  if (kept.length === 0) return { written: "", normal: "", known: false };
  const first = kept[0]!;
  const second = kept[1];
  const take = /ly$/i.test(first.word) && second ? second : first;
  const endIndex = words.indexOf(take);
  return {
    written: text.slice(0, words[endIndex]!.end),
    normal: kept.slice(0, kept.indexOf(take) + 1).map((w) => w.normal).join(" "),
    known: false,
  };
}

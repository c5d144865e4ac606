import english from "./en.json" with { type: "json" };
import { normalisePhrase, opensWithClosedClassWord, type PhraseKind } from "./normalise.js";

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

/** The lexicon's phrases as a trie of normal words: matching reads no word beyond the last that can still match. */
interface PhraseNode {
  next: Map<string, PhraseNode>;
  /** The phrase in normal form when the words so far make one. */
  phrase: string | null;
}

function phraseTrie(phrases: string[]): PhraseNode {
  const root: PhraseNode = { next: new Map(), phrase: null };
  for (const phrase of phrases) {
    let node = root;
    for (const word of phrase.split(" ")) {
      let child = node.next.get(word);
      if (!child) node.next.set(word, (child = { next: new Map(), phrase: null }));
      node = child;
    }
    node.phrase = phrase;
  }
  return root;
}

const lexicon = english as unknown as Lexicon;
const tries: Record<PhraseKind, PhraseNode> = {
  preamble: phraseTrie(lexicon.preamble.map(([p]) => p)),
  operative: phraseTrie(lexicon.operative.map(([p]) => p)),
};

const DROPPED: Record<PhraseKind, Set<string>> = {
  preamble: new Set(["also", "further", "furthermore"]),
  operative: new Set(["also", "further", "furthermore", "again", "strongly"]),
};

/** Normal form of one word; plain ASCII words skip Unicode normalisation. */
function normalWord(word: string, plainAscii: boolean, kind: PhraseKind): string {
  if (!plainAscii) return normalisePhrase(word, kind);
  const lower = word.toLowerCase();
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

interface Word {
  word: string;
  /** Offset just after the word. */
  end: number;
  /** Normal form; "" for adverbs the normal form drops ("also", "further"). */
  normal: string;
}

/** At most this many words are read, so that a paragraph of many short words costs no more. */
const MAX_WORDS = 12;

/**
 * The lexicon's phrases of plain words as a trie of characters (a-z and space) in one flat
 * table, `next[state * SLOTS + slot]` the state after a character, 0 for none (nothing leads
 * back to the root, state 0). One array in a few hundred kilobytes: following object links
 * from node to node missed the cache at every character.
 */
interface CharTrie {
  next: Int32Array;
  /** The phrase in normal form that ends at each state, if any. */
  phrase: (string | null)[];
}

const SLOTS = 27;
const SPACE_SLOT = 26;
/** No state: the walk left the trie. */
const NONE = -1;

/** Slot of a character code in a node: a-z (either case) and space; -1 for anything else. */
function slotOf(code: number): number {
  if (code === 32) return SPACE_SLOT;
  const lower = code | 32;
  return lower >= 97 && lower <= 122 ? lower - 97 : -1;
}

function charTrie(phrases: string[]): CharTrie {
  const next: number[] = new Array<number>(SLOTS).fill(0);
  const phrase: (string | null)[] = [null];
  for (const p of phrases.filter((p) => /^[a-z ]+$/.test(p))) {
    let state = 0;
    for (let k = 0; k < p.length; k++) {
      const at = state * SLOTS + slotOf(p.charCodeAt(k));
      if (next[at] === 0) {
        next[at] = phrase.length;
        phrase.push(null);
        for (let s = 0; s < SLOTS; s++) next.push(0);
      }
      state = next[at]!;
    }
    phrase[state] = p;
  }
  return { next: Int32Array.from(next), phrase };
}

/** The state after `slot` from `state`, or NONE. */
function step(trie: CharTrie, state: number, slot: number): number {
  if (state === NONE) return NONE;
  const to = trie.next[state * SLOTS + slot]!;
  return to === 0 ? NONE : to;
}

const charTries: Record<PhraseKind, CharTrie> = {
  preamble: charTrie(lexicon.preamble.map(([p]) => p)),
  operative: charTrie(lexicon.operative.map(([p]) => p)),
};

/** Whether `text[start, end)` is `word` (lower case ASCII), in any case. */
function isWordAt(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

function isDroppedAt(text: string, start: number, end: number, kind: PhraseKind): boolean {
  for (const word of DROPPED[kind]) if (isWordAt(text, start, end, word)) return true;
  return false;
}

/**
 * The opening phrase of a paragraph written in plain ASCII words, read without allocating:
 * characters walk a trie of the lexicon. Null hands the paragraph to the general reader below
 * (a word with an accent, apostrophe or hyphen), which gives the same answers. This runs for
 * every paragraph of every document, and for the lines around headings.
 */
function plainOpening(text: string, kind: PhraseKind): OpeningPhrase | null {
  const first0 = text.charCodeAt(0);
  let i = first0 === 0x201c || first0 === 34 ? 1 : 0;
  const trie = charTries[kind];
  let node = 0;
  let atRoot = true;
  let phrase: string | null = null;
  let end = 0;
  /** Whether the words read since the match are all dropped adverbs, which the written phrase keeps. */
  let extending = false;
  // the first two words the normal form keeps, for a phrase the lexicon does not know
  let first: [number, number] | null = null;
  let second: [number, number] | null = null;
  for (let words = 0; words < MAX_WORDS; words++) {
    if (words > 0 && text.charCodeAt(i) !== 32) break;
    while (text.charCodeAt(i) === 32) i++;
    if (!(i < text.length && isWordStart(text.charCodeAt(i)))) break;
    const start = i;
    // one pass over the word's characters: scan it and walk the trie beside it
    let walked = atRoot ? node : step(trie, node, SPACE_SLOT);
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const slot = slotOf(c);
      if (slot === -1 || slot === SPACE_SLOT) {
        if (isWordPart(c)) return null;
        break;
      }
      walked = step(trie, walked, slot);
    }
    if (i - start >= 4 && i - start <= 11) {
      let dropped = isDroppedAt(text, start, i, kind);
      // "Once again urges": "once" goes with the dropped "again"
      if (!dropped && kind === "operative" && isWordAt(text, start, i, "once") && text.charCodeAt(i) === 32) {
        let j = i;
        while (text.charCodeAt(j) === 32) j++;
        let k = j;
        while (k < text.length && isWordPart(text.charCodeAt(k))) k++;
        dropped = isWordAt(text, j, k, "again");
      }
      if (dropped) {
        if (extending) end = i;
        continue;
      }
    }
    if (!first) first = [start, i];
    else if (!second) second = [start, i];
    node = walked;
    atRoot = false;
    if (node === NONE) {
      // no phrase of the lexicon goes on with this word: done, unless an unknown phrase
      // opening with an adverb needs its second word ("Deeply concerned")
      if (phrase !== null || second || !endsInLy(text, first[1])) break;
      continue;
    }
    const ending = trie.phrase[node]!;
    extending = ending !== null;
    if (ending !== null) {
      phrase = ending;
      end = i;
    }
  }
  if (phrase !== null) return { written: text.slice(0, end), normal: phrase, known: true };
  if (!first) return { written: "", normal: "", known: false };
  const lower = ([from, to]: [number, number]) => text.slice(from, to).toLowerCase();
  if (second && endsInLy(text, first[1])) return { written: text.slice(0, second[1]), normal: `${lower(first)} ${lower(second)}`, known: false };
  return { written: text.slice(0, first[1]), normal: lower(first), known: false };
}

/** Whether the word ending at `end` ends in "ly" (either case). */
const endsInLy = (text: string, end: number) => end >= 2 && (text.charCodeAt(end - 2) | 32) === 108 && (text.charCodeAt(end - 1) | 32) === 121;

/**
 * A subject before an operative verb: presidential statements repeat theirs in every paragraph
 * ("The Security Council notes"), declarations speak in the first person ("We reaffirm").
 */
const SUBJECT = /^["\u201c]?(?:The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)|We)[ \u00a0]+(?=[a-z])/;

const NO_PHRASE: OpeningPhrase = { written: "", normal: "", known: false };

export function openingPhrase(text: string, kind: PhraseKind): OpeningPhrase {
  const found = readOpening(text, kind);
  // the first word of an unknown opening is taken for its verb, but not an article or a preposition
  return !found.known && opensWithClosedClassWord(found.normal) ? NO_PHRASE : found;
}

function readOpening(text: string, kind: PhraseKind): OpeningPhrase {
  const first = text.charCodeAt(0);
  // the subject's first character, checked before the expression: most paragraphs fail here
  const subject = kind === "operative" && (first === 84 || first === 87 || first === 34 || first === 0x201c) ? SUBJECT.exec(text) : null;
  if (subject) {
    const verb = readWords(text.slice(subject[0].length), kind);
    if (verb.normal) return { ...verb, written: subject[0] + verb.written };
  }
  return readWords(text, kind);
}

/** The plain reader, else the general one. */
function readWords(text: string, kind: PhraseKind): OpeningPhrase {
  return plainOpening(text, kind) ?? readOpeningPhrase(text, kind);
}

/** The general reader, for paragraphs whose opening words are not all plain ASCII letters. */
function readOpeningPhrase(text: string, kind: PhraseKind): OpeningPhrase {
  const words: Word[] = [];
  // a quoted resolution (press releases) opens with a quotation mark
  let i = text.startsWith("\u201c") || text.startsWith('"') ? 1 : 0;
  /** Reads the next word. Commas between words are allowed ("Recognizing, in this regard,") but end the phrase candidate. */
  const readWord = (): Word | null => {
    if (words.length >= MAX_WORDS || (words.length > 0 && text[i] !== " ")) return null;
    while (i < text.length && text[i] === " ") i++;
    if (i >= text.length || !isWordStart(text.charCodeAt(i))) return null;
    const wordStart = i;
    let plainAscii = true;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isWordPart(c)) break;
      if (!isAsciiLetter(c)) plainAscii = false;
    }
    const word = text.slice(wordStart, i);
    const read = { word, end: i, normal: normalWord(word, plainAscii, kind) };
    words.push(read);
    return read;
  };
  // the words the normal form keeps, read as they are needed
  const kept: Word[] = [];
  let considered = 0;
  const nextKept = (): Word | null => {
    for (;;) {
      const w = considered < words.length ? words[considered]! : readWord();
      if (!w) return null;
      considered++;
      // "Once again urges": "once" goes with the dropped "again"
      if (kind === "operative" && w.normal === "once") {
        const after = considered < words.length ? words[considered]! : readWord();
        if (after && /^again$/i.test(after.word)) w.normal = "";
      }
      if (w.normal !== "") {
        kept.push(w);
        return w;
      }
    }
  };

  let node = tries[kind];
  let matched: { phrase: string; last: Word } | null = null;
  for (let w = nextKept(); w; w = nextKept()) {
    const child = node.next.get(w.normal);
    if (!child) break;
    node = child;
    if (node.phrase !== null) matched = { phrase: node.phrase, last: w };
  }
  if (matched) {
    // keep a trailing dropped adverb inside the written phrase ("Recalling also")
    let endIndex = words.indexOf(matched.last);
    while (words[endIndex + 1] && words[endIndex + 1]!.normal === "") endIndex++;
    return { written: text.slice(0, words[endIndex]!.end), normal: matched.phrase, known: true };
  }
  const first = kept[0];
  if (!first) return { written: "", normal: "", known: false };
  // an unknown phrase: its first word, or its first two when the first is an adverb ("Deeply concerned")
  const second = /ly$/i.test(first.word) ? (kept[1] ?? nextKept()) : null;
  const take = second ?? first;
  return {
    written: text.slice(0, take.end),
    normal: second ? `${first.normal} ${second.normal}` : first.normal,
    known: false,
  };
}

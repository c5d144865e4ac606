import { FUNDS_AND_PROGRAMMES, GROUPS_OF_STATES, INTERGOVERNMENTAL, MEMBER_STATE_NAMES, OTHER_ACTORS, PERSONS, PRINCIPAL_ORGANS,
  RELATED_ORGANIZATIONS, SECRETARIAT, SPECIALIZED_AGENCIES, TITLES, UN_SYSTEM } from "./actor-names.js";
import missions from "./missions.json" with { type: "json" };
import type { ActorType, Mandate } from "./types.js";

/**
 * The actors that resolutions address: who an actor is (its gazetteer entity: canonical name,
 * abbreviations and variants, type, grammatical number; the names are in ./actor-names.ts) and
 * the one key by which actors are compared, stored and looked up.
 *
 * Names are matched word by word after normalisation (lower case, straight apostrophes, hyphens
 * as spaces: "Secretary-General" and the frequent misprint "Secretary General" are one key), as
 * the longest known name a phrase starts with, so qualifiers after the name ("States parties to
 * the Rome Statute that have not yet done so") do not prevent a match. The list was checked
 * against the addressees that `scripts/learn-actors.ts` finds in the corpus.
 */

export interface ResolvedActor {
  canonical: string;
  type: ActorType;
}

/** Grammatical number of an actor, which decides what "it", "them" or "him" can stand for. */
export type ActorNumber = "singular" | "plural" | "person";

export interface ActorMention extends ResolvedActor {
  number: ActorNumber;
  /** Offsets of the name in the searched text (a leading "the" excluded). */
  start: number;
  end: number;
  /** The name as written. */
  written: string;
}

interface Entry extends ResolvedActor {
  number: ActorNumber;
  /** Titles ("Special Rapporteur", "Executive Director") keep their complement in the canonical name. */
  title?: boolean;
  /** Its names that are abbreviations, in capitals: "UNIDO", "OHCHR". */
  abbreviations: readonly string[];
}

/** An entity of the gazetteer with its abbreviations, as user input names it. */
export interface KnownActor extends ResolvedActor {
  abbreviations: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Matching.

/** Normal form of one word: lower case, straight apostrophe, no trailing period. */
function normalWord(word: string): string {
  const straight = word.includes("\u2019") || word.includes("\u2018") || word.includes("`") ? word.replace(/[\u2018\u2019`]/g, "'") : word;
  // abbreviations keep their case: "WHO" is an agency, "who" a pronoun
  const second = straight.charCodeAt(1);
  const abbreviation = second >= 65 && second <= 90 && isUpperCode(straight.charCodeAt(0)) && straight === straight.toUpperCase();
  return abbreviation ? straight : straight.toLowerCase();
}

function isUpperCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

const TOKEN = /[A-Za-z0-9\u00C0-\u024F'\u2018\u2019&/.()]+|,/g;

interface Token {
  word: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  capital: boolean;
  /** Starts with a capital letter and follows the previous token after white space only. */
  continuesName: boolean;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Words of `text` with their offsets (into its NFKC form, which is the text itself when it is
 * ASCII); hyphens separate words, so "Secretary-General" is two tokens and matches "Secretary
 * General". A period or bracket glued to a word is not part of it, except in "U.N."-like initials.
 */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const src = NON_ASCII.test(text) ? text.normalize("NFKC") : text;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(src); m; m = TOKEN.exec(src)) {
    let start = m.index;
    let end = start + m[0].length;
    while (end - start > 1 && isTrailingMark(src.charCodeAt(end - 1)) && !(end - start === 2 && src[end - 1] === ".")) end--;
    while (end - start > 1 && src.charCodeAt(start) === 40 /* ( */) start++;
    const previous = tokens[tokens.length - 1];
    const code = src.charCodeAt(start);
    const capital = code >= 65 && code <= 90;
    const continuesName = capital && previous !== undefined && /^\s+$/.test(src.slice(previous.end, start));
    tokens.push({ word: normalWord(start === m.index && end === start + m[0].length ? m[0] : src.slice(start, end)), start, end, capital, continuesName });
  }
  return tokens;
}

/** "." "(" ")" */
function isTrailingMark(code: number): boolean {
  return code === 46 || code === 40 || code === 41;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entry?: Entry;
  /** The name was listed capitalised: "Secretariat" is the UN's, "a secretariat" is not. */
  capitalised?: boolean;
}

const root: TrieNode = { next: new Map() };

function addName(name: string, entry: Entry): void {
  let node = root;
  for (const t of tokenize(name)) {
    let child = node.next.get(t.word);
    if (!child) node.next.set(t.word, (child = { next: new Map() }));
    node = child;
  }
  // the first row to claim a name keeps it: specific entries are loaded before generic ones
  if (!node.entry) {
    node.entry = entry;
    node.capitalised = /^[A-Z]/.test(name);
  }
}

/** "UNIDO", "OHCHR", "SG": a name in capitals (and digits). */
const ABBREVIATION = /^[A-Z][A-Z0-9]+$/;

function addEntry(type: ActorType, names: string[], number: ActorNumber, title = false): void {
  const abbreviations = names.filter((name) => ABBREVIATION.test(name));
  const entry: Entry = { canonical: names[0]!, type, number, ...(title ? { title } : {}), abbreviations };
  for (const name of names) addName(name, entry);
}

/** A name ending in a lower-case plural ("regional commissions") is plural; "United Nations" is not. */
function numberOf(name: string): ActorNumber {
  return /\b[a-z][\w-]*s$/.test(name) ? "plural" : "singular";
}

for (const [type, names] of PERSONS) addEntry(type, names, "person");
for (const [type, names] of PRINCIPAL_ORGANS) addEntry(type, names, "singular");
for (const names of SECRETARIAT) addEntry("secretariat", names, numberOf(names[0]!));
for (const names of FUNDS_AND_PROGRAMMES) addEntry("un-system", names, numberOf(names[0]!));
for (const names of SPECIALIZED_AGENCIES) addEntry("un-system", names, "singular");
for (const names of RELATED_ORGANIZATIONS) addEntry("un-system", names, numberOf(names[0]!));
for (const names of UN_SYSTEM) addEntry("un-system", names, numberOf(names[0]!));
for (const names of INTERGOVERNMENTAL) addEntry("intergovernmental", names, numberOf(names[0]!));
for (const [number, names] of GROUPS_OF_STATES) addEntry("member-states", names, number);
for (const [number, names] of OTHER_ACTORS) addEntry("other", names, number);
for (const name of MEMBER_STATE_NAMES.split("|")) addEntry("member-states", [name.replace(/ \((.*)\)$/, "")], "singular");
// missions, forces, panels and the other bodies of missions.json (learned by scripts/learn-missions.ts)
for (const body of missions.bodies as MissionRow[]) {
  addEntry(body.type, [body.name, ...body.abbreviations, ...(body.variants ?? [])], body.title ? "person" : "singular", body.title === true);
}
for (const [type, names] of TITLES) addEntry(type, names, "person", true);

interface MissionRow {
  name: string;
  abbreviations: string[];
  variants?: string[];
  type: ActorType;
  title?: boolean;
}

interface Match {
  entry: Entry;
  /** Token index after the match. */
  end: number;
}

/**
 * Longest known name starting at token `from`; none when a capitalised word continues it, for
 * then it is the start of a longer name the gazetteer does not know ("Independent Expert
 * Advisory Panel" is not an Independent Expert).
 */
function longestAt(tokens: Token[], from: number): Match | null {
  let node: TrieNode | undefined = root;
  let best: Match | null = null;
  for (let i = from; i < tokens.length; i++) {
    node = node.next.get(tokens[i]!.word);
    if (!node) break;
    if (node.entry && (!node.capitalised || tokens[from]!.capital)) best = { entry: node.entry, end: i + 1 };
  }
  return best && tokens[best.end]?.continuesName && !/^[A-Z]+$/.test(tokens[best.end - 1]!.word) ? null : best;
}

/** Words that may precede a name without changing what it names. */
const SKIPPABLE = new Set(["the", "all", "other", "relevant", "interested", "concerned", "those", "these", "such",
  "respective", "its", "their", "new", "both", "any", "each", "national", "appropriate", "competent", "whole"]);

const WHY_NOT_TITLE_COMPLEMENT = new Set(["that", "which", "who", "whose", "to", "and", ",", "in", "within", "as", "when", "where", "while", "with"]);

/**
 * The gazetteer entry for an addressee as written ("the Secretary-General", "UNIDO", "States
 * parties to the Rome Statute that have not yet done so", "the Government of Myanmar"), or null.
 */
export function resolveActor(text: string): ResolvedActor | null {
  const found = resolveTokens(tokenize(text), text);
  return found ? { canonical: found.canonical, type: found.type } : null;
}

function resolveTokens(tokens: Token[], text: string): (KnownActor & { number: ActorNumber }) | null {
  let from = 0;
  // "the Government of X" and "the Governments of X and Y" stand for the State(s)
  for (let tries = 0; tries < 6 && from < tokens.length; tries++) {
    const match = longestAt(tokens, from);
    if (match && !(match.entry.canonical === "Governments" && tokens[match.end]?.word === "of")) {
      const e = match.entry;
      if (!e.title) return { canonical: e.canonical, type: e.type, number: e.number, abbreviations: e.abbreviations };
      return { canonical: titleWithComplement(tokens, from, match.end, text), type: e.type, number: e.number, abbreviations: [] };
    }
    const word = tokens[from]!.word;
    if (SKIPPABLE.has(word)) from++;
    else if ((word === "government" || word === "governments") && tokens[from + 1]?.word === "of") from += 2;
    else break;
  }
  return null;
}

/** "Special Rapporteur on the right to food" as written, up to a relative clause or interjection. */
function titleWithComplement(tokens: Token[], from: number, end: number, text: string): string {
  let last = end;
  if (tokens[end] && /^(on|for|of)$/.test(tokens[end]!.word)) {
    last = end + 1;
    // "on the right to food": "to" after "right" is part of the title
    while (last < tokens.length && (!WHY_NOT_TITLE_COMPLEMENT.has(tokens[last]!.word) || (tokens[last]!.word === "to" && /^rights?$/.test(tokens[last - 1]!.word)))) last++;
  }
  return text.normalize("NFKC").slice(tokens[from]!.start, tokens[last - 1]!.end);
}

/**
 * Every known actor named in `text`, left to right, longest names first and without overlaps
 * (for resolving "it" or "them" to the body last named).
 */
export function findActorMentions(text: string): ActorMention[] {
  const tokens = tokenize(text);
  const mentions: ActorMention[] = [];
  let norm: string | null = null;
  for (let i = 0; i < tokens.length; ) {
    const match = longestAt(tokens, i);
    // a mention starts at a capitalised word or a known lower-case group name
    if (match) {
      const start = tokens[i]!.start;
      const end = tokens[match.end - 1]!.end;
      const e = match.entry;
      mentions.push({
        canonical: e.title ? titleWithComplement(tokens, i, match.end, text) : e.canonical,
        type: e.type,
        number: e.number,
        start,
        end,
        written: (norm ??= text.normalize("NFKC")).slice(start, end),
      });
      i = match.end;
    } else i++;
  }
  return mentions;
}

/**
 * An addressee phrase described: its gazetteer entry (when known) and its grammatical number,
 * from the entry or, for a coordination ("X and Y") or an unknown name, from its words.
 */
export function describeActor(text: string): { known: ResolvedActor | null; number: ActorNumber } {
  const found = resolveTokens(tokenize(text), text);
  const coordinated = /\band\b/.test(text);
  const number: ActorNumber = found && !coordinated ? found.number : coordinated || /s$/.test(text.trim()) ? "plural" : "singular";
  return { known: found ? { canonical: found.canonical, type: found.type } : null, number };
}

// ---------------------------------------------------------------------------------------------
// Keys and user input.

const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;

/**
 * The key actors are compared, stored and looked up by: NFKC, lower case, every run of other
 * characters than letters and digits one space, a leading "the" dropped, so that "the
 * Secretary-General", "Secretary General" and "Secretary\u2011General" (a non-breaking hyphen)
 * are one key.
 */
export function actorKey(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(NOT_LETTERS_OR_DIGITS, " ").trim().replace(/^the /, "");
}

/** The key of whom a mandate addresses: its gazetteer entity's when known, else that of the words as written. */
export function addresseeKey(mandate: Pick<Mandate, "actor" | "actorCanonical">): string {
  return actorKey(mandate.actorCanonical ?? mandate.actor);
}

/**
 * The gazetteer entity a user names, with its abbreviations: "UNIDO" and "United Nations
 * Industrial Development Organization" name the same. A user's letter case is not a text's: a
 * name typed in lower case is read capitalised ("united nations industrial development
 * organization"), and one word also in capitals, as abbreviations are listed ("unido").
 */
export function actorFromInput(input: string): KnownActor | null {
  const typed = input.replace(/\s+/g, " ").trim();
  const spellings = [typed, typed.charAt(0).toUpperCase() + typed.slice(1), ...(/^[a-z]+$/i.test(typed) ? [typed.toUpperCase()] : [])];
  for (const spelling of new Set(spellings)) {
    const found = resolveTokens(tokenize(spelling), spelling);
    if (found) return { canonical: found.canonical, type: found.type, abbreviations: found.abbreviations };
  }
  return null;
}

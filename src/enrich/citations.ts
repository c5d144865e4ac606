import { formatParagraphRef } from "../model/paragraphs.js";
import { LineIndex } from "../model/position.js";
import {
  decisionSymbol,
  isUnDocumentSymbol,
  resolutionSymbol,
  symbolKey,
  tidySymbol,
  withModifier,
  type ResolutionBody,
} from "../model/symbols.js";
import type { Body, Citation, CitationKind, Footnote, Position, Resolution } from "../model/types.js";

/**
 * Citations of UN documents in a resolution's paragraphs, footnotes and heading, resolved to
 * canonical symbols.
 *
 * Two kinds of mention are read in one left-to-right pass over a text:
 * - numbers after "resolution(s)" / "decision(s)": "its resolutions 46/151 of 18 December 1991,
 *   49/108 ... and 61/215", "Security Council resolutions 2282 (2016) and 2413 (2018)",
 *   "resolution 2200 A (XXI)". The body that adopted them comes from the words around the
 *   keyword ("Security Council", "Human Rights Council, in its", "of the Commission on ...") and
 *   from the shape of the number (only the Security Council numbers "1325 (2000)").
 * - written symbols: "A/63/309", "A/68/970 and Corr.1", "A/80/6 (Sect. 2)", "GC.15/Res.1".
 *
 * Decisions are reported under the UN Digital Library's symbols ("decision 74/545" is
 * `A/DEC/74/545`), although they have no document of their own and the UN's markup, from which
 * the citation gold is derived, never links them.
 *
 * Every pattern is linear: fixed alternatives and bounded character classes that cannot
 * overlap, anchored (sticky) where a list is followed from item to item.
 */

/** A citation found in one text: offsets are into that text. */
export interface FoundCitation {
  symbol: string;
  kind: CitationKind;
  text: string;
  start: number;
  end: number;
}

/**
 * Who adopted a resolution cited by number, as far as the words around it tell: one of the
 * four bodies whose symbols we build, "council" (a bare "Council": the number's shape tells
 * which), "other" (a commission, conference or agency whose numbers we cannot resolve), or
 * null (nothing said: the document's own body, or the body of the text's previous mention).
 */
type Governor = ResolutionBody | "council" | "other" | null;

const SP = "[ \\u00a0]";
const DASH = "[-\\u2010-\\u2013]";
const KEYWORD = `\\b([Rr]esolutions?|[Dd]ecisions?)\\b`;
/** A number that continues the text's last list after other words: ", 74/274 of 20 April 2020". */
const CONTINUATION = `(?:[,;:]|\\b(?:and|as well as|including|in particular|notably|namely|especially|inter alia))${SP}+(?=(?:E?S${DASH})?\\d{1,4}/\\d|\\d{1,4}${SP}?(?:[A-Z]${SP})?\\()`;
/** A series code ("A", "E", "FCCC", "GC.15") and up to 9 slash-separated components. */
const WRITTEN_SYMBOL = `\\b[A-Z]{1,10}(?:\\.\\d{1,3})?(?:/[\\w.()\\-\\u2010-\\u2013]{1,40}){1,9}`;
const SYMBOL_GLUE = /[\w/.\-\u2010-\u2013]/;
const MENTION = new RegExp(`${KEYWORD}|${CONTINUATION}|(${WRITTEN_SYMBOL})`, "g");

/** One cited number: "46/151", "S-10/2", "217 A (III)", "1325 (2000)", "57/284 A and B". */
const ITEM = new RegExp(
  `((?:E?S${DASH})?\\d{1,4}/\\d{1,4}|\\d{1,4})` +
    `(?:${SP}([A-Z\\u0410\\u0412\\u0421\\u0415\\u041d\\u041c\\u041e\\u0420\\u0422\\u0425])(?![\\w/\\u0400-\\u04ff]))?` +
    `(?:${SP}?\\(([IVXL]{1,7}|E?S${DASH}[IVXL]{1,6}|\\d{4})\\))?`,
  "y",
);
/** Further parts after the first: "A and B", "A to E", "A-C", "A, B and C". */
const MORE_PARTS = new RegExp(`(,? and |, | to |${SP}?[-\\u2013\\u2014]${SP}?)([A-Z])(?![\\w/])`, "y");
const ITEM_DATE = new RegExp(`(?:,?${SP}+(?:of|dated|adopted on)${SP}+\\d{1,2}${SP}+[A-Z][a-z]{2,8}${SP}+\\d{4})?`, "y");
const LIST_SEPARATOR = new RegExp(`(?:,${SP}*(?:and${SP}+|as well as${SP}+)?|${SP}+(?:and|as well as)${SP}+)(?=(?:E?S${DASH})?\\d)`, "y");
/** "resolution 61/11 of the Commission on Narcotic Drugs": the adopting body named after the number. */
const BODY_AFTER = new RegExp(
  `${SP}+(?:of|by|adopted by)${SP}+the${SP}+((?:[A-Z][\\w'\\u2019-]*|of|on|and|for|the)(?:${SP}+(?:[A-Z][\\w'\\u2019-]*|of|on|and|for|the)){0,8})`,
  "y",
);
/** Nouns that end the names of bodies adopting resolutions ("Commission on Narcotic Drugs" is found by "Commission"). */
const FULL_BODY_NAMES: Record<string, ResolutionBody> = {
  "United Nations Environment Assembly": "UNEA",
  "Environment Assembly": "UNEA",
  "General Assembly": "GA",
  "Security Council": "SC",
  "Economic and Social Council": "ECOSOC",
  "Human Rights Council": "HRC",
};

/** The names a body goes by when a text cites its resolutions ("Human Rights Council resolutions 34/25 ..."). */
export function namesOfBody(body: string): string[] {
  return Object.entries(FULL_BODY_NAMES)
    .filter(([, named]) => named === body)
    .map(([name]) => name);
}

const MODIFIER_NEXT = new RegExp(
  `(,? and |, )((?:Add|Corr|Rev|Amend)\\.)(\\d{1,3})((?:(?:,? and |, |[-\\u2013])\\d{1,3}(?![\\w/]))*)`,
  "y",
);
/** A resolution's part and session or year written after its symbol: "A/RES/75/245 B", "S/RES/1325 (2000)", "A/RES/2625(XXV)". */
const RESOLUTION_NEXT = new RegExp(`(?:${SP}([A-Z])(?![\\w/]))?(?:${SP}?\\((\\d{4}|[IVXL]{1,7}|E?S-[IVXL]{1,6})\\))?`, "y");
const PART_NEXT = new RegExp(`${SP}?\\((?:Sect\\.|Parts?${SP}|Vol\\.|Plan${SP}|part${SP})[^()\\n]{0,40}\\)(?:/(?:Add|Corr|Rev)\\.\\d{1,3}){0,3}`, "y");
/** The General Assembly's Official Records, Supplement No. 53 (and 53A): the annual report of the Human Rights Council. */
const HRC_REPORT = /^A\/\d{2}\/53(?:\/Add\.\d+)?$/;
const JOINT = /[-\u2010-\u2015](?=[A-Z]{1,10}(?:\.\d{1,3}|\(\d{1,3}\))?\/)/;
const CYRILLIC_LOOKALIKES: Record<string, string> = {
  "\u0410": "A", "\u0412": "B", "\u0421": "C", "\u0415": "E", "\u041d": "H", "\u041c": "M", "\u041e": "O", "\u0420": "P", "\u0422": "T", "\u0425": "X",
};

interface Item {
  number: string;
  parts: string[];
  qualifier?: string;
  start: number;
  end: number;
  bodyAfter?: Governor;
}

/** What the reader remembers within one text, for the mentions that say less. */
interface TextState {
  /** Body of the last mention that named one ("Human Rights Council resolutions ... including resolution 42/9"). */
  lastBody: Governor;
  /** The last list of numbers, which a number after other words continues (", and 74/274 of 20 April 2020"). */
  lastList: { decision: boolean; body: Governor } | null;
}

/**
 * Citations in one text. `documentBody` is the body that adopted the citing document: "its
 * resolution 60/1" and bare "resolution 60/1" (with no other body in view) are its own.
 * `exclude` holds canonical symbols not to report (the document's own symbol).
 */
export function findCitations(text: string, documentBody: ResolutionBody, exclude: ReadonlySet<string> = new Set()): FoundCitation[] {
  const found: FoundCitation[] = [];
  // every citation has a "/" ("46/151", "A/63/309") or a "(" ("2152 (XXI)", "1325 (2000)"):
  // most paragraphs have neither and are not scanned
  if (!text.includes("/") && !text.includes("(")) return found;
  const state: TextState = { lastBody: null, lastList: null };
  const push = (c: FoundCitation) => {
    if (!exclude.has(c.symbol)) found.push(c);
  };
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(text); m; m = MENTION.exec(text)) {
    let end: number;
    if (m[1]) {
      const decision = /^d/i.test(m[1]);
      const governor = governorBefore(text, m.index, documentBody, state);
      end = readList(text, m.index, m.index + m[0].length, decision, governor, documentBody, state, push);
    } else if (m[2]) {
      // "WHA58/2005/REC/1", "EC-91/S/3": the tail of a symbol this pattern does not read
      end = SYMBOL_GLUE.test(text[m.index - 1] ?? "") ? m.index + m[2].length : readWrittenSymbol(text, m.index, m[2], state, push);
    } else {
      const at = m.index + m[0].length;
      end = state.lastList ? readList(text, at, at, state.lastList.decision, state.lastList.body, documentBody, state, push) : at;
    }
    MENTION.lastIndex = Math.max(end, m.index + Math.max(1, m[0].length));
  }
  return found;
}

/** The numbers after a keyword (or continuing a list), each resolved to a symbol; returns where the list ends. */
function readList(
  text: string,
  mentionStart: number,
  itemsStart: number,
  decision: boolean,
  governor: Governor,
  documentBody: ResolutionBody,
  state: TextState,
  push: (c: FoundCitation) => void,
): number {
  const items: Item[] = [];
  let at = itemsStart;
  const bodyAfter = (): Governor => {
    BODY_AFTER.lastIndex = at;
    const after = BODY_AFTER.exec(text);
    const named = after ? bodyNamed(after[1]!) : null;
    if (named) at = BODY_AFTER.lastIndex;
    return named;
  };
  for (;;) {
    const item = readItem(text, items.length ? at : skipSpaces(text, at));
    if (!item) break;
    items.push(item);
    at = item.end;
    let named = bodyAfter();
    ITEM_DATE.lastIndex = at;
    if (ITEM_DATE.exec(text)) at = ITEM_DATE.lastIndex;
    named ??= bodyAfter();
    if (named) for (const i of items) i.bodyAfter ??= named;
    LIST_SEPARATOR.lastIndex = at;
    if (!LIST_SEPARATOR.exec(text)) break;
    at = LIST_SEPARATOR.lastIndex;
  }
  if (items.length === 0) {
    // "resolutions adopted by the Human Rights Council, including resolution 36/6", "its
    // resolutions on the subject, in particular 41/187 of 8 December 1986, ..."
    const named = bodyAfter();
    if (named) state.lastBody = named;
    state.lastList = { decision, body: named ?? governor };
    return mentionStart;
  }
  const listBody = items.at(-1)!.bodyAfter ?? governor;
  state.lastList = { decision, body: listBody };
  if (listBody !== null) state.lastBody = listBody;

  for (const [n, item] of items.entries()) {
    const body = resolveBody(item, item.bodyAfter ?? governor, documentBody);
    if (body === null || body === "other") continue;
    const start = n === 0 ? mentionStart : item.start;
    for (const part of item.parts.length ? item.parts : [undefined]) {
      const ref = { body, number: item.number, ...(part ? { part } : {}), ...(item.qualifier ? { qualifier: item.qualifier } : {}) };
      push({
        symbol: decision ? decisionSymbol(ref) : resolutionSymbol(ref),
        kind: decision ? "decision" : "resolution",
        text: text.slice(start, item.end),
        start,
        end: item.end,
      });
    }
  }
  return items.at(-1)!.end;
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === " " || text[at] === "\u00a0") at++;
  return at;
}

function readItem(text: string, at: number): Item | null {
  ITEM.lastIndex = at;
  const m = ITEM.exec(text);
  if (!m) return null;
  const number = m[1]!.replace(/[\u2010-\u2013]/, "-");
  const qualifier = m[3]?.replace(/[\u2010-\u2013]/, "-");
  // a bare number is a conference's or a chapter's ("chap. I, resolution 1"), not a UN resolution
  if (!number.includes("/") && !qualifier) return null;
  const parts: string[] = [];
  let end = m.index + m[0].length;
  if (m[2]) {
    parts.push(CYRILLIC_LOOKALIKES[m[2]] ?? m[2]);
    if (!qualifier) {
      MORE_PARTS.lastIndex = end;
      for (let more = MORE_PARTS.exec(text); more; more = MORE_PARTS.exec(text)) {
        const last = parts.at(-1)!;
        const isRange = !/and|,/.test(more[1]!);
        const to = more[2]!.charCodeAt(0);
        for (let c = isRange ? last.charCodeAt(0) + 1 : to; c <= to && parts.length < 26; c++) parts.push(String.fromCharCode(c));
        end = MORE_PARTS.lastIndex;
      }
    }
  }
  return { number, parts, ...(qualifier ? { qualifier } : {}), start: m.index, end };
}

/**
 * The body a keyword's numbers belong to, from the words just before it ("Security Council
 * resolution", "the Assembly, in its resolution", "Commission resolution", "the Human Rights
 * Council, through its resolution"); with none, the body of the text's last mention that named one.
 */
function governorBefore(text: string, keywordStart: number, documentBody: ResolutionBody, state: TextState): Governor {
  // the words before the keyword: "Council resolution", "Assembly, in its resolution", "recalling its resolution"
  let word = previousWord(text, keywordStart);
  const possessive = word?.text === "its" || word?.text === "their";
  if (word && possessive) word = previousWord(text, word.start);
  const linked = word !== null && LINKING_PREPOSITIONS.has(word.text);
  if (word && linked) word = previousWord(text, word.start);
  let governor: Governor = null;
  if (word) {
    const name = word.text.replace(/['\u2019]s$/, "");
    if (BODY_NOUN_WORDS.has(name)) governor = bodyOfName(text, word.start, name);
    // "recalling its resolution", "contained in its resolution": the document's own body
    else if (possessive) governor = documentBody;
    // "UNEP resolution", "WHA resolution": a body we cannot resolve
    else if (/^[A-Z]/.test(name) && !linked && !word.commaAfter && !opensSentence(text, word.start)) governor = "other";
  }
  if (governor === null) return state.lastBody;
  state.lastBody = governor;
  return governor;
}

const LINKING_PREPOSITIONS = new Set(["in", "by", "through", "under", "with"]);

/**
 * The word that ends before `end`, over spaces and a comma: read backwards a character at a
 * time, so that looking back costs the length of the word, whatever the text before it.
 */
function previousWord(text: string, end: number): { text: string; start: number; commaAfter: boolean } | null {
  let i = end;
  let commaAfter = false;
  while (i > 0 && end - i < 8 && /[ \u00a0,]/.test(text[i - 1]!)) if (text[--i] === ",") commaAfter = true;
  const wordEnd = i;
  while (i > 0 && wordEnd - i < 40 && WORD_CHAR.test(text[i - 1]!)) i--;
  return i < wordEnd ? { text: text.slice(i, wordEnd), start: i, commaAfter } : null;
}

const WORD_CHAR = /[\w'\u2019\u00c0-\u024f-]/;

const BODY_NOUN_WORDS = new Set(["Assembly", "Council", "Commission", "Conference", "Committee", "Board", "Parties", "Forum", "Organization", "Programme", "Meeting", "Summit"]);

/**
 * Which body a name ending in `noun` at `nounStart` is: the four whose resolutions we resolve
 * ("General Assembly", "the Council"), or another ("World Health Assembly", "Commission on
 * Human Rights", "Governing Council").
 */
function bodyOfName(text: string, nounStart: number, noun: string): Governor {
  const lead = text.slice(Math.max(0, nounStart - 40), nounStart);
  for (const [name, body] of Object.entries(FULL_BODY_NAMES)) {
    if (name.endsWith(noun) && lead.endsWith(name.slice(0, -noun.length))) return body;
  }
  if (noun !== "Assembly" && noun !== "Council") return "other";
  const previous = previousWord(text, nounStart);
  if (previous && !previous.commaAfter && /^[A-Z]/.test(previous.text) && !opensSentence(text, previous.start)) return "other";
  return noun === "Assembly" ? "GA" : "council";
}

/** True when the word at `at` is the first of the text or of a sentence (the paragraph's opening phrase). */
function opensSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at).trimEnd();
  return before === "" || /[.;:]$/.test(before);
}

/**
 * The body named after a number ("of the Commission on Narcotic Drugs", "adopted by the
 * General Assembly of the World Tourism Organization"); null when the name is not a body that
 * adopts resolutions ("the establishment ... of the Independent Institution on Missing Persons").
 */
function bodyNamed(name: string): Governor {
  for (const [full, body] of Object.entries(FULL_BODY_NAMES)) {
    if (name.startsWith(full)) return /^[ \u00a0]+of\b/.test(name.slice(full.length)) ? "other" : body;
  }
  if (/^Council(?:$|[ \u00a0,])/.test(name)) return "council";
  if (/^Assembly(?:$|[ \u00a0,])/.test(name)) return "GA";
  const head = name.split(/[ \u00a0]+of[ \u00a0]/, 1)[0]!;
  return head.split(/[ \u00a0]+/).some((w) => BODY_NOUN_WORDS.has(w)) ? "other" : null;
}

/**
 * The body whose resolution an item is, from the governing body and the number's shape: only
 * the Security Council numbers "1325 (2000)"; years ("1980/67") and Roman-numbered sessions of
 * a Council are the Economic and Social Council's; the General Assembly numbered "session/number"
 * from its thirty-first session (earlier ones are Roman: "2152 (XXI)"), the Human Rights
 * Council from its first (2006). A number no candidate body can have is not reported.
 */
function resolveBody(item: Item, governor: Governor, documentBody: ResolutionBody): ResolutionBody | "other" | null {
  const { number, qualifier } = item;
  if (governor === "other") return "other";
  const byYear = /^\d{4}$/.test(qualifier ?? "");
  if (byYear) return Number(qualifier) >= 1946 && /^\d{1,4}$/.test(number) ? "SC" : null;
  const roman = qualifier !== undefined;
  const special = /^E?S-/.test(number);
  const first = special ? 0 : Number(number.split("/")[0]);
  const yearNumbered = first >= 1946;
  const fits = (body: ResolutionBody): boolean => {
    switch (body) {
      case "ECOSOC":
        return yearNumbered || (roman && !number.includes("/"));
      case "HRC":
        return !roman && (special || (first >= 1 && first < 100 && !number.startsWith("ES")));
      case "GA":
        return roman ? !number.includes("/") : special || (first >= 31 && first < 100);
      case "UNEA":
        return !roman && !special && first >= 1 && first < 30;
      default:
        return false;
    }
  };
  if (governor === "council") return fits("ECOSOC") ? "ECOSOC" : fits("HRC") ? "HRC" : null;
  if (governor && fits(governor)) return governor;
  if (fits(documentBody)) return documentBody;
  return yearNumbered ? "ECOSOC" : null;
}

function readWrittenSymbol(text: string, start: number, raw: string, state: TextState, push: (c: FoundCitation) => void): number {
  let written = trimSymbol(raw);
  const joint = JOINT.exec(written);
  // "A/77/277-S/2022/606" is one document under two symbols: the first is its own
  if (joint) written = written.slice(0, joint.index);
  let end = start + written.length;
  if (!/\d/.test(written) || !isUnDocumentSymbol(written)) return start + raw.length;
  const next = /\/RES\//.test(written) ? RESOLUTION_NEXT : PART_NEXT;
  next.lastIndex = end;
  const part = next.exec(text);
  if (part && part[0]) {
    written += part[0];
    end = next.lastIndex;
  }
  const symbol = tidySymbol(written);
  const kind = kindOfSymbol(symbol);
  // "Supplement No. 53 (A/73/53), chap. IV, sect. A, resolution 37/17": the report of the Human Rights Council
  if (HRC_REPORT.test(symbol)) state.lastBody = "HRC";
  push({ symbol, kind, text: text.slice(start, end), start, end });
  // "A/68/970 and Corr.1", "E/2005/23 and Corr.1 and 2"
  MODIFIER_NEXT.lastIndex = end;
  const mod = MODIFIER_NEXT.exec(text);
  if (mod) {
    const numbers = [Number(mod[3])];
    const rest = mod[4]!;
    for (const r of rest.matchAll(/([-\u2013]?)(\d{1,3})/g)) {
      const n = Number(r[2]);
      if (r[1]) for (let k = numbers.at(-1)! + 1; k < n && numbers.length < 30; k++) numbers.push(k);
      numbers.push(n);
    }
    const modEnd = MODIFIER_NEXT.lastIndex;
    for (const n of numbers) push({ symbol: withModifier(symbol, `${mod[2]}${n}`), kind, text: text.slice(start, modEnd), start, end: modEnd });
    end = modEnd;
  }
  return Math.max(end, start + 1);
}

/** Punctuation that closes the sentence is not part of the symbol; nor is an unbalanced ")". */
function trimSymbol(raw: string): string {
  let s = raw;
  for (;;) {
    const last = s.at(-1);
    if (last === "." || last === "," || last === "-" || last === "\u2013" || last === "(") s = s.slice(0, -1);
    else if (last === ")" && count(s, "(") < count(s, ")")) s = s.slice(0, -1);
    else return s;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

function kindOfSymbol(symbol: string): CitationKind {
  if (/\/RES\/|\/Res\./i.test(symbol)) return "resolution";
  if (/\/DEC\//.test(symbol)) return "decision";
  return "document";
}

// --- the enrichment stage -----------------------------------------------------------------

const BODY_OF_DOCUMENT: Record<Body, ResolutionBody> = { GA: "GA", SC: "SC", ECOSOC: "ECOSOC", HRC: "HRC", other: "GA" };

/**
 * Enrichment stage: fills `citations` of the paragraphs, footnotes and (for the heading) the
 * document. Citations a decoder already took from the source's own links (AKN, EOSG) are kept:
 * those found in the text are added unless the words are a link already ("54/237</a> C" stays
 * the linked A/RES/54/237) or the same symbol is already cited in the same place, so enriching
 * twice gives the same citations.
 */
export function citationsStage(doc: Resolution): void {
  const body = BODY_OF_DOCUMENT[doc.meta.body];
  const own = new Set(doc.meta.symbol ? [tidySymbol(doc.meta.symbol)] : []);
  const locate = sourceLocator(doc.source.text);
  const cite = (existing: Citation[], text: string, where: string, place: (c: FoundCitation) => Position): Citation[] => {
    const found = findCitations(text, body, own);
    if (found.length === 0) return existing;
    const seen = new Set(existing.map((c) => symbolKey(c.symbol)));
    const linked = overlapTest(existing.map((e) => e.position));
    const added: Citation[] = [];
    for (const c of found) {
      if (seen.has(symbolKey(c.symbol))) continue;
      const position = place(c);
      if (linked(position)) continue;
      added.push({ symbol: c.symbol, kind: c.kind, text: c.text, in: where, position });
    }
    return added.length ? [...existing, ...added] : existing;
  };

  for (const p of doc.preamble) p.citations = cite(p.citations, p.text, formatParagraphRef({ kind: "preambular", number: p.index }), (c) => locate.within(c, p.position, p.text.length));
  for (const p of doc.operative) p.citations = cite(p.citations, p.text, formatParagraphRef({ kind: "operative", number: p.number }), (c) => locate.within(c, p.position, p.text.length));
  const callers = new Map<number, { text: string; offset: number }>();
  for (const p of [...doc.preamble, ...doc.operative]) for (const r of p.footnoteRefs) if (!callers.has(r.number)) callers.set(r.number, { text: p.text, offset: r.offset });
  for (const f of doc.footnotes) {
    f.citations = cite(f.citations, f.text, formatParagraphRef({ kind: "footnote", number: f.number }), (c) => locate.within(c, f.position, f.text.length));
    const caller = callers.get(f.number);
    if (f.citations.length && caller && namesAnInstrument(caller.text, caller.offset)) {
      for (const c of f.citations) if (c.kind !== "decision") c.kind = "instrument";
    }
  }
  // the heading is read on the source itself, so offsets need no lookup
  const headingEnd = headingLength(doc);
  const header = doc.citations.filter((c) => c.in === "header");
  doc.citations = [...doc.citations.filter((c) => c.in !== "header"), ...cite(header, doc.source.text.slice(0, headingEnd), "header", (c) => locate.span(c.start, c.end))];
}

/**
 * Whether a span overlaps one of `spans` (empty ones overlap nothing), by halves over the spans
 * sorted by start: testing each found citation against every linked one grew with the square
 * of a paragraph's citations (a paragraph of 100,000 took minutes).
 */
function overlapTest(spans: Position[]): (span: Position) => boolean {
  const sorted = spans.filter((s) => s.end.offset > s.start.offset).sort((a, b) => a.start.offset - b.start.offset);
  // the furthest end among the spans up to each one
  const reach: number[] = [];
  for (const s of sorted) reach.push(Math.max(reach.at(-1) ?? -Infinity, s.end.offset));
  return (span) => {
    // the spans starting before this one ends: does any of them end after it starts?
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start.offset < span.end.offset) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! > span.start.offset;
  };
}

/**
 * The heading: the source text before the first paragraph ("[on the report of the Second
 * Committee (A/63/418/Add.2)]", the title; a PDF's cover, whose own symbol is left out).
 */
function headingLength(doc: Resolution): number {
  const firsts = [doc.preamble[0], doc.operative[0], doc.headings[0]].filter((n) => n !== undefined).map((n) => n.position.start.offset);
  return firsts.length ? Math.min(...firsts) : 0;
}

/**
 * A footnote that says what a name in its calling paragraph is ("the United Nations Millennium
 * Declaration,1" with footnote "See resolution 55/2.") cites an instrument; one called after
 * "the report of the Director-General of the United Nations Industrial Development
 * Organization" cites a document. The name is the run of capitalised words (and "of", "the",
 * years ...) before the call-out; the word that stops the run tells which.
 */
function namesAnInstrument(callerText: string, calloutOffset: number): boolean {
  const words = callerText.slice(Math.max(0, calloutOffset - 200), calloutOffset).match(WORDS) ?? [];
  let named = false;
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (/^[A-Z0-9]/.test(word)) named = true;
    else if (!NAME_CONNECTORS.has(word)) return named && !DOCUMENT_WORDS.has(word.toLowerCase());
  }
  return named;
}

/** Words without the quotes and punctuation around them. */
const WORDS = /[\w\u00c0-\u024f][\w\u00c0-\u024f'\u2019.-]*/g;
const NAME_CONNECTORS = new Set(["", "of", "the", "for", "on", "and", "in", "to", "against", "with", "de", "la", "du"]);
const DOCUMENT_WORDS = new Set(["report", "reports", "note", "notes", "letter", "letters", "statement", "communication", "document", "memorandum", "proposal"]);

interface Locator {
  within(c: FoundCitation, paragraph: Position, textLength: number): Position;
  span(start: number, end: number): Position;
}

/**
 * Source positions of citations found in a paragraph's cleaned text (call-outs removed,
 * numbers stripped): the written words are looked up in the paragraph's source span, from
 * about where they stand in the text; the paragraph's own position when they cannot be found
 * (words split over lines in hard-wrapped texts).
 */
function sourceLocator(source: string): Locator {
  let index: LineIndex | null = null;
  const span = (start: number, end: number): Position => (index ??= new LineIndex(source)).span(start, end);
  // Characters the lookups may read in all. Words that cannot be found cost a read of their
  // whole window, as wide as what cleaning removed from the paragraph: in a paragraph of
  // thousands of hard-wrapped lines, thousands of citations split over lines made that grow
  // with the square of its length. The corpus reads at most 0.9 times its text; past the
  // budget, citations take their paragraph's position, as words not found do.
  let budget = 4 * source.length + 100_000;
  return {
    span,
    within(c, paragraph, textLength) {
      if (budget < 0) return paragraph;
      const from = paragraph.start.offset;
      const to = paragraph.end.offset;
      // the source is the text plus what cleaning removed (numbers, labels, call-outs, line
      // breaks), so the words stand at most that much further on: a bounded window, not a scan
      const removed = Math.max(0, to - from - textLength);
      const lo = Math.max(from, from + c.start - 16);
      const hi = Math.min(to, from + c.end + removed + 16);
      const at = source.slice(lo, hi).indexOf(c.text);
      budget -= at === -1 ? hi - lo : at + c.text.length;
      return at === -1 ? paragraph : span(lo + at, lo + at + c.text.length);
    },
  };
}

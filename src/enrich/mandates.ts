import { trimEndWhere } from "../model/text.js";
import type {
  ActorType,
  Deadline,
  Mandate,
  OperativeParagraph,
  Position,
  Resolution,
  SubParagraph,
  VerbCategory,
} from "../model/types.js";
import { LineIndex } from "../model/position.js";
import { ORDINAL_WORD_PATTERN, ordinalNumber, sessionYears } from "../model/session.js";
import { DATE_PATTERN, isoDate } from "../model/dates.js";
import {
  describeActor,
  findActorMentions,
  guessActorType,
  isAgentNoun,
  resolveActor,
  type ActorNumber,
} from "./actors.js";

/**
 * Mandates: who the resolution asks to do what. One record per (operative clause, addressee)
 * where the body requests, calls upon, urges, encourages, invites, directs, authorizes,
 * decides that an actor shall, appeals to or recommends that a named actor act.
 *
 * A paragraph is read as a chain of clauses, each opened by a finite verb at a clause boundary
 * (the paragraph's start, or after ", ", "; ", ", and " or " and ": "Acknowledges ...,
 * encourages companies ... and encourages industry ... to ..."). A mandate clause needs an
 * addressee as the object of its verb, followed by the infinitive of the action ("invites
 * States to contribute"), a colon introducing sub-paragraphs that each carry an action
 * ("Requests the Secretary-General: (a) To ...; (b) To ..."), or a that-clause ("recommends
 * that Member States reaffirm", "decides that the Committee shall continue"). Objects that are
 * not agents ("encourages regional cooperation", "encourages further efforts by ...",
 * "encourages giving due consideration") are not addressees.
 *
 * All regular expressions are compiled once and are linear: alternations of literal words and
 * bounded repetitions, applied to one paragraph at a time.
 */

export type MandateVerb =
  | "calls upon"
  | "requests"
  | "urges"
  | "encourages"
  | "invites"
  | "authorizes"
  | "directs"
  | "decides"
  | "appeals"
  | "recommends";

/**
 * Force of a mandate, an ordinal scale of how strongly the addressee is bound:
 *   5  decides (that X shall), directs: the body's own decision or instruction
 *   4  requests, authorizes: a formal request to an organ or official, or a grant of authority
 *   3  urges, calls upon: a strong exhortation, usually to States
 *   2  recommends, appeals: a recommendation or appeal
 *   1  encourages, invites: the weakest, leaving the choice to the addressee
 */
const VERBS: Record<MandateVerb, { category: VerbCategory; force: number }> = {
  decides: { category: "deciding", force: 5 },
  directs: { category: "directive", force: 5 },
  authorizes: { category: "deciding", force: 4 },
  requests: { category: "directive", force: 4 },
  urges: { category: "exhortative", force: 3 },
  "calls upon": { category: "exhortative", force: 3 },
  recommends: { category: "exhortative", force: 2 },
  appeals: { category: "exhortative", force: 2 },
  encourages: { category: "exhortative", force: 1 },
  invites: { category: "exhortative", force: 1 },
};

const OTHER_CATEGORIES: [RegExp, VerbCategory][] = [
  [/^(decides|authorizes|approves|adopts|endorses|establishes|proclaims|declares|appropriates|resolves|agrees|designates|elects|appoints|extends|renews)/, "deciding"],
  [/^(requests|directs|demands|instructs)/, "directive"],
  [/^(calls|urges|encourages|invites|appeals|recommends|exhorts|reminds|reiterates its call|reiterates its request)/, "exhortative"],
  [/^(notes|takes note|recalls|recognizes|acknowledges|is aware|bears in mind|observes|takes into account|reaffirms|reiterates|affirms)/, "observing"],
];

/** Category of any operative verb phrase in normal form ("welcomes" is evaluative). */
export function verbCategory(verb: string): VerbCategory {
  for (const [pattern, category] of OTHER_CATEGORIES) if (pattern.test(verb)) return category;
  return "evaluative";
}

// ---------------------------------------------------------------------------------------------
// Clauses

/** Finite verbs that open a clause. Mandate verbs are told apart by MANDATE_AT below. */
const CLAUSE_VERB = new RegExp(
  "\\b(?:" +
    [
      "requests", "urges", "encourages", "invites", "directs", "authorizes", "recommends", "decides", "calls",
      "appeals", "reiterates", "renews", "reaffirms", "repeats", "welcomes", "notes", "takes", "recognizes",
      "recalls", "stresses", "emphasizes", "underlines", "underscores", "acknowledges", "expresses", "commends",
      "condemns", "deplores", "endorses", "approves", "affirms", "supports", "looks", "highlights", "considers",
      "agrees", "declares", "adopts", "proclaims", "regrets", "reminds", "appreciates", "pays", "congratulates",
      "resolves", "demands", "believes", "observes", "reconfirms",
    ]
      // capitalised at the start of a paragraph, lower case after a boundary (no "i" flag: faster)
      .map((verb) => `[${verb[0]!.toUpperCase()}${verb[0]}]${verb.slice(1)}`)
      .join("|") +
    ")\\b",
  "g",
);

/** Adverbs and fixed phrases that may stand between a clause boundary and its verb. */
const ADVERBS =
  "also|further|furthermore|again|once again|once more|strongly|urgently|therefore|accordingly|moreover|" +
  "finally|in this regard|in that regard|in this context|in that context|in this respect|in that respect|" +
  "in this connection|in addition|to this end|in particular|consequently|thus|hence|earnestly|respectfully";

/** Adverbs (and commas) that open an object: "Requests, in this regard, the Secretary-General". */
const LEADING_ADVERBS = new RegExp(`^[\\s,]*(?:(?:${ADVERBS})\\s*,?\\s*)*`, "i");

/**
 * The text before a clause verb ends at a boundary (checked on at most 80 characters). Each
 * adverb is followed by a comma or by spaces, never by both ambiguously, so a failing test does
 * not backtrack through ways of splitting white space.
 */
const BOUNDARY_BEFORE = new RegExp(`(?:^|[,;:]|\\band)\\s*(?:(?:${ADVERBS})(?:\\s*,\\s*|\\s+))*$`, "i");

const MANDATE_AT = new RegExp(
  "(?:" +
    // 1: single-word verbs
    "(requests|urges|encourages|invites|directs|authorizes|recommends|decides)\\b" +
    // 2: calls upon / calls on
    "|(calls)\\s+(?:(?:also|further|again|once again|once more|urgently|strongly)\\s+)?(?:upon|on)\\b" +
    // 3: appeals to
    "|(appeals)\\s+(?:(?:also|further|again|once again|once more|urgently|strongly)\\s+)?to\\b" +
    // 4, 5: renewed calls, counted with the verb of the call
    "|(?:reiterates|renews|reaffirms|repeats)\\s+(?:also\\s+)?its\\s+(?:(?:strong|urgent|previous|earlier|firm|repeated|continued|earnest)\\s+)?" +
    "(calls?|requests?|invitations?|appeals?|encouragement|recommendations?)\\s+(upon|on|to|that)\\b" +
    ")",
  "iy",
);

const RENEWED_VERB: Record<string, MandateVerb> = {
  call: "calls upon",
  calls: "calls upon",
  request: "requests",
  requests: "requests",
  invitation: "invites",
  invitations: "invites",
  appeal: "appeals",
  appeals: "appeals",
  encouragement: "encourages",
  recommendation: "recommends",
  recommendations: "recommends",
};

interface Clause {
  /** Where the verb phrase starts and the object starts, in the unit's text. */
  verbStart: number;
  objectStart: number;
  /** Null for clauses that are not mandates ("welcomes", "calls for"): they only end the previous one. */
  verb: MandateVerb | null;
  /** The renewed form already consumed "that" ("reiterates its request that"). */
  thatClause: boolean;
  written: string;
}

function findClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  CLAUSE_VERB.lastIndex = 0;
  for (let m = CLAUSE_VERB.exec(text); m; m = CLAUSE_VERB.exec(text)) {
    const at = m.index;
    if (!atBoundary(text, at)) continue;
    MANDATE_AT.lastIndex = at;
    const v = MANDATE_AT.exec(text);
    let verb: MandateVerb | null = null;
    let thatClause = false;
    let objectStart = at + m[0].length;
    if (v) {
      objectStart = MANDATE_AT.lastIndex;
      if (v[1]) verb = v[1].toLowerCase() as MandateVerb;
      else if (v[2]) verb = "calls upon";
      else if (v[3]) verb = "appeals";
      else if (v[4]) {
        verb = RENEWED_VERB[v[4].toLowerCase()] ?? null;
        thatClause = v[5]!.toLowerCase() === "that";
        // "reiterates its call upon X": the object follows; "its request that X": a that-clause
        if (thatClause) objectStart = MANDATE_AT.lastIndex - 4;
      }
    }
    // participles and plain nouns never reach here: only finite forms are in CLAUSE_VERB
    clauses.push({ verbStart: at, objectStart, verb, thatClause, written: text.slice(at, objectStart) });
    CLAUSE_VERB.lastIndex = objectStart;
  }
  return clauses;
}

function atBoundary(text: string, at: number): boolean {
  const from = Math.max(0, at - 80);
  // a sentinel keeps "^" from matching in the middle of the text
  const before = (from > 0 ? "\u0000" : "") + text.slice(from, at);
  return BOUNDARY_BEFORE.test(before);
}

// ---------------------------------------------------------------------------------------------
// Objects: addressee and action

/** Words after "to" that show it is a preposition, not the mark of an infinitive. */
const NOT_INFINITIVE = new Set(
  ("the a an this that these those its their his her our all any each every such other some both which whom " +
    "whose what one two three paragraph paragraphs resolution resolutions section article articles annex chapter " +
    "part item items date women men persons people children youth states governments countries them him it " +
    "be").split(" "),
);

/** Nouns whose complement is an infinitive: "an obligation to cooperate", "in a position to do so". */
const INFINITIVE_COMPLEMENT_NOUNS = new Set(
  ("obligation obligations right rights ability capacity need position willingness readiness intention decision mandate " +
    "able willing ready prepared wishing unable").split(" "),
);

/** Words after which "to" is a preposition even before a verb-like word. */
const PREPOSITION_TAKERS = new Set(
  ("regard respect relating related pursuant according due prior contrary addition access attention response " +
    "contributions contribution support assistance referred committed similar subject close " +
    "closer applicable relevant up as").split(" "),
);

const TO_WORD = /\b(not\s+)?to\s+([A-Za-z][A-Za-z-]*)/g;

/** The word that ends just before `at` (white space between), or "". */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  let start = end;
  while (start > 0 && /[A-Za-z-]/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** Offset of "to VERB" (or "not to VERB") ending the addressee in `span`, or -1. */
function infinitiveAt(span: string): number {
  TO_WORD.lastIndex = 0;
  for (let m = TO_WORD.exec(span); m; m = TO_WORD.exec(span)) {
    const word = m[2]!;
    // case matters: "the right to" takes an infinitive, "Human Rights to provide" ends a name
    const before = wordBefore(span, m.index);
    if (/^[A-Z]/.test(word) || NOT_INFINITIVE.has(word.toLowerCase())) continue;
    if (/ing$/.test(word) && !/^(bring|sing|string)$/.test(word)) continue;
    if (INFINITIVE_COMPLEMENT_NOUNS.has(before) || PREPOSITION_TAKERS.has(before)) continue;
    return m.index;
  }
  return -1;
}

/** A comma-separated segment that starts like this is an interjection, not part of the addressee. */
const INTERJECTION_START = new RegExp(
  "^(?:and\\s+|or\\s+)?(?:in|within|with|where|when|whenever|wherever|as(?!\\s+well\\s+as)|if|upon|on|through|by|at|" +
    "for|from|under|including|inter alia|especially|particularly|notably|consistent|taking|bearing|pursuant|subject|" +
    "while|without|together|also|further|once|again|among|acting|individually|collectively|mindful|recalling|" +
    "according|based|building|drawing|respectively|via|using|following|before|after|during|until|to|not|nor|" +
    "jointly|separately|over|across|beyond|throughout|towards|against|along|alongside|around|into|per|since|unless|" +
    "whether|despite|regardless|irrespective|which|who|whose|that|i\\.e\\.|e\\.g\\.|[a-z]+ly|[a-z]+ing)\\b",
);

const TRAILING_ADVERBIAL = new RegExp(
  "\\s*,?\\s+(?:" +
    ADVERBS +
    "|in (?:its|their|his|her) (?:efforts|endeavours|work|respective capacities)|when doing so|as appropriate|" +
    "where appropriate|as applicable|once more|as a matter of priority|as soon as possible)\\s*,?$",
  "i",
);

const PRONOUNS = /^(it|them|him|her|they)$/i;

/** Splits an addressee phrase into its conjuncts ("industry", "interested Governments", ...). */
function conjuncts(np: string): string[] {
  return np.split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as well as\s+/).filter(Boolean);
}

/** Cuts a conjunct before its post-modifiers: "the parties in the ongoing discussions" -> "the parties". */
const POST_MODIFIER = /\s(?:that|which|who|whose|where|of|in|to|for|from|with|at|on|under|within|by|as|between|among|towards|through|across|regarding|concerning|including|such|like|concerned|involved|affected|being|having|present)\s/;

function headWord(conjunct: string): string {
  const cut = POST_MODIFIER.exec(` ${conjunct} `);
  const core = cut ? ` ${conjunct} `.slice(0, cut.index).trim() : conjunct.trim();
  const words = core.split(/\s+/);
  return (words[words.length - 1] ?? "").replace(/[^\w\u00C0-\u024F'-]/g, "");
}

/**
 * Whether a phrase can be an addressee: its head must be an agent ("States", "the parties in
 * ...", "UNIDO"); a first conjunct that is a bare adjective ("regional, subregional and
 * interregional cooperation") hands the decision to the next one.
 */
function isAddressee(np: string): boolean {
  if (!np || np.length > 400 || /[;:]/.test(np)) return false;
  if (PRONOUNS.test(np)) return true;
  const parts = conjuncts(np);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const head = headWord(part);
    if (isAgentNoun(head) || resolveActor(part)) return true;
    // a lone lower-case word is a coordinated adjective: decide on the next conjunct
    if (i < parts.length - 1 && /^[a-z-]+$/.test(part)) continue;
    return false;
  }
  return false;
}

/** The addressee as written, without trailing interjections ("companies, where appropriate, ..."). */
function cleanAddressee(raw: string): string {
  // an addressee never runs on past a spaced dash: "The State in which ... took place – and, ... –"
  let np = raw.replace(/\s[\u2013\u2014]\s.*$/s, "").replace(/^\s*,\s*/, "").replace(/\s+/g, " ").trim();
  np = np.replace(LEADING_ADVERBS, "");
  // keep comma-separated segments while they continue the addressee
  // ("United Nations Educational, Scientific and Cultural Organization" survives: no segment
  // of it starts like an interjection); a leading interjection is dropped ("in accordance with
  // X, the Committee")
  const segments = np.split(/\s*,\s*/);
  while (segments.length > 1 && INTERJECTION_START.test(segments[0]!)) segments.shift();
  const kept: string[] = [];
  for (const segment of segments) {
    if (kept.length && INTERJECTION_START.test(segment)) break;
    kept.push(segment);
  }
  let out = kept.join(", ");
  for (let previous = ""; previous !== out; ) {
    previous = out;
    out = out.replace(TRAILING_ADVERBIAL, "");
  }
  return trimEndWhere(out, /[,\s]/).replace(/^the\s+/i, "");
}

interface ObjectParse {
  actor: string;
  /** The action, "to ..." (null when it follows in sub-paragraphs or in the next clause). */
  action: string | null;
  /** Addressee followed by ":": each sub-paragraph is an action. */
  chapeau: boolean;
  /** "requests X and invites Y to ...": the action is the next clause's. */
  sharesNext: boolean;
  verb: MandateVerb;
}

/** Reads the object of a mandate verb in `span`, the text of its clause after the verb. */
function parseObject(verb: MandateVerb, thatClause: boolean, span: string, canShare: boolean): ObjectParse | null {
  const lead = LEADING_ADVERBS.exec(span)![0].length;
  const body = span.slice(lead);
  if (verb === "decides") return parseDecision(body);
  if (thatClause || /^that\s/i.test(body)) {
    if (verb === "authorizes" || verb === "invites" || verb === "encourages" || verb === "calls upon" || verb === "appeals") return null;
    return parseThatClause(verb, body.replace(/^that\s+/i, ""), false);
  }
  const to = infinitiveAt(body);
  if (to > 0) {
    const raw = body.slice(0, to);
    const actor = cleanAddressee(raw);
    if (!isAddressee(actor)) return null;
    return { actor, action: trimAction(body.slice(to)), chapeau: false, sharesNext: false, verb };
  }
  // "Requests the Secretary-General:" or "Requests the Secretary-General to:"
  const trimmed = body.trimEnd();
  if (trimmed.endsWith(":") && trimmed.length < 300) {
    const actor = cleanAddressee(trimmed.slice(0, -1).replace(/\s+to\s*$/, ""));
    if (isAddressee(actor)) return { actor, action: null, chapeau: true, sharesNext: false, verb };
  }
  // a short addressee joined by "and" to the next clause's: "requests X and invites Y to ..."
  if (canShare && /(?:\sand|,)\s*$/.test(` ${body}`)) {
    const actor = cleanAddressee(body.replace(/[\s,]*(?:and)?\s*$/, ""));
    if (actor && actor.split(" ").length <= 12 && !/\bto\s/.test(actor) && isAddressee(actor)) return { actor, action: null, chapeau: false, sharesNext: true, verb };
  }
  return null;
}

/** Subjunctive or modal verb of a that-clause: "Member States reaffirm", "the Committee shall continue". */
const MODALS = new Set(["shall", "should", "will", "must", "may"]);
const NOUN_SUFFIX = /(ment|tion|sion|ity|ness|ance|ence|ship|ism|ary|ies|ous|ful|ical|ual|ial|al|ic|ive)$/;
const NP_WORDS = new Set("the of and for on in to with all other relevant its their a an or as well at by".split(" "));
const RELATIVE = new Set(["which", "who", "whom", "whose", "that"]);
const STATUS_VERBS = new Set("be have receive enjoy remain consist comprise apply expire cease enter".split(" "));
const PASSIVE_PARTICIPLE = /(ed|en|wn|eld|ade|one|ught|ept|ilt|ung)$/;

function parseThatClause(verb: MandateVerb, body: string, modalOnly: boolean): ObjectParse | null {
  const clause = body.slice(0, 600);
  let npEnd = -1;
  let verbWord = "";
  // the first word that can open the verb phrase after an addressee: a modal ("shall continue"),
  // or a bare verb (not capitalised, no plural, noun or participle ending, no function word)
  const words = /[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'\u2019-]*/g;
  for (let m = words.exec(clause); m && m.index < 250; m = words.exec(clause)) {
    const w = m[0];
    const modal = MODALS.has(w);
    if (!modal) {
      if (modalOnly || m.index === 0 || /^[A-Z]/.test(w) || NP_WORDS.has(w) || /s$/.test(w) || NOUN_SUFFIX.test(w) || isAgentNoun(w)) continue;
      if (/ing$/.test(w) || (/ed$/.test(w) && !/eed$/.test(w))) continue;
    }
    const np = clause.slice(0, m.index).trim();
    const lastNpWord = np.slice(np.lastIndexOf(" ") + 1);
    if (!np || NP_WORDS.has(lastNpWord) || RELATIVE.has(lastNpWord)) continue;
    if (isAddressee(np.replace(/^the\s+/i, ""))) {
      npEnd = m.index;
      verbWord = modal ? (/^\s*(?:not\s+)?([a-z]+)/.exec(clause.slice(words.lastIndex))?.[1] ?? "") : w;
      break;
    }
    if (modal) return null;
  }
  if (npEnd <= 0) return null;
  // "decides that the Committee shall be composed of", "shall have", "shall receive": a status, not a task
  if (modalOnly && STATUS_VERBS.has(verbWord)) return null;
  if (verbWord === "be" && PASSIVE_PARTICIPLE.test(/\bbe\s+([a-z]+)/.exec(clause.slice(npEnd))?.[1] ?? "")) return null;
  const raw = clause.slice(0, npEnd);
  const actor = cleanAddressee(raw);
  if (!isAddressee(actor)) return null;
  return { actor, action: trimAction(body.slice(npEnd)), chapeau: false, sharesNext: false, verb };
}

const DECIDES_TO = /^to\s+(request|invite|encourage|urge|call upon|call on|authorize|direct|appeal to|recommend)\b/i;
const BASE_VERB: Record<string, MandateVerb> = {
  request: "requests",
  invite: "invites",
  encourage: "encourages",
  urge: "urges",
  "call upon": "calls upon",
  "call on": "calls upon",
  authorize: "authorizes",
  direct: "directs",
  "appeal to": "appeals",
  recommend: "recommends",
};

/**
 * "Decides that the Committee shall ..." is a mandate of the Committee; "decides to request the
 * Secretary-General to ..." one of the Secretary-General with the verb of the request; the
 * Assembly's decisions about itself ("decides to include in the provisional agenda") are not.
 */
function parseDecision(body: string): ObjectParse | null {
  if (/^that\s/i.test(body)) {
    const parsed = parseThatClause("decides", body.slice(5), true);
    // "decides that it shall remain seized": the body itself
    return parsed && !/^(?:(?:General\s+)?Assembly|it|they)$/i.test(parsed.actor) ? parsed : null;
  }
  const to = DECIDES_TO.exec(body);
  if (!to) return null;
  const verb = BASE_VERB[to[1]!.toLowerCase().replace(/\s+/g, " ")]!;
  return parseObject(verb, false, body.slice(to[0].length), false);
}

/** An action without the punctuation and conjunction that joined it to what follows. */
function trimAction(action: string): string {
  let end = action.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(action[end - 1]!)) end--;
  const trimmed = action.slice(0, end);
  return (/\s(?:and|or)$/.test(trimmed) ? trimmed.replace(/,?\s+(?:and|or)$/, "") : trimmed).trim();
}

const TRAILING_PUNCTUATION = new Set([" ", "\t", "\n", "\r", "\u00a0", ",", ";", ".", ":"]);

// ---------------------------------------------------------------------------------------------
// Deadlines, reports, recurrence

const SESSION = new RegExp(
  `\\b(?:at|during|before|by|for|until|in|to|prior to|no later than)\\s+(?:its|the)\\s+(?:(?:main|resumed|regular)\\s+part\\s+of\\s+(?:its|the)\\s+)?(?:resumed\\s+)?(${ORDINAL_WORD_PATTERN})(?:\\s*(?:,|and)\\s*${ORDINAL_WORD_PATTERN})*\\s+(?:regular\\s+)?sessions?\\b(\\s+of\\s+the\\s+[A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*)*)?`,
  "gi",
);
const BY_DATE = new RegExp(`\\b(?:by|before|no later than|not later than|prior to)\\s+(?:the\\s+)?${DATE_PATTERN}`, "i");
const BY_YEAR = /\b(?:by|before|no later than|not later than)\s+(?:the\s+end\s+of\s+|the\s+year\s+)?((?:19|20|21)\d\d)\b/i;
const WITHIN = /\bwithin\s+(?:\w+\s+)?(?:\d+|one|two|three|four|five|six|nine|twelve|thirty|sixty|ninety)\s+(?:days|weeks|months|years)\b/i;
/** Bodies other than the General Assembly that hold numbered sessions. */
const OTHER_SESSION_BODY = /(Council|Commission|Committee|Conference|Board|Forum|Meeting|Parties|Assembly of States Parties|Environment Assembly|Executive Committee|Governing Council|Bureau)[\s,]*$/;

interface DeadlineContext {
  /** Session of the resolution, to reject references to past sessions. */
  session: number | null;
  body: Resolution["meta"]["body"];
  /** The addressee is itself a body with sessions ("at its sixty-fifth session" is then its own). */
  actorHoldsSessions: boolean;
}

function readDeadline(text: string, ctx: DeadlineContext): Deadline | null {
  SESSION.lastIndex = 0;
  for (let m = SESSION.exec(text); m; m = SESSION.exec(text)) {
    const n = ordinalNumber(m[1]!);
    if (!n) continue;
    const of = m[2]?.trim();
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const generalAssembly = /General Assembly[\s,]*$/.test(before) || (of !== undefined && /General Assembly/.test(of));
    if (!generalAssembly) {
      if (of || OTHER_SESSION_BODY.test(before) || ctx.body !== "GA") continue;
      if (/^\w+\s+its/i.test(m[0]) && ctx.actorHoldsSessions && !/Assembly/.test(before)) continue;
    }
    if (ctx.session !== null && n < ctx.session) continue;
    const [y1, y2] = sessionYears(n);
    return { session: n, years: `${y1}-${y2}`, date: null, text: m[0].replace(/\s+/g, " ").trim() };
  }
  const date = BY_DATE.exec(text);
  if (date) {
    const iso = isoDate(date[1]!, date[2]!, date[3]!);
    if (iso) return { session: null, years: iso.slice(0, 4), date: iso, text: date[0] };
  }
  const year = BY_YEAR.exec(text);
  if (year) return { session: null, years: year[1]!, date: null, text: year[0] };
  const within = WITHIN.exec(text);
  if (within) return { session: null, years: null, date: null, text: within[0] };
  return null;
}

const REPORT_PATTERNS = [
  // "to report", "to continue to report", "and report thereon"
  /\b(?:to|and)\s+(?:(?:continue|also|further|regularly|periodically|annually|duly)\s+(?:to\s+)?)?report\b/i,
  // "to submit ... a report", "to present a note" ("the present resolution" is no verb)
  /\b(?:submit|(?<!\bthe\s)present|prepare|transmit|produce|deliver|make\s+available)\b[^;]{0,140}?\b(?:reports?|note)\b(?!\s+(?:that|with))/i,
  // "a report to be submitted"
  /\breports?\s+to\s+be\s+(?:submitted|presented|prepared|issued)\b/i,
  // "to include information ... in the report", "to identify ... in his report"
  /\b(?:include|reflect|incorporate|cover)\b[^;]{0,160}?\bin\s+(?:a|an|his|her|its|their|the)(?:\s+[\w-]+){0,3}\s+reports?\b/i,
  /\bin\s+(?:his|her|its|their)(?:\s+[\w-]+){0,3}\s+reports?\b/i,
  // "to inform the General Assembly", "to keep Member States informed"
  /\b(?:inform|brief|apprise|notify)\s+(?:\w+\s+){0,3}?(?:the\s+)?(?:General\s+Assembly|Assembly|Security\s+Council|Council|Member\s+States|Economic\s+and\s+Social\s+Council|Human\s+Rights\s+Council|Commission|Committee)\b/i,
  /\bkeep\s+(?:the\s+)?(?:General\s+Assembly|Assembly|Security\s+Council|Council|Member\s+States|Committee|Commission)\b[^;]{0,40}?\binformed\b/i,
];

function asksForReport(action: string): boolean {
  return REPORT_PATTERNS.some((p) => p.test(action));
}

/**
 * Which readers an action needs, from one scan for their clue words: an action without
 * "session", "within" or a year has no deadline to read, one without "report", "inform" ... asks
 * for no report, and so on. Most actions need few readers.
 */
const CLUES =
  /report|note|inform|brief|apprise|notify|nnual|year|ennial|period|regular|stud|analys|survey|assessment|update|compilation|proposal|recommendations|plan|strategy|framework|guidelines|summary|overview|map|toolkit|handbook|database|programme of work|until|review|session|within|\d\d\d\d/g;
const NEEDS_REPORT = 1;
const NEEDS_RECURRENCE = 2;
const NEEDS_DELIVERABLE = 4;
const NEEDS_END = 8;
const NEEDS_DEADLINE = 16;

function clueNeeds(w: string): number {
  if (w === "report" || w === "note") return NEEDS_REPORT | NEEDS_DELIVERABLE;
  if (/^(inform|brief|apprise|notify)$/.test(w)) return NEEDS_REPORT;
  if (w === "period") return NEEDS_RECURRENCE | NEEDS_END;
  if (/^(nnual|year|ennial|regular)$/.test(w)) return NEEDS_RECURRENCE;
  if (w === "until" || w === "review") return NEEDS_END;
  if (w === "session" || w === "within") return NEEDS_DEADLINE;
  if (/^\d/.test(w)) return NEEDS_DEADLINE | NEEDS_END;
  return NEEDS_DELIVERABLE;
}

function needsOf(action: string): number {
  let needs = 0;
  CLUES.lastIndex = 0;
  for (let m = CLUES.exec(action); m && needs !== 31; m = CLUES.exec(action)) needs |= clueNeeds(m[0]);
  return needs;
}

const BODY_NAMES: Record<Resolution["meta"]["body"], string | null> = {
  GA: "General Assembly",
  SC: "Security Council",
  ECOSOC: "Economic and Social Council",
  HRC: "Human Rights Council",
  other: null,
};

/** Where the name of a report's recipient can start: "submit to the", "inform the", "by the". */
const RECIPIENT_AT = /\b(?:to|inform|brief|apprise|notify|by|before|keep)\s+(?:the\s+)?(?=[A-Z])/g;

/**
 * The body or official a report goes to: the first intergovernmental body, Secretariat official
 * or "Member States" named right after "to", "inform", "brief" or "by" ("submit to the General
 * Assembly", "report to the Secretary-General", "for consideration by the Council"); else the
 * adopting body when the report is due at one of its sessions; else unknown.
 */
function reportRecipient(action: string, body: Resolution["meta"]["body"], dueSession: number | null): string | null {
  RECIPIENT_AT.lastIndex = 0;
  for (let m = RECIPIENT_AT.exec(action); m; m = RECIPIENT_AT.exec(action)) {
    const named = resolveActor(action.slice(RECIPIENT_AT.lastIndex, RECIPIENT_AT.lastIndex + 160));
    if (named && (named.type === "intergovernmental" || named.type === "secretariat" || named.canonical === "Member States")) return named.canonical;
  }
  return dueSession !== null ? (BODY_NAMES[body] ?? "General Assembly") : null;
}

/** Words that cannot fill the gap between a determiner and the deliverable's noun. */
const FILLER = "(?:(?!(?:a|an|the|his|her|its|their|at|to|of|on|in|session)\\b)[\\w-]+\\s+)";
/** What the addressee is to produce: the object of a verb of production ("to submit ... a report on ..."). */
const DELIVERABLE = new RegExp(
  `\\b(?:submit|prepare|present|develop|produce|conduct|undertake|compile|transmit|issue|draft|elaborate|finalize|provide|publish|carry out|include)\\b[^;]{0,100}?` +
  `\\b((?:a|an|the|his|her|its|their)\\s+${FILLER}{0,4}?(?:reports?|note|study|analysis|survey|assessment|update|compilation|proposals?|recommendations|plan|strategy|framework|guidelines|summary|overview|road\\s*map|toolkit|handbook|database|programme of work)\\b[^;:]{0,160})`,
  "i",
);

function readDeliverable(action: string): string | null {
  const m = DELIVERABLE.exec(action);
  if (!m) return null;
  // the deliverable ends before the next infinitive, clause or addressee of its submission
  const text = m[1]!.split(/,\s|\s+(?:and\s+)?to\s+(?:the\s+)?(?:General Assembly|Security Council|Council|Human Rights Council|be\s)|\s+at\s+its\s|\s+(?:for|during)\s+(?:its|the)\s+[\w-]+\s+session|\s+and\s+to\s/)[0]!;
  return text.trim();
}

/** Recurrence as written; the groups are tried in this order: annual, biennial, ... */
const RECURRENCE = new RegExp(
  [
    "\\b(annually|every year|each year|yearly|on an annual basis|annual reports?)\\b",
    "\\b(biennially|every two years|every second year|on a biennial basis|biennial reports?)\\b",
    "\\b(triennially|every three years|every third year|on a triennial basis|triennial reports?)\\b",
    "\\b(quadrennially|every four years|on a quadrennial basis|quadrennial reports?)\\b",
    "\\b(every five years)\\b",
    "\\b(periodically|on a regular basis|regular reports)\\b",
  ].join("|"),
  "i",
);
const RECURRENCE_NAMES = ["annual", "biennial", "triennial", "quadrennial", "every 5 years", "periodic"];
const INFERRED_RECURRENCE = [null, "annual", "biennial", "triennial", "quadrennial"];

/**
 * How often the action recurs: as written ("biennially", "every three years"), or, for a report
 * due at a later session of the General Assembly, inferred from the gap between that session and
 * the resolution's own (a report requested at the sixty-fifth session by a resolution of the
 * sixty-third puts the item on a biennial cycle).
 */
function readRecurrence(action: string, report: boolean, due: number | null, session: number | null): string | null {
  const written = action ? RECURRENCE.exec(action) : null;
  if (written) return RECURRENCE_NAMES[written.slice(1).findIndex((g) => g !== undefined)]!;
  if (report && due !== null && session !== null) return INFERRED_RECURRENCE[due - session] ?? null;
  return null;
}

/** An end or review of the mandate written into its own clause: "until 1 July 2024", "for a period of three years". */
const END_OR_REVIEW = new RegExp(
  `\\buntil\\s+(?:${DATE_PATTERN}|(?:the\\s+end\\s+of\\s+)?(?:19|20|21)\\d\\d\\b|the\\s+end\\s+of\\b)|\\bfor\\s+a\\s+(?:further\\s+)?period\\s+of\\b|` +
    `\\bsubject\\s+to\\s+(?:a\\s+)?review\\b|\\bto\\s+be\\s+reviewed\\b|` +
    `\\bwith\\s+(?:a\\s+)?(?:periodic\\s+|mid-term\\s+)?reviews?\\b`,
  "i",
);

/** A decision of the body to review, extend or end something: its object is read up to a comma. */
const REVIEW_DECISION = /\b(?:decides|agrees|resolves)\b[^;]{0,300}?\bto\s+(?:review|extend|renew|terminate|discontinue)\s+(?:the\s+)?((?:(?:mandate|mandates|work|functioning|operation|activities|arrangements|composition|methods of work|programme|term)\s+of\s+(?:the\s+)?)?[^,;]{2,200})/gi;
const REVIEW_VERBS = /\bto (?:review|extend|renew|terminate|discontinue)\b/;
/** The time that makes it a review or end date. */
const REVIEW_TIME = new RegExp(`${ORDINAL_WORD_PATTERN}\\s+session|\\b(?:19|20|21)\\d\\d\\b|\\bperiod\\s+of\\b`, "i");

/**
 * Objects of the resolution's own review, extension or end decisions ("the mandate of the Special
 * Rapporteur"), in the paragraphs that have a clause of decision.
 */
function reviewedObjects(decisions: OperativeParagraph[]): string[] {
  const objects: string[] = [];
  for (const p of decisions) {
    if (!REVIEW_VERBS.test(p.text) || !REVIEW_TIME.test(p.text)) continue;
    REVIEW_DECISION.lastIndex = 0;
    for (let m = REVIEW_DECISION.exec(p.text); m; m = REVIEW_DECISION.exec(p.text)) objects.push(m[1]!);
  }
  return objects;
}

// ---------------------------------------------------------------------------------------------
// References: "it", "them", "him", "the Organization"

interface Referent {
  actor: string;
  canonical: string | null;
  type: ActorType;
  number: ActorNumber;
}

/** Short forms that stand for a body named earlier ("the Organization", "the Office"). */
const SHORT_FORM = /^(?:that\s+|this\s+)?(Organization|Office|Agency|Committee|Special Committee|Commission|Council|Court|Fund|Programme|Department|Division|Centre|Board|Conference|Forum|Entity|Institute|Mechanism|Authority|Unit|Mission|Panel|Tribunal|Group|Working Group|Force|Operation|Bureau|Government|Executive Director|High Commissioner|Special Rapporteur|Independent Expert|Special Envoy|Special Representative|Director-General|Administrator)$/;

/**
 * Names of bodies that the gazetteer does not know, for resolving references: a capitalised
 * name after "the" whose head is a body ("the Advisory Commission of the Agency").
 */
const PROPER_NAME = /\bthe\s+([A-Z][\w\u2019'-]*(?:\s+(?:(?:of|for|on|and|to|in)\s+(?:the\s+)?)?[A-Z][\w\u2019'-]*)*)/g;
const BODY_HEAD = /^(?:Commission|Committee|Council|Office|Organization|Agency|Fund|Programme|Board|Group|Court|Tribunal|Mechanism|Unit|Centre|Institute|Forum|Union|Bank|Department|Division|Secretariat|Authority|Conference|Assembly|Panel|Network|Alliance|Team|Mission|Force|Bureau|Service|Section|Branch|Entity|Facility|Foundation|University|Federation|Community|Organisation|Partnership|Coalition|Compact)$/;

function properNames(text: string): (Referent & { start: number; end: number })[] {
  const out: (Referent & { start: number; end: number })[] = [];
  PROPER_NAME.lastIndex = 0;
  for (let m = PROPER_NAME.exec(text); m; m = PROPER_NAME.exec(text)) {
    const name = m[1]!;
    const head = name.split(/\s+(?:of|for|on|to|in)\s/)[0]!.split(/\s+/).pop()!;
    if (!BODY_HEAD.test(head)) continue;
    out.push({ actor: name, canonical: null, type: guessActorType(name), number: "singular", start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Text read (whose mentions are found only when a reference needs them) or an addressee met. */
type TextItem = { source: string; from: number; to: number; mentions?: Referent[] };
type Item = TextItem | { addressee: Referent };

/** What joins members of a coordination: ", ", ", and ", " and ", after an optional "(UN-Women)". */
const COORDINATION = /^\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/;

/** The text of an item, cut from its source only when a reference needs it. */
const itemText = (item: TextItem) => (item.from === 0 && item.to === item.source.length ? item.source : item.source.slice(item.from, item.to));

function mentionsOf(item: TextItem): Referent[] {
  if (item.mentions) return item.mentions;
  const text = itemText(item);
  const known = findActorMentions(text).map((m) => ({
    actor: m.written.replace(/^the\s+/i, ""), canonical: m.canonical, type: m.type, number: m.number, start: m.start, end: m.end,
  }));
  const others = properNames(text).filter((n) => !known.some((k) => k.start <= n.start + 4 && k.end > n.start + 4));
  const sorted: (Referent & { start: number; end: number })[] = [];
  for (const m of [...known, ...others].sort((a, b) => a.start - b.start)) {
    const previous = sorted[sorted.length - 1];
    // "the United Nations Entity for ... Women (UN-Women)": the abbreviation is the same body
    if (previous && /^\s*\($/.test(text.slice(previous.end, m.start)) && text[m.end] === ")") previous.end = m.end + 1;
    else sorted.push({ ...m });
  }
  const mentions: Referent[] = [];
  // "the international financial institutions, international organizations and multilateral
  // development banks": a coordination is also one plural referent, after its members
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { actor, canonical, type, number } = sorted[i]!;
    mentions.push({ actor, canonical, type, number });
    const next = sorted[i + 1];
    if (next && COORDINATION.test(text.slice(sorted[i]!.end, next.start))) continue;
    if (i > run) {
      const first = sorted[run]!;
      mentions.push({ actor: text.slice(first.start, sorted[i]!.end).replace(/^the\s+/i, ""), canonical: first.canonical, type: first.type, number: "plural" });
    }
    run = i + 1;
  }
  item.mentions = mentions;
  return item.mentions;
}

/**
 * What has been read so far, in order. A pronoun stands for the last addressee that agrees with
 * it in the paragraph or the one before, else the last body named there; a short form ("the
 * Commission") for the last body named with that head anywhere before it, the title and preamble
 * included. Mentions are looked for only when a reference needs them: most paragraphs have none.
 */
class ReferenceContext {
  private previous = new Scope();
  private current = new Scope();
  private readonly earlier: Item[] = [];
  /** Per short form: how far `earlier` was searched and what was found, so each item is read once. */
  private readonly shortForms = new Map<string, { searched: number; found: Referent | null }>();
  private readonly described = new Map<string, Referent>();

  nextParagraph(): void {
    if (this.current.items.length) this.previous = this.current;
    this.current = new Scope();
  }

  /** Notes `source` (from `from` to `to`) as read; its mentions are found only if a reference asks. */
  read(source: string, from = 0, to = source.length): void {
    if (to <= from) return;
    const item: TextItem = { source, from, to };
    this.current.items.push(item);
    this.earlier.push(item);
  }

  add(addressee: Referent): void {
    const item = { addressee };
    this.current.add(item);
    this.earlier.push(item);
  }

  /** An addressee as the gazetteer knows it; the same names recur through a resolution. */
  describe(actor: string): Referent {
    let referent = this.described.get(actor);
    if (!referent) {
      const { known, number } = describeActor(actor);
      referent = { actor, canonical: known?.canonical ?? null, type: known?.type ?? guessActorType(actor), number };
      this.described.set(actor, referent);
    }
    return referent;
  }

  /** "it": a body; "them": a group; "him", "her": a person. */
  pronoun(word: string): Referent | null {
    const want: ActorNumber = /^(him|her)$/i.test(word) ? "person" : /^(them|they)$/i.test(word) ? "plural" : "singular";
    for (const scope of [this.current, this.previous]) {
      const found = scope.lastAddressee[want] ?? scope.lastMention(want);
      if (found) return found;
    }
    return null;
  }

  /** The last body whose name has `head` ("Organization" -> UNIDO; "Government" -> the last State). */
  shortForm(head: string): Referent | null {
    const word = new RegExp(`\\b${head.replace(/-/g, "[-\\s]")}\\b`);
    const ok =
      head === "Government"
        ? (r: Referent) => r.type === "member-states" && r.number === "singular" && r.canonical !== null
        : (r: Referent) => (r.canonical ?? r.actor) !== head && word.test(r.canonical ?? r.actor);
    const cached = this.shortForms.get(head) ?? { searched: 0, found: null };
    let found: Referent | null = null;
    // a text is read for mentions only when it has the word at all
    const clue = head === "Government" ? "" : head;
    for (let i = this.earlier.length - 1; i >= cached.searched && !found; i--) {
      const item = this.earlier[i]!;
      if ("addressee" in item) found = ok(item.addressee) ? item.addressee : null;
      else if (itemText(item).includes(clue)) found = lastOf(mentionsOf(item), ok);
    }
    const result = found ?? cached.found;
    this.shortForms.set(head, { searched: this.earlier.length, found: result });
    return result;
  }
}

/** What a pronoun can stand for. */
const standsFor = (r: Referent, want: ActorNumber) => r.number === want && r.canonical !== "General Assembly" && !PRONOUNS.test(r.actor);

/**
 * The items of one paragraph, with the last addressee and the last body named that each kind of
 * pronoun can stand for, kept up to date as items come: a paragraph of thousands of clauses
 * with a pronoun each was searched whole at every one.
 */
class Scope {
  readonly items: Item[] = [];
  readonly lastAddressee: Partial<Record<ActorNumber, Referent>> = {};
  /** Per kind of pronoun: how many items were read for mentions, and the last that fits. */
  private readonly mentioned: Partial<Record<ActorNumber, { read: number; found: Referent | null }>> = {};

  add(item: { addressee: Referent }): void {
    this.items.push(item);
    const r = item.addressee;
    if (standsFor(r, r.number)) this.lastAddressee[r.number] = r;
  }

  /** The last body named in the texts read that fits; texts are read for mentions only when asked. */
  lastMention(want: ActorNumber): Referent | null {
    const state = (this.mentioned[want] ??= { read: 0, found: null });
    for (; state.read < this.items.length; state.read++) {
      const item = this.items[state.read]!;
      if ("source" in item) state.found = lastOf(mentionsOf(item), (r) => standsFor(r, want)) ?? state.found;
    }
    return state.found;
  }
}

function lastOf(list: Referent[], ok: (r: Referent) => boolean): Referent | null {
  for (let i = list.length - 1; i >= 0; i--) if (ok(list[i]!)) return list[i]!;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The stage

interface Unit {
  /** Sub-paragraph label ("a", "a.i"), null for the chapeau. */
  label: string | null;
  text: string;
  position: Position;
  /** Text that follows the unit inside the paragraph's folded text (its sub-paragraphs). */
  tail: string;
}

interface Draft {
  verb: MandateVerb;
  actor: string;
  referent: Referent;
  action: string;
  sub: string | null;
  position: Position;
}

/** The enrichment stage: fills `operative[i].mandates` (cleared first, so it can run again). */
export function extractMandates(doc: Resolution): void {
  const lines = new LazyLineIndex(doc.source.text);
  const refs = new ReferenceContext();
  // bodies named in the title and preamble can be what the first paragraphs refer to
  if (doc.meta.title) refs.read(doc.meta.title);
  for (const pre of doc.preamble) refs.read(pre.text);
  const drafts: Draft[][] = [];
  const decisions: OperativeParagraph[] = [];
  for (const p of doc.operative) {
    refs.nextParagraph();
    const read = paragraphDrafts(p, refs, lines, doc.source.text);
    drafts.push(read.drafts);
    if (read.decides) decisions.push(p);
  }
  // a review decided anywhere in the resolution applies to the mandates before it too
  const reviewed = reviewedObjects(decisions);
  doc.operative.forEach((p, i) => {
    p.mandates = drafts[i]!.map((d) => finish(d, p, doc, reviewed));
  });
}

function units(p: OperativeParagraph): Unit[] {
  const out: Unit[] = [{ label: null, text: p.lead, position: p.position, tail: p.text.slice(p.lead.length) }];
  const walk = (subs: SubParagraph[], prefix: string) => {
    for (const s of subs) {
      const label = prefix ? `${prefix}.${s.label}` : s.label;
      out.push({ label, text: s.text, position: s.position, tail: "" });
      walk(s.children, label);
    }
  };
  walk(p.subparagraphs, "");
  return out;
}

/** A sub-paragraph's text with its own sub-paragraphs folded in. */
function foldedText(s: SubParagraph): string {
  return [s.text, ...s.children.map((c) => `(${c.label}) ${foldedText(c)}`)].join(" ");
}

/** The mandates of a paragraph before their deadlines and reports are read, and whether it decides anything. */
function paragraphDrafts(p: OperativeParagraph, refs: ReferenceContext, lines: LazyLineIndex, source: string): { drafts: Draft[]; decides: boolean } {
  const drafts: Draft[] = [];
  let decides = false;
  const all = units(p);
  // the chapeau's last clause may hand its addressee (or its verb) down to the sub-paragraphs
  let inherited: { verb: MandateVerb; actor: string | null; referent: Referent | null } | null = null;
  // the first sub-paragraph with each label, made once: found by a search of the list per
  // sub-paragraph, thousands of them cost the square of their number
  let byLabel: Map<string, SubParagraph> | null = null;
  for (const unit of all) {
    const isTopSub = unit.label !== null && !unit.label.includes(".");
    const clauses = findClauses(unit.text);
    decides ||= clauses.some((c) => /^(?:decides|agrees|resolves)/i.test(c.written));
    let pending: { verb: MandateVerb; actor: string; referent: Referent; position: Position }[] = [];
    if (isTopSub && inherited && !(clauses[0] && clauses[0].verbStart < 3)) {
      if (!byLabel) {
        byLabel = new Map();
        for (const s of p.subparagraphs) if (!byLabel.has(s.label)) byLabel.set(s.label, s);
      }
      const sub = byLabel.get(unit.label!)!;
      const firstClause = clauses[0]?.verbStart ?? unit.text.length;
      if (inherited.actor && inherited.referent) {
        drafts.push({ verb: inherited.verb, actor: inherited.actor, referent: inherited.referent, sub: unit.label,
          action: trimAction(firstClause < unit.text.length ? unit.text.slice(0, firstClause) : foldedText(sub)), position: unit.position });
      } else {
        // "Urges: (a) All States to ..." or "Decides: (a) That the Committee shall ..."
        const parsed = parseObject(inherited.verb, false, unit.text.slice(0, firstClause), false);
        if (parsed && parsed.action !== null) pushParsed(parsed, unit, unit.label, parsed.action);
      }
    }
    refs.read(unit.text, 0, clauses[0]?.verbStart ?? unit.text.length);
    for (let k = 0; k < clauses.length; k++) {
      const c = clauses[k]!;
      const end = clauses[k + 1]?.verbStart ?? unit.text.length;
      const last = k === clauses.length - 1;
      if (c.verb) {
        const span = unit.text.slice(c.objectStart, end);
        const nextIsMandate = clauses[k + 1]?.verb != null;
        // "Invites and encourages Member States to ...": one clause, with the first verb
        if (nextIsMandate && /^\s*and\s*$/i.test(span)) {
          clauses[k + 1]!.verb = c.verb;
          continue;
        }
        const parsed = parseObject(c.verb, c.thatClause, span, nextIsMandate);
        if (parsed) {
          if (parsed.chapeau && last && unit.label === null && p.subparagraphs.length) {
            const referent = referentFor(parsed.actor, refs);
            inherited = { verb: parsed.verb, actor: referent.actor, referent };
            refs.add(referent);
          } else if (parsed.sharesNext) {
            pending.push({ verb: parsed.verb, actor: parsed.actor, referent: referentFor(parsed.actor, refs), position: unit.position });
          } else if (parsed.action !== null) {
            // the last clause of a chapeau reads on into the sub-paragraphs, colon kept
            const raw = () => unit.text.slice(unit.text.indexOf(parsed.action!, c.objectStart)).trim();
            let action = last && unit.tail ? trimAction(`${raw()} ${unit.tail.trim()}`) : parsed.action;
            // "calls upon States to submit and encourages them to make available ... their reports":
            // a bare verb shares its object with the next clause, which is read with it
            if (nextIsMandate && action.split(" ").length <= 3) {
              const from = unit.text.indexOf(action, c.objectStart);
              action = trimAction(unit.text.slice(from, clauses[k + 2]?.verbStart ?? unit.text.length));
            }
            for (const shared of pending) drafts.push({ ...shared, action, sub: unit.label });
            pending = [];
            pushParsed(parsed, unit, unit.label, action, c.verbStart);
          }
        } else if (last && unit.label === null && p.subparagraphs.length && /^\s*:\s*$/.test(span)) {
          // "Decides:" / "Urges:": the verb governs each sub-paragraph
          inherited = { verb: c.verb, actor: null, referent: null };
        }
      }
      refs.read(unit.text, c.objectStart, end);
    }
  }
  return { drafts, decides };

  function pushParsed(parsed: ObjectParse, unit: Unit, sub: string | null, action: string, verbAt = 0): void {
    const referent = referentFor(parsed.actor, refs);
    refs.add(referent);
    drafts.push({ verb: parsed.verb, actor: referent.actor, referent, action, sub, position: narrow(unit, verbAt, lines, source) });
  }
}

/** A line index built on first use: most clauses start their unit and keep its position. */
class LazyLineIndex {
  private index: LineIndex | null = null;
  /**
   * Characters `narrow` may still read in the source. Each clause's verb is looked for from
   * its unit's start: a paragraph of thousands of clauses was read once per clause (minutes for
   * a few MB). The corpus reads at most its text's length; past the budget, clauses keep their
   * unit's position, as clauses whose verb is not found do.
   */
  probeBudget: number;
  constructor(private readonly text: string) {
    this.probeBudget = 4 * text.length + 100_000;
  }
  span(start: number, end: number): Position {
    return (this.index ??= new LineIndex(this.text)).span(start, end);
  }
}

/** The position of a clause: from its verb to the end of its unit, when the verb is found in the source. */
function narrow(unit: Unit, verbAt: number, lines: LazyLineIndex, source: string): Position {
  if (verbAt === 0 || lines.probeBudget < 0) return unit.position;
  const probe = unit.text.slice(verbAt, verbAt + 24);
  const from = unit.position.start.offset;
  const at = source.slice(from, unit.position.end.offset).indexOf(probe);
  lines.probeBudget -= at < 0 ? unit.position.end.offset - from : at + probe.length;
  return at < 0 ? unit.position : lines.span(from + at, unit.position.end.offset);
}

function referentFor(actor: string, refs: ReferenceContext): Referent {
  if (PRONOUNS.test(actor)) {
    const r = refs.pronoun(actor);
    if (r) return r;
  }
  const short = SHORT_FORM.exec(actor);
  if (short) {
    const r = refs.shortForm(short[1]!);
    if (r) return { ...r, actor, canonical: r.canonical ?? r.actor };
  }
  return refs.describe(actor);
}

/**
 * "the mandate of the Special Rapporteur ..." reviews the Special Rapporteur's mandates; "the
 * implementation of the present resolution" reviews them all.
 */
function namesReviewed(object: string, name: string): boolean {
  if (/^(?:the\s+)?implementation\s+of\s+(?:the\s+present|this)\s+resolution\b/i.test(object)) return true;
  const core = object.replace(/^(?:the\s+)?(?:(?:mandate|mandates|work|functioning|operation|activities|arrangements|composition|methods of work|programme|term)\s+of\s+)?(?:the\s+)?/i, "");
  return core.startsWith(name);
}

function finish(d: Draft, p: OperativeParagraph, doc: Resolution, reviewed: string[]): Mandate {
  const { category, force } = VERBS[d.verb];
  const actorHoldsSessions = d.referent.type === "intergovernmental" && d.referent.canonical !== "General Assembly";
  const needs = needsOf(d.action);
  const deadline = needs & NEEDS_DEADLINE ? readDeadline(d.action, { session: doc.meta.session, body: doc.meta.body, actorHoldsSessions }) : null;
  const report = (needs & NEEDS_REPORT) !== 0 && asksForReport(d.action);
  const dueSession = deadline?.session ?? null;
  const names = [d.referent.canonical, d.actor].filter((n): n is string => !!n && n.length > 3);
  const hasReviewOrEnd =
    ((needs & NEEDS_END) !== 0 && END_OR_REVIEW.test(d.action)) ||
    reviewed.some((object) => names.some((name) => namesReviewed(object, name)));
  return {
    in: `operative.${p.number}`,
    sub: d.sub,
    actor: d.actor,
    actorCanonical: d.referent.canonical,
    actorType: d.referent.type,
    verb: d.verb,
    category,
    force,
    action: d.action,
    report,
    reportTo: report ? reportRecipient(d.action, doc.meta.body, dueSession) : null,
    deliverable: needs & NEEDS_DELIVERABLE ? readDeliverable(d.action) : null,
    dueSession,
    deadline,
    recurrence: readRecurrence(needs & NEEDS_RECURRENCE ? d.action : "", report, dueSession, doc.meta.session),
    hasReviewOrEnd,
    position: d.position,
  };
}

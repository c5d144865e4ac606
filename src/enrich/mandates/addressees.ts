import { resolveActor } from "../../model/actors.js";
import { trimEndWhere } from "../../model/text.js";
import { isAgentNoun } from "../actors.js";
import { ADVERBS, LEADING_ADVERBS } from "./clauses.js";
import { PRONOUNS } from "./referents.js";

/**
 * The addressee of a mandate verb: where it ends (before the infinitive of its action), whether
 * a phrase can be one (its head is an agent), and its text without interjections.
 */

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

/** "to VERB", and "to, where appropriate, VERB": an aside may stand between "to" and its verb. */
const TO_WORD = /\b(not\s+)?to(?:\s*,[^,;:]{1,80},)?\s+([A-Za-z][A-Za-z-]*)/g;

/**
 * Nouns whose complement "to" names what they are party to: "all parties to armed conflict",
 * "signatories to it", "States parties to the Convention". After them "to" followed by a
 * participle ("armed", "organized") is a preposition, not the infinitive of the action.
 */
const PARTY_NOUNS = new Set("party parties signatory signatories successor successors adherent adherents".split(" "));

/** A participle right after "to be" ("to be represented"), read where it stands rather than from a copy of the rest. */
const PARTICIPLE_AT = /\s+[a-z]+ed\b/y;
function passiveAt(span: string, at: number): boolean {
  PARTICIPLE_AT.lastIndex = at;
  return PARTICIPLE_AT.test(span);
}

/** The word that ends just before `at` (white space between), or "". */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) <= 32) end--;
  let start = end;
  while (start > 0 && /[A-Za-z-]/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

/** Offset of "to VERB" (or "not to VERB") ending the addressee in `span`, or -1. */
export function infinitiveAt(span: string): number {
  TO_WORD.lastIndex = 0;
  for (let m = TO_WORD.exec(span); m; m = TO_WORD.exec(span)) {
    const word = m[2]!;
    // case matters: "the right to" takes an infinitive, "Human Rights to provide" ends a name
    const before = wordBefore(span, m.index);
    // "to be represented": a passive infinitive is an action; "to be" alone is not read as one
    const passive = word === "be" && passiveAt(span, TO_WORD.lastIndex);
    if (/^[A-Z]/.test(word) || (NOT_INFINITIVE.has(word.toLowerCase()) && !passive)) continue;
    if (/ing$/.test(word) && !/^(bring|sing|string)$/.test(word)) continue;
    if (INFINITIVE_COMPLEMENT_NOUNS.has(before) || PREPOSITION_TAKERS.has(before)) continue;
    if (PARTY_NOUNS.has(before.toLowerCase()) && /ed$/.test(word)) continue;
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

/** Splits an addressee phrase into its conjuncts ("industry", "interested Governments", ...). */
function conjuncts(np: string): string[] {
  return np.split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s+as well as\s+/).filter(Boolean);
}

/**
 * Cuts a conjunct before its post-modifiers: "the parties in the ongoing discussions" -> "the
 * parties", "the Committee established pursuant to resolution 1267" -> "the Committee".
 */
const POST_MODIFIER = /\s(?:that|which|who|whose|where|of|in|to|for|from|with|at|on|under|within|by|as|between|among|towards|through|across|regarding|concerning|including|such|like|concerned|involved|affected|being|having|present|directly|(?:established|created|set\s+up|appointed|mandated|composed|referred)(?=\s+(?:pursuant|by|under|in|at|on|for|to|through|with|of)\b))\s/g;

function headWord(conjunct: string): string {
  const padded = ` ${conjunct} `;
  POST_MODIFIER.lastIndex = 0;
  let cut = POST_MODIFIER.exec(padded);
  // "such organizations": a word that modifies what follows it, not what precedes
  while (cut && cut.index === 0) cut = POST_MODIFIER.exec(padded);
  const core = cut ? padded.slice(0, cut.index).trim() : conjunct.trim();
  // "all those directly involved": the adverb is not the head
  const words = core.split(/\s+/).filter((w, i, all) => i === 0 || !/^[a-z]+ly$/.test(w) || i < all.length - 1);
  return (words[words.length - 1] ?? "").replace(/[^\w\u00C0-\u024F'-]/g, "");
}

/**
 * Whether a phrase can be an addressee: its head must be an agent ("States", "the parties in
 * ...", "UNIDO"); a first conjunct that is a bare adjective ("regional, subregional and
 * interregional cooperation") hands the decision to the next one.
 */
export function isAddressee(np: string): boolean {
  if (!np || np.length > 400 || /[;:]/.test(np)) return false;
  if (PRONOUNS.test(np)) return true;
  const parts = conjuncts(np);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const head = headWord(part);
    if (isAgentNoun(head) || resolveActor(part)) return true;
    // lower-case words without a head noun are coordinated adjectives ("regional", "other
    // regional" in "other regional and international partners"): decide on the next conjunct
    if (i < parts.length - 1 && /^[a-z-]+(?:\s+[a-z-]*[^s\s])?$/.test(part)) continue;
    return false;
  }
  return false;
}

/** The addressee as written, without trailing interjections ("companies, where appropriate, ..."). */
export function cleanAddressee(raw: string): string {
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

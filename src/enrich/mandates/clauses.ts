import type { MandateVerb } from "./verbs.js";

/**
 * Clauses: a paragraph is read as a chain of clauses, each opened by a finite verb at a clause
 * boundary (the paragraph's start, or after ", ", "; ", ", and " or " and "). The clauses of
 * mandate verbs carry the verb in normal form and where its object starts.
 */

/** Finite verbs that open a clause. Mandate verbs are told apart by MANDATE_AT below. */
const CLAUSE_VERB = new RegExp(
  "\\b(?:" +
    [
      "requests", "urges", "encourages", "invites", "directs", "authorizes", "recommends", "decides", "calls",
      "appeals", "reiterates", "renews", "reaffirms", "repeats", "welcomes", "notes", "takes", "recognizes",
      "recalls", "stresses", "emphasizes", "underlines", "underscores", "acknowledges", "expresses", "commends",
      "condemns", "deplores", "endorses", "approves", "affirms", "supports", "looks", "highlights", "considers",
      "agrees", "declares", "adopts", "proclaims", "regrets", "reminds", "appreciates", "pays", "congratulates",
      "resolves", "demands", "believes", "observes", "reconfirms", "authorises", "extends", "continues", "reemphasizes",
    ]
      // capitalised at the start of a paragraph, lower case after a boundary (no "i" flag: faster)
      .map((verb) => `[${verb[0]!.toUpperCase()}${verb[0]}]${verb.slice(1)}`)
      .join("|") +
    ")\\b",
  "g",
);

/** Adverbs and fixed phrases that may stand between a clause boundary and its verb. */
export const ADVERBS =
  "also|further|furthermore|again|once again|once more|strongly|urgently|therefore|accordingly|moreover|" +
  "finally|in this regard|in that regard|in this context|in that context|in this respect|in that respect|" +
  "in this connection|in addition|to this end|in particular|consequently|thus|hence|earnestly|respectfully|additionally";

/** Adverbs (and commas) that open an object: "Requests, in this regard, the Secretary-General". */
export const LEADING_ADVERBS = new RegExp(`^[\\s,]*(?:(?:${ADVERBS})\\s*,?\\s*)*`, "i");

/**
 * The text before a clause verb ends at a boundary (checked on at most 80 characters). Each
 * adverb is followed by a comma or by spaces, never by both ambiguously, so a failing test does
 * not backtrack through ways of splitting white space.
 */
const BOUNDARY_BEFORE = new RegExp(`(?:^|[,;:]|\\band)\\s*(?:(?:${ADVERBS})(?:\\s*,\\s*|\\s+))*$`, "i");

const MANDATE_AT = new RegExp(
  "(?:" +
    // 1: single-word verbs ("authorises" as the Council now spells it)
    "(requests|urges|encourages|invites|directs|authori[sz]es|recommends|decides)\\b" +
    // 2: calls upon / calls on
    "|(calls)\\s+(?:(?:also|further|again|once again|once more|urgently|strongly)\\s+)?(?:upon|on)\\b" +
    // 3: appeals to
    "|(appeals)\\s+(?:(?:also|further|again|once again|once more|urgently|strongly)\\s+)?to\\b" +
    // 4, 5: renewed calls, counted with the verb of the call
    "|(?:reiterates|renews|reaffirms|repeats|reemphasizes)\\s+(?:also\\s+)?its\\s+(?:(?:strong|urgent|previous|earlier|firm|repeated|continued|earnest)\\s+)?" +
    "(calls?|requests?|invitations?|appeals?|encouragement|recommendations?)\\s+(upon|on|to|that)\\b" +
    // 6: a request that goes on: "continues to request the Secretary-General to"
    "|continues\\s+to\\s+(request|urge|encourage|invite|call\\s+upon|call\\s+on)\\b" +
    // 7: a decision the verb makes itself: "Extends once more the stationing in Cyprus of the Force", "Renews the mandate of"
    "|(extends|renews)(?=\\s+(?:once\\s+more\\s+|further\\s+|again\\s+)?(?:the\\s+(?:present\\s+)?(?:mandates?|stationing|presence)\\b|its\\s+mandate\\b))" +
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

const CONTINUED_VERB: Record<string, MandateVerb> = {
  request: "requests",
  urge: "urges",
  encourage: "encourages",
  invite: "invites",
  "call upon": "calls upon",
  "call on": "calls upon",
};

export interface Clause {
  /** Where the verb phrase starts and the object starts, in the unit's text. */
  verbStart: number;
  objectStart: number;
  /** Null for clauses that are not mandates ("welcomes", "calls for"): they only end the previous one. */
  verb: MandateVerb | null;
  /** The renewed form already consumed "that" ("reiterates its request that"). */
  thatClause: boolean;
  written: string;
}

export function findClauses(text: string): Clause[] {
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
      if (v[1]) verb = v[1].toLowerCase().replace("authorises", "authorizes") as MandateVerb;
      else if (v[2]) verb = "calls upon";
      else if (v[3]) verb = "appeals";
      else if (v[4]) {
        verb = RENEWED_VERB[v[4].toLowerCase()] ?? null;
        thatClause = v[5]!.toLowerCase() === "that";
        // "reiterates its call upon X": the object follows; "its request that X": a that-clause
        if (thatClause) objectStart = MANDATE_AT.lastIndex - 4;
      } else if (v[6]) {
        verb = CONTINUED_VERB[v[6].toLowerCase().replace(/\s+/g, " ")] ?? null;
      } else if (v[7]) {
        // the decision's reader takes the verb itself as the start of its object
        verb = "decides";
        objectStart = at;
      }
    }
    // participles and plain nouns never reach here: only finite forms are in CLAUSE_VERB
    clauses.push({ verbStart: at, objectStart, verb, thatClause, written: text.slice(at, objectStart) });
    // past the verb: a decision the verb makes itself has its object start at the verb
    CLAUSE_VERB.lastIndex = Math.max(objectStart, at + m[0].length);
  }
  return clauses;
}

function atBoundary(text: string, at: number): boolean {
  const from = Math.max(0, at - 80);
  // a sentinel keeps "^" from matching in the middle of the text
  const before = (from > 0 ? "\u0000" : "") + text.slice(from, at);
  return BOUNDARY_BEFORE.test(before);
}

/** An action without the punctuation and conjunction that joined it to what follows. */
export function trimAction(action: string): string {
  let end = action.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(action[end - 1]!)) end--;
  const trimmed = action.slice(0, end);
  return (/\s(?:and|or)$/.test(trimmed) ? trimmed.replace(/,?\s+(?:and|or)$/, "") : trimmed).trim();
}

const TRAILING_PUNCTUATION = new Set([" ", "\t", "\n", "\r", "\u00a0", ",", ";", ".", ":"]);

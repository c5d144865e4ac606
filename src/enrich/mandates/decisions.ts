import type { MandateDecisionKind } from "../../model/types.js";
import { DATE_PATTERN } from "../../model/dates.js";
import { resolveActor } from "../../model/actors.js";
import { isAddressee } from "./addressees.js";
import { trimAction } from "./clauses.js";
import { FOR_PERIOD_SOURCE } from "./due-dates.js";
import type { ObjectParse } from "./objects.js";
import { parseThatClause } from "./that-clauses.js";
import type { MandateVerb } from "./verbs.js";

/**
 * What a body decides: a request it decides to make ("decides to request the Secretary-General
 * to ..."), a task it decides an actor shall carry out ("decides that all States shall ..."), or
 * a decision about a body's mandate ("decides to extend the mandate of UNITAMS until 3 June
 * 2023", "(b) To renew the mandate of the United Nations Disengagement Observer Force ...",
 * "decides to establish, for a period of three years, a working group on ...", "decides that the
 * mandate of MINUSCA shall include ..."), whose actor is the body whose mandate it is. The body's
 * decisions about itself ("decides to include in the provisional agenda", "decides to remain
 * seized") and about things that are not bodies ("decides to renew the measures imposed by
 * paragraph 11", "decides to extend the authorizations set out in resolution 2635") are not
 * mandates.
 */

/** How the object of the decided request is read: as any mandate verb's (objects.ts passes its reader in, so that this module does not import the one that imports it). */
export type ObjectReader = (verb: MandateVerb, thatClause: boolean, span: string, canShare: boolean) => ObjectParse | null;

/** An aside between "decides" and its "to": "Decides, in the light of the request of the Government of Lebanon, to establish ...". */
const ASIDE =
  "(?:,?\\s*(?:in|as|at|upon|on|under|with|without|following|pending|after|before|for|by|having|taking|bearing|acting|consistent|subject|pursuant|while|within|through|without)\\b[^;:]{0,300}?,\\s*(?=to\\s|that\\s))?";

const DECIDES_TO = new RegExp(`^${ASIDE}to\\s+(request|invite|encourage|urge|call upon|call on|authori[sz]e|direct|appeal to|recommend)\\b`, "i");
const BASE_VERB: Record<string, MandateVerb> = {
  request: "requests",
  invite: "invites",
  encourage: "encourages",
  urge: "urges",
  "call upon": "calls upon",
  "call on": "calls upon",
  authorize: "authorizes",
  authorise: "authorizes",
  direct: "directs",
  "appeal to": "appeals",
  recommend: "recommends",
};

/** "to extend", "to set up", and the operative verbs "Extends" and "Renews" that make the decision themselves. */
const DECISION_AT = new RegExp(
  `^${ASIDE}(?:to\\s+(extend|renew|prolong|establish|set\\s+up|create|dispatch|terminate|discontinue|end|modify|expand)|(extends|renews))\\b`,
  "i",
);
const KIND: Record<string, MandateDecisionKind> = {
  extend: "extend",
  extends: "extend",
  prolong: "extend",
  renew: "renew",
  renews: "renew",
  establish: "establish",
  "set up": "establish",
  create: "establish",
  dispatch: "establish",
  terminate: "terminate",
  discontinue: "terminate",
  end: "terminate",
  modify: "modify",
  expand: "modify",
};

/** Words that may stand between the verb and its object: adverbs, asides, the period or end of the decision. */
const BEFORE_OBJECT = new RegExp(
  "^(?:\\s*,?\\s*(?:once more|once again|further|also|immediately|urgently|as an interim measure|as an exceptional measure|" +
    `under its authority|(?:until|to|as of|as from|with effect from|through)\\s+${DATE_PATTERN}|` +
    `${FOR_PERIOD_SOURCE}|for\\s+the\\s+period\\s+[\\d\\u2013\\u2014-]{4,11}|renewable as necessary|in the light of [^,;]{1,120}|in accordance with [^,;]{1,120}))*\\s*,?\\s*`,
  "i",
);

/** The object of a decision about an existing mandate: "the (present) mandate of X", "its mandate", "X's mandate", "the tasks of X". */
const MANDATE_OF = /^(?:the\s+)?(?:(?:present|current|existing)\s+)?(?:mandates?|tasks?|stationing(?:\s+in\s+[A-Z][\w-]*)?|presence)\s+of\s+/i;
const POSSESSIVE_MANDATE = /^(its|their)\s+(?:present\s+)?mandates?\b/i;
const NAMED_MANDATE = /^(?:the\s+)?([A-Z][\w\u2019'-]*(?:\s+[A-Z][\w\u2019'-]*){0,6})[\u2019']s?\s+mandate\b/;

/**
 * Where the name of a body ends: before its period, end, purpose, composition or source. White
 * space before a comma is taken from the start of its run only: tried from every space of a long
 * run, it would read the run again each time.
 */
const NAME_END = new RegExp(
  "(?<!\\s)\\s*(?:[,;:]|\\s(?:shall|should|will|is|are|must|may)\\b|\\s(?:for\\s+(?:a|an|another|one|two|three|four|five|six|twelve|eighteen|\\d+|further|the\\s+period)\\b|until\\b|to\\s+\\d|" +
    "to\\s+(?!the\\b|Libya\\b)[a-z]|as\\s+(?:set|defined|contained|specified|established|envisaged|previously|provided|outlined|described|modified|mandated|requested|recommended|renewed|extended|expanded|an?)\\b|in\\s+accordance\\b|under\\s+(?:its|the|agenda|paragraph|chapter)\\b|" +
    "with\\s+(?:the|a|its|effect)\\b|that\\s+is\\b|ending\\b|pursuant\\b|which\\b|who\\b|established\\b|composed\\b|consisting\\b|comprising\\b|" +
    "in\\s+order\\b|so\\s+as\\b|on\\s+the\\s+(?:same|basis)\\b|and\\s+(?:to|requests|decides|calls|urges|expresses|further|also|reporting|all\\s+work)\\b|headed\\b|led\\b|" +
    "subject\\s+to\\b|starting\\b|beginning\\b|from\\s+(?:the|\\d)|within\\b|through\\s+\\d|as\\s+from\\b|as\\s+of\\b|in\\s+the\\s+light\\b|under\\s+its\\s+authority\\b))",
);

/** Head nouns of the bodies a decision can establish: a force, a mission, a committee, a rapporteur. */
const BODY_HEAD = /^(?:force|mission|operation|office|group|committee|commission|panel|team|mechanism|rapporteur|expert|experts|observers|tribunal|court|board|unit|presence|body|envoy|representative|administration|authority|directorate|ombudsperson|forum|council|subcommittee|secretariat|agency|monitor|monitors)s?$/i;

/** Whether a name's head, its last word before its complement ("working group" in "working group on the rights of peasants"), is a body. */
function headIsBody(name: string): boolean {
  const head = name.replace(/\s*\([^()]*\)\s*$/, "").split(/\s+(?:on|of|for|in|to|concerning|regarding|co-chaired|chaired|led|headed)\s/)[0]!;
  return BODY_HEAD.test(head.split(/\s+/).at(-1) ?? "");
}

/** "(UNSMIL)" after a name is its abbreviation, not part of what is written as the actor. */
const TRAILING_ABBREVIATION = /\s*\([A-Z][A-Za-z-]{1,14}\)$/;

export function parseDecision(body: string, readObject: ObjectReader): ObjectParse | null {
  // "Decides, without prejudice to its existing mandate ..., that UNMIS' mandate shall be expanded"
  const that = new RegExp(`^${ASIDE}that\\s`, "i").exec(body);
  if (that) return decidedThat(body.slice(that[0].length));
  const to = DECIDES_TO.exec(body);
  if (to) {
    const base = to[1]!.toLowerCase().replace(/\s+/g, " ");
    return readObject(BASE_VERB[base]!, false, body.slice(to[0].length), false);
  }
  return mandateDecision(body);
}

/** "decides that all States shall ...", "decides that the mandate of X shall ...", "decides that X is authorized to ...". */
function decidedThat(clause: string): ObjectParse | null {
  const about = mandateOf(clause);
  if (about) {
    const after = clause.slice(about.length);
    // "shall include", "shall be expanded", "shall be to support": a decision; "is designed to" describes
    if (/^[^;]{0,200}?\b(?:shall|should|will)\b/i.test(after)) {
      const kind: MandateDecisionKind = /^[^;]{0,200}?\b(?:shall|should|will)\s+be\s+(?:extended|prolonged)\b/i.test(after)
        ? "extend"
        : /^[^;]{0,200}?\b(?:shall|should|will)\s+be\s+renewed\b/i.test(after)
          ? "renew"
          : /^[^;]{0,200}?\b(?:shall|will)\s+(?:terminate|end|expire|cease)\b/i.test(after)
            ? "terminate"
            : "modify";
      return { actor: about.actor, action: trimAction(after), chapeau: false, sharesNext: false, verb: "decides", decision: kind };
    }
  }
  // "decides that UNMIS is authorized to use all necessary means": an authorization of UNMIS
  const authorized = /^([^;:]{2,160}?)\s+(?:is|are)\s+(?:hereby\s+)?authori[sz]ed\s+to\s/i.exec(clause);
  if (authorized) {
    const actor = authorized[1]!.replace(/^the\s+/i, "").trim();
    if (isAddressee(actor)) return { actor, action: trimAction(clause.slice(authorized[1]!.length).trim()), chapeau: false, sharesNext: false, verb: "decides" };
  }
  const parsed = parseThatClause("decides", clause, true);
  // "decides that it shall remain seized": the body itself
  return parsed && !/^(?:(?:General\s+)?Assembly|it|they|(?:the\s+)?(?:Security\s+)?Council)$/i.test(parsed.actor) ? parsed : null;
}

/** "the mandate of UNMISS", "UNMIS' mandate": the words and the body named, at the start of `text`. */
function mandateOf(text: string): { length: number; actor: string } | null {
  const of = MANDATE_OF.exec(text);
  if (of) {
    const name = bodyName(text.slice(of[0].length));
    return name ? { length: of[0].length + name.length, actor: name.actor } : null;
  }
  const named = NAMED_MANDATE.exec(text);
  if (named && (resolveActor(named[1]!) || headIsBody(named[1]!) || /^[A-Z]{3,}/.test(named[1]!))) return { length: named[0].length, actor: named[1]! };
  return null;
}

/** The name of a body at the start of `text`, up to its period, end, purpose or composition. */
function bodyName(text: string): { length: number; actor: string } | null {
  // "the Special Rapporteur, under the title Special Rapporteur on ..., for a period of": the new title
  const titled = /^(?:the\s+)?[^,;]{2,60},\s+under\s+the\s+title\s+(?:of\s+)?([^;]{5,300}?),\s/i.exec(text);
  if (titled) return { length: titled[0].length, actor: titled[1]!.trim() };
  const end = NAME_END.exec(text);
  const raw = (end ? text.slice(0, end.index) : text.slice(0, 300)).trim();
  const actor = raw.replace(/^(?:the|a|an)\s+/i, "").replace(TRAILING_ABBREVIATION, "").trim();
  if (!actor || actor.length > 250 || !/[A-Za-z]/.test(actor)) return null;
  // a body: one the gazetteer knows, or a name whose head is a body ("a working group on ...")
  if (!resolveActor(actor) && !headIsBody(actor) && !/^[A-Z]{3,}\b/.test(actor)) return null;
  return { length: (end ? end.index : raw.length), actor };
}

/** "to extend the mandate of X ...", "to establish ... a working group ...", "Extends once more the stationing of X". */
function mandateDecision(body: string): ObjectParse | null {
  const at = DECISION_AT.exec(body);
  if (!at) return null;
  const verbWord = (at[1] ?? at[2])!;
  const kind = KIND[verbWord.toLowerCase().replace(/\s+/g, " ")]!;
  // the action reads as the other mandates' do: "to extend the mandate of ... until ..."; the
  // operative verb that makes the decision itself ("Renews the mandate of ...") in its base form
  const base = at[2] ? verbWord.toLowerCase().replace(/s$/, "") : verbWord;
  const action = trimAction(`to ${base}${body.slice(at[0].length)}`);
  let rest = body.slice(at[0].length);
  rest = rest.slice(BEFORE_OBJECT.exec(rest)![0].length);
  if (kind === "establish") {
    const name = bodyName(rest);
    return name ? { actor: name.actor, action, chapeau: false, sharesNext: false, verb: "decides", decision: kind } : null;
  }
  const possessive = POSSESSIVE_MANDATE.exec(rest);
  if (possessive) {
    return { actor: possessive[1]!.toLowerCase() === "its" ? "it" : "them", action, chapeau: false, sharesNext: false, verb: "decides", decision: kind };
  }
  const about = mandateOf(rest);
  return about ? { actor: about.actor, action, chapeau: false, sharesNext: false, verb: "decides", decision: kind } : null;
}

import type { MandateDecisionKind } from "../../model/types.js";
import { cleanAddressee, infinitiveAt, isAddressee } from "./addressees.js";
import { LEADING_ADVERBS, trimAction } from "./clauses.js";
import { parseDecision } from "./decisions.js";
import { parseThatClause } from "./that-clauses.js";
import type { MandateVerb } from "./verbs.js";

/**
 * The object of a mandate verb: an addressee and its action, as an infinitive ("invites States
 * to contribute"), a colon before sub-paragraphs ("Requests the Secretary-General:"), a
 * that-clause ("recommends that Member States reaffirm"), a decision ("decides to request ...")
 * or an addressee sharing the next clause's action ("requests X and invites Y to ...").
 */

export interface ObjectParse {
  actor: string;
  /** The action, "to ..." (null when it follows in sub-paragraphs or in the next clause). */
  action: string | null;
  /** Addressee followed by ":": each sub-paragraph is an action. */
  chapeau: boolean;
  /** "requests X and invites Y to ...": the action is the next clause's. */
  sharesNext: boolean;
  verb: MandateVerb;
  /** A decision about the actor's own mandate ("decides to extend the mandate of X"). */
  decision?: MandateDecisionKind;
}

/** What is asked of someone named after "from": "a comprehensive update from the Secretary-General". */
const ASKED_FROM =
  /^(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:update|report|briefing|assessment|review|plan|proposals?|options|recommendations|information|analysis|evaluation)s?\s+from\s+(?:the\s+)?([A-Z][^,;:]{1,100}?)(?=\s+(?:on|by|in|at|no|not|within|before|regarding|about|concerning|every)\b|[,;:]|$)/;

/** Reads the object of a mandate verb in `span`, the text of its clause after the verb. */
export function parseObject(verb: MandateVerb, thatClause: boolean, span: string, canShare: boolean): ObjectParse | null {
  const lead = LEADING_ADVERBS.exec(span)![0].length;
  const body = span.slice(lead);
  if (verb === "decides") return parseDecision(body, parseObject);
  // "Recommends to the General Assembly that Zanzibar be admitted": the body recommended to
  const recommendedTo = verb === "recommends" ? /^to\s+(?:the\s+)?([^,;:]{2,120}?)\s+that\s/i.exec(body) : null;
  if (recommendedTo && isAddressee(recommendedTo[1]!)) {
    return { actor: cleanAddressee(recommendedTo[1]!), action: trimAction(body.slice(recommendedTo[0].length)), chapeau: false, sharesNext: false, verb };
  }
  // "Requests a comprehensive update from the Secretary-General on these requests by 11 October 2024"
  const from = verb === "requests" ? ASKED_FROM.exec(body) : null;
  if (from && isAddressee(from[1]!)) return { actor: cleanAddressee(from[1]!), action: trimAction(body), chapeau: false, sharesNext: false, verb };
  if (thatClause || /^that\s/i.test(body)) {
    if (verb === "authorizes" || verb === "invites" || verb === "encourages" || verb === "calls upon" || verb === "appeals") return null;
    return parseThatClause(verb, body.replace(/^that\s+/i, ""), false);
  }
  const to = infinitiveAt(body);
  if (to > 0) {
    // "recommends to the Secretary-General to consider": the one recommended to
    const raw = verb === "recommends" || verb === "appeals" ? body.slice(0, to).replace(/^\s*to\s+/i, "") : body.slice(0, to);
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

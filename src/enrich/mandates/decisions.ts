import type { ObjectParse } from "./objects.js";
import { parseThatClause } from "./that-clauses.js";
import type { MandateVerb } from "./verbs.js";

/**
 * How the object of the decided request is read: as any mandate verb's (objects.ts passes its
 * reader in, so that this module does not import the one that imports it).
 */
export type ObjectReader = (verb: MandateVerb, thatClause: boolean, span: string, canShare: boolean) => ObjectParse | null;

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
export function parseDecision(body: string, readObject: ObjectReader): ObjectParse | null {
  if (/^that\s/i.test(body)) {
    const parsed = parseThatClause("decides", body.slice(5), true);
    // "decides that it shall remain seized": the body itself
    return parsed && !/^(?:(?:General\s+)?Assembly|it|they)$/i.test(parsed.actor) ? parsed : null;
  }
  const to = DECIDES_TO.exec(body);
  if (!to) return null;
  const verb = BASE_VERB[to[1]!.toLowerCase().replace(/\s+/g, " ")]!;
  return readObject(verb, false, body.slice(to[0].length), false);
}

import type { ActorType } from "../model/types.js";
import missions from "../model/missions.json" with { type: "json" };

/**
 * Addressees the gazetteer (src/model/actors.ts) does not know: whether a head noun names an
 * agent that can be asked to act, and the type its words suggest.
 */

/** Lower-case head nouns that name agents; used by `isAgentNoun` for addressees not in the list. */
const AGENT_NOUNS = new Set(
  ("states state governments government countries country parties party organizations organization agencies agency " +
    "entities entity bodies body institutions institution stakeholders donors donor community communities sector " +
    "society companies company enterprises businesses business industry industries members member partners partner " +
    "actors actor authorities authority leaders leadership holders rapporteurs rapporteur experts expert " +
    "representatives representative officials secretariat secretariats commissions commission committees committee " +
    "council councils group groups forum forums fund funds programmes programme offices office system systems " +
    "banks bank peoples people individuals media academia operators producers providers users manufacturers " +
    "employers workers unions associations networks universities teams missions administrations powers power " +
    "nations parliaments parliamentarians legislators judiciary courts court tribunals tribunal mechanisms " +
    "procedures coordinators coordinator heads head chairs chair president presidents bureau director directors " +
    "administrator envoy envoys adviser advisers facilitators participants contributors others all those everyone " +
    "youth women men girls boys persons families schools educators teachers scientists researchers journalists " +
    "defenders alliances coalitions secretary-general cities municipalities regions " +
    "territories territory departments department divisions division units unit centres centre " +
    "boards board assemblies assembly conferences conference panels panel institutes institute foundations").split(" "),
);

/** Plural nouns of agents by their ending: "creditors", "investors", "journalists", "migrants", "residents". */
const AGENT_PLURAL = /(?:ors|ers|ists|ants|[^m]ents|ians)$/;

/** Whether a (lower-case or capitalised) head noun names an agent that can be asked to act. */
export function isAgentNoun(word: string): boolean {
  if (!word) return false;
  if (/^[A-Z]/.test(word)) return true;
  const lower = word.toLowerCase();
  return AGENT_NOUNS.has(lower) || MORE_AGENT_NOUNS.has(lower) || AGENT_PLURAL.test(word);
}

/** The head nouns of agents that the missions' data adds: "both sides", "signatories to it", "the task force". */
const MORE_AGENT_NOUNS = new Set<string>(missions.agentNouns);

/**
 * Type of an addressee that the gazetteer does not know, from the words it is made of: groups of
 * States, United Nations entities, intergovernmental bodies, or other actors.
 */
export function guessActorType(text: string): ActorType {
  if (/\b(States?|Governments?|countries|Powers?)\b/.test(text)) return "member-states";
  if (/\b(Secretariat|Secretary-General|Department|Under-Secretary)\b/.test(text)) return "secretariat";
  if (/\bUnited Nations\b|\b(Programme|Fund|Agency|Office|Entity|Rapporteur|Expert)\b/.test(text)) return "un-system";
  if (/\b(Council|Committee|Commission|Conference|Assembly|Forum|Board|Union|Community)\b/.test(text)) return "intergovernmental";
  return "other";
}

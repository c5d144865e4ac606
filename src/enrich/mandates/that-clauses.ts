import { resolveActor } from "../../model/actors.js";
import { isAgentNoun } from "../actors.js";
import { cleanAddressee, isAddressee } from "./addressees.js";
import { trimAction } from "./clauses.js";
import type { ObjectParse } from "./objects.js";
import type { MandateVerb } from "./verbs.js";

/** Subjunctive or modal verb of a that-clause: "Member States reaffirm", "the Committee shall continue". */
const MODALS = new Set(["shall", "should", "will", "must", "may"]);
const NOUN_SUFFIX = /(ment|tion|sion|ity|ness|ance|ence|ship|ism|ary|ies|ous|ful|ical|ual|ial|al|ic|ive)$/;
const NP_WORDS = new Set("the of and for on in to with all other relevant its their a an or as well at by".split(" "));
const RELATIVE = new Set(["which", "who", "whom", "whose", "that"]);
const STATUS_VERBS = new Set("be have receive enjoy remain consist comprise apply expire cease enter".split(" "));
const PASSIVE_PARTICIPLE = /(ed|en|wn|eld|ade|one|ught|ept|ilt|ung)$/;

/** Verbs that follow a named actor in the indicative: "requests that the Secretary-General reports to the Council". */
const INDICATIVE = new Set(("reports submits provides ensures continues informs briefs includes presents takes keeps develops undertakes " +
  "conducts establishes explores implements prepares updates").split(" "));

export function parseThatClause(verb: MandateVerb, body: string, modalOnly: boolean): ObjectParse | null {
  const clause = body.slice(0, 600);
  if (!modalOnly) {
    const indicative = /^((?:the\s+)?[A-Z][\w\u2019'-]*(?:[\s-]+[A-Z][\w\u2019'-]*){0,6})\s+([a-z]+s)\s/.exec(clause);
    if (indicative && INDICATIVE.has(indicative[2]!) && resolveActor(indicative[1]!)) {
      return { actor: cleanAddressee(indicative[1]!), action: trimAction(body.slice(indicative[1]!.length).trim()), chapeau: false, sharesNext: false, verb };
    }
  }
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
  // "decides that the Committee shall be composed of", "shall have", "shall receive", "shall continue to comprise": a status, not a task
  if (modalOnly && STATUS_VERBS.has(verbWord)) return null;
  if (modalOnly && verbWord === "continue" && STATUS_VERBS.has(/^\s*continue\s+to\s+([a-z]+)/.exec(clause.slice(npEnd).replace(/^\s*(?:shall|should|will|must|may)\s+(?:not\s+)?/, " "))?.[1] ?? "")) return null;
  if (verbWord === "be" && PASSIVE_PARTICIPLE.test(/\bbe\s+([a-z]+)/.exec(clause.slice(npEnd))?.[1] ?? "")) return null;
  const raw = clause.slice(0, npEnd);
  const actor = cleanAddressee(raw);
  if (!isAddressee(actor)) return null;
  return { actor, action: trimAction(body.slice(npEnd)), chapeau: false, sharesNext: false, verb };
}

import { trimEndWhere } from "../../model/text.js";

/**
 * Opening phrases are compared in one normal form: lower case, straight punctuation, single
 * spaces, and without the adverbs that only mark repetition ("Recalling also", "Further
 * decides"). Operative verbs also lose intensifiers ("Strongly condemns"), as the gold
 * contract asks; preambular phrases keep them ("strongly condemning" is a phrase of its own).
 */
const PREAMBLE_DROP = new Set(["also", "further", "furthermore"]);
const OPERATIVE_DROP = new Set(["also", "further", "furthermore", "again", "strongly"]);

export type PhraseKind = "preamble" | "operative";

export function normalisePhrase(phrase: string, kind: PhraseKind): string {
  const drop = kind === "preamble" ? PREAMBLE_DROP : OPERATIVE_DROP;
  const words = trimEndWhere(phrase.normalize("NFKC").toLowerCase().replace(/[\u2018\u2019]/g, "'"), /[,;:]/)
    .split(/\s+/)
    .filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (kind === "operative" && w === "once" && words[i + 1] === "again") {
      i++;
      continue;
    }
    if (drop.has(w)) continue;
    kept.push(w.replace(/,$/, ""));
  }
  return kept.join(" ");
}

/**
 * Articles, pronouns, prepositions and the like: never the first word of an opening phrase. In
 * the articles of statutes, rules and declarations that the paragraph data carries as operative
 * text ("The Commission shall invite", "In this regard, ...") a first word taken for the verb made
 * "the" and "in" among the commonest verbs of the registry.
 */
const CLOSED_CLASS = new Set(
  ("a an the this that these those each every all any both either neither no its their our his her it they " +
    "in on at by for from to of with within without upon after before during under as if when where while")
    .split(" "),
);

/** Whether a phrase in normal form opens with a closed-class word (see CLOSED_CLASS): then it is no opening phrase. */
export function opensWithClosedClassWord(normal: string): boolean {
  const space = normal.indexOf(" ");
  return CLOSED_CLASS.has(space === -1 ? normal : normal.slice(0, space));
}

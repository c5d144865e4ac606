import type { VerbCategory } from "../../model/types.js";

/** The verbs that give mandates, in normal form, and the category and force of each. */
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
export const VERBS: Record<MandateVerb, { category: VerbCategory; force: number }> = {
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

import type { XMLBuilder } from "xmlbuilder2/lib/interfaces.js";
import { sponsorSentence } from "../../model/official.js";
import type { MemberVote, Resolution } from "../../model/types.js";
import { UNKNOWN_DATE } from "./meta.js";
import { AKN_NAMESPACE, xmlSafe } from "./xml.js";

/**
 * The official facts of an adoption in `<meta>`, where and as the UN's AKN4UN files put them
 * (src/ingest/akn/official.ts reads them back):
 *
 * - the Library's subjects: `classification` keywords whose `dictionary` is the vocabulary;
 * - `workflow`: a `draftResolution` step by the sponsors ("BELARUS, KAZAKHSTAN and TAJIKISTAN",
 *   one sentence, as the UN writes them), `draftResolutionAdditionalSponsors`, and the `adopted`
 *   step `as` the meeting record;
 * - `analysis/parliamentary/voting outcome="adoptedRecordedVote"`: one `count` per column
 *   (`refersTo` #inFavour, #against, #abstaining) listing the Member States in
 *   `akn4un:voters/organization`; a vote without a vote holds an empty `quorum`, as the UN's do
 *   (the schema wants a count or a quorum in a voting).
 */

export const AKN4UN_NAMESPACE = "http://un.org/akn4un";

const COLUMNS: [MemberVote, "inFavour" | "against" | "abstaining"][] = [
  ["yes", "inFavour"],
  ["no", "against"],
  ["abstain", "abstaining"],
];

export function writeSubjects(meta: XMLBuilder, doc: Resolution): void {
  const subjects = doc.meta.subjects ?? [];
  if (!subjects.length) return;
  const classification = meta.ele("classification", { source: "#un" });
  for (const { term, vocabulary } of subjects) {
    classification.ele("keyword", { value: xmlSafe(term), showAs: xmlSafe(term), dictionary: xmlSafe(vocabulary) });
  }
}

export function writeWorkflow(meta: XMLBuilder, doc: Resolution, editor: string, author: string): void {
  const m = doc.meta;
  const steps: Record<string, string>[] = [];
  if (m.sponsors?.length) steps.push({ date: UNKNOWN_DATE, outcome: "draftResolution", by: sponsorSentence(m.sponsors) });
  if (m.additionalSponsors?.length) steps.push({ date: UNKNOWN_DATE, outcome: "draftResolutionAdditionalSponsors", by: sponsorSentence(m.additionalSponsors) });
  if (m.meetingRecord) steps.push({ date: m.adoptionDate ?? UNKNOWN_DATE, outcome: "adopted", as: m.meetingRecord, by: `#${author}` });
  if (!steps.length) return;
  const workflow = meta.ele("workflow", { source: `#${editor}` });
  for (const step of steps) workflow.ele("step", Object.fromEntries(Object.entries(step).map(([k, v]) => [k, xmlSafe(v)])));
}

export function writeVoting(meta: XMLBuilder, doc: Resolution, editor: string): void {
  const voting = doc.meta.voting;
  if (!voting) return;
  const element = meta.ele("analysis", { source: `#${editor}` }).ele("parliamentary").ele("voting", { outcome: voting.outcome });
  let counted = false;
  for (const [vote, column] of COLUMNS) {
    const states = (voting.members ?? []).filter((m) => m.vote === vote).map((m) => m.state);
    const value = voting[column] ?? (states.length ? states.length : null);
    if (value === null) continue;
    counted = true;
    const count = element.ele("count", { value: String(value), refersTo: `#${column}` });
    if (!states.length) continue;
    const voters = count.ele(AKN4UN_NAMESPACE, "akn4un:voters");
    for (const state of states) voters.ele(AKN_NAMESPACE, "organization", { refersTo: "#memberState" }).txt(xmlSafe(state));
  }
  if (!counted) element.ele("quorum", { value: "" });
}

/** The TLC terms a vote's `refersTo` attributes point at. */
export function votingReferences(refs: XMLBuilder, doc: Resolution): void {
  if (!doc.meta.voting) return;
  refs.ele("TLCTerm", { eId: "memberState", href: "/akn/ontology/organization/un/memberState", showAs: "Member State" });
  const columns: [string, string][] = [
    ["inFavour", "In favour"],
    ["against", "Against"],
    ["abstaining", "Abstaining"],
  ];
  for (const [id, showAs] of columns) refs.ele("TLCTerm", { eId: id, href: `/akn/ontology/concept/un/voting/${id}`, showAs });
}

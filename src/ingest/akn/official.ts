import {
  countsInOutcome,
  isSubject,
  meetingRecord,
  memberStateName,
  type OfficialFacts,
  orderedVotes,
  splitSponsors,
  tidy,
  votingOutcome,
} from "../../model/official.js";
import type { MemberVote, Subject, Voting } from "../../model/types.js";
import { attr, childrenNamed, cleanText, descendants, type XmlNode } from "./xml.js";

/**
 * The official facts an AKN4UN file records beside its text:
 *
 * - `meta/analysis/parliamentary/voting outcome="adoptedRecordedVote"` with one `count` per
 *   column (`refersTo` inFavour, against, abstaining; `value` the figure) listing the Member
 *   States in `akn4un:voters/organization`;
 * - `meta/workflow/step`: `draftResolution` by the sponsors (a sentence: "Belarus, Kazakhstan
 *   and Tajikistan", or "submitted by the Chair ..."), `draftResolutionAdditionalSponsors`,
 *   `adopted` as the meeting record ("A/80/PV.55");
 * - `meta/classification source="DHLAUTH"`: the UN Library's subject terms (dictionaries
 *   "UNBIS Thesaurus" and "DHLAUTH"; the keyword that `refersTo` the agenda is not a subject).
 *   The SDG classifications' keywords are the evidence of the SDG tagging, not subjects;
 * - on the cover page, the agenda item's title and the originating document as printed.
 */

const COLUMNS: Record<string, MemberVote> = { inFavour: "yes", against: "no", abstaining: "abstain" };

export function officialFactsOfAkn(meta: XmlNode | undefined, cover: XmlNode | undefined): OfficialFacts {
  const facts: OfficialFacts = {};
  if (meta) {
    const voting = readVoting(meta);
    if (voting) facts.voting = voting;
    for (const workflow of childrenNamed(meta, "workflow")) {
      for (const step of childrenNamed(workflow, "step")) {
        const outcome = attr(step, "outcome");
        if (outcome === "draftResolution") setList(facts, "sponsors", splitSponsors(attr(step, "by") ?? ""));
        else if (outcome === "draftResolutionAdditionalSponsors") setList(facts, "additionalSponsors", splitSponsors(attr(step, "by") ?? ""));
        else if (outcome === "adopted") {
          const record = meetingRecord(attr(step, "as"));
          if (record) facts.meetingRecord ??= record;
        }
      }
    }
    const subjects = readSubjects(meta);
    if (subjects.length) facts.subjects = subjects;
  }
  if (cover) {
    for (const inline of descendants(cover, ["inline"])) {
      const name = attr(inline, "name");
      const text = tidy(cleanText(inline));
      if (!text) continue;
      // the UN's names, and this project's AKN export's ("agendaItemName", "originatingDocument")
      if (name === "agenda item name" || name === "agendaItemName") facts.agendaItemTitle ??= text;
      else if (name === "originating document" || name === "originatingDocument") facts.originatingDocument ??= text;
    }
  }
  return facts;
}

function setList(facts: OfficialFacts, key: "sponsors" | "additionalSponsors", list: string[]): void {
  if (list.length && !facts[key]) facts[key] = list;
}

/** The first `voting` that says how the resolution was adopted (a multi-part file has one per part beside the document's). */
function readVoting(meta: XmlNode): Voting | null {
  for (const voting of descendants(meta, ["voting"])) {
    const counts: Record<MemberVote, number | null> = { yes: null, no: null, abstain: null };
    const members: { state: string; vote: MemberVote }[] = [];
    let counted = false;
    for (const count of childrenNamed(voting, "count")) {
      const vote = COLUMNS[(attr(count, "refersTo") ?? "").replace(/^#/, "")];
      if (!vote) continue;
      counted = true;
      const value = attr(count, "value") ?? "";
      if (/^\d{1,4}$/.test(value.trim())) counts[vote] = Number(value);
      for (const voter of descendants(count, ["organization"])) {
        const state = memberStateName(cleanText(voter));
        if (state) members.push({ state, vote });
      }
    }
    const written = attr(voting, "outcome");
    const outcome = votingOutcome(written) ?? (counted ? "adoptedRecordedVote" : null);
    if (!outcome) continue;
    // "Adopted 133-3-0, 88th plenary meeting" beside counts of 133 and 3: the figure no count gives
    const printed = countsInOutcome(written);
    if (printed) [counts.yes, counts.no, counts.abstain] = [counts.yes ?? printed[0], counts.no ?? printed[1], counts.abstain ?? printed[2]];
    const recorded = outcome === "adoptedRecordedVote";
    // A record that lists the voters leaves out the column no State voted in ("181-1-" is 181-1-0).
    const column = (vote: MemberVote) => counts[vote] ?? (members.length ? members.filter((m) => m.vote === vote).length : null);
    return {
      outcome,
      inFavour: recorded ? column("yes") : null,
      against: recorded ? column("no") : null,
      abstaining: recorded ? column("abstain") : null,
      ...(recorded && members.length ? { members: orderedVotes(members) } : {}),
    };
  }
  return null;
}

function readSubjects(meta: XmlNode): Subject[] {
  const subjects: Subject[] = [];
  const seen = new Set<string>();
  for (const classification of childrenNamed(meta, "classification")) {
    if (/metadata\.un\.org\/sdg/i.test(attr(classification, "source") ?? "")) continue;
    for (const keyword of childrenNamed(classification, "keyword")) {
      if (attr(keyword, "dictionary") === "SDGO") continue; // a goal, in a classification of other keywords
      const vocabulary = tidy(attr(keyword, "dictionary") ?? "");
      const term = tidy(attr(keyword, "showAs") ?? attr(keyword, "value") ?? "");
      if (!isSubject(term, vocabulary) || attr(keyword, "refersTo") === "agenda") continue;
      const key = `${vocabulary}\u0000${term}`;
      if (seen.has(key)) continue;
      seen.add(key);
      subjects.push({ term, vocabulary });
    }
  }
  return subjects;
}

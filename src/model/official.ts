import memberStates from "./member-states.json" with { type: "json" };
import type { Language, MemberVote, Metadata, Voting, VotingOutcome } from "./types.js";

/**
 * Official facts of an adoption (vote, sponsors, subjects, agenda, meeting record) as the two
 * sources spell them, the UN's Akoma Ntoso metadata (src/ingest/akn/official.ts) and its rows
 * of official metadata (src/ingest/official-metadata.ts), brought to one form, and the rule
 * that merges a row into a document's metadata.
 *
 * Names: Member States are written in upper case, as both sources print them in voting records
 * and as the rows list sponsors ("BOLIVIA (PLURINATIONAL STATE OF)"); the AKN files write
 * sponsors as a sentence in title case ("Belarus, Kazakhstan and Tajikistan"), which is split
 * and upper-cased to match. A sponsor that is a description rather than a name ("submitted by
 * the Chair of the Committee ...", "Uganda (on behalf of the ... Group of 77 and China)") is
 * kept as written. Spellings are not unified (TÜRKİYE and TURKEY both occur): a display layer
 * that wants title case or one spelling per State decides so itself.
 */

/** The facts a row of official metadata can give a document's metadata. */
export type OfficialFacts = Partial<
  Pick<
    Metadata,
    | "title"
    | "adoptionDate"
    | "session"
    | "committee"
    | "committeeReport"
    | "agendaItem"
    | "plenaryMeeting"
    | "officialSdgs"
    | "voting"
    | "sponsors"
    | "additionalSponsors"
    | "subjects"
    | "agendaItemTitle"
    | "originatingDocument"
    | "meetingRecord"
  >
>;

/** Anything `tidy` would change: a character outside printable ASCII, two spaces, a space at an end. */
const UNTIDY = /[^\x21-\x7e ]| {2}|^ | $/;

/** Spaces (no-break ones too) collapsed, trimmed, composed characters. */
export function tidy(text: string): string {
  // most names and terms need nothing: reading the corpus's rows spent a third of its time here
  if (!UNTIDY.test(text)) return text;
  return text.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * "adoptedRecordedVote" and "adoptedWithoutVote" (AKN, the rows' `voting_type`), "By a recorded
 * vote" and "Without a vote" (the rows' `adoption_type`), "Adopted 133-3-0, 88th plenary
 * meeting" and "Adopted without vote, 59th plenary meeting" (a few AKN files); null otherwise.
 */
export function votingOutcome(text: string | null | undefined): VotingOutcome | null {
  const t = tidy(text ?? "");
  if (/^adoptedWithoutVote$|without (?:a )?vote/i.test(t)) return "adoptedWithoutVote";
  if (/^adoptedRecordedVote$|recorded vote|\b\d{1,3} ?- ?\d{1,3} ?- ?\d{1,3}\b/i.test(t)) return "adoptedRecordedVote";
  return null;
}

/** Counts printed in an outcome such as "Adopted 133-3-0, 88th plenary meeting". */
export function countsInOutcome(text: string | null | undefined): [number, number, number] | null {
  const m = /\b(\d{1,3}) ?- ?(\d{1,3}) ?- ?(\d{1,3})\b/.exec(text ?? "");
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** "A/80/PV.55", "A/79/PV.55 (Resumption 1)": the symbol of a meeting record; null for an outcome sentence left in its place. */
export function meetingRecord(text: string | null | undefined): string | null {
  const t = tidy(text ?? "");
  return /^[A-Z][A-Z0-9.\-]{0,12}(?:\/[A-Z0-9.\-]{1,12}){0,3}\/PV\.\d{1,5}\b/.test(t) ? t : null;
}

/** In favour, then against, then abstaining, each in the record's order. */
export function orderedVotes(members: readonly { state: string; vote: MemberVote }[]): { state: string; vote: MemberVote }[] {
  const rank: Record<MemberVote, number> = { yes: 0, no: 1, abstain: 2 };
  if (members.every((m, i) => i === 0 || rank[members[i - 1]!.vote] <= rank[m.vote])) return [...members];
  return members.map((m, i) => ({ m, i })).sort((a, b) => rank[a.m.vote] - rank[b.m.vote] || a.i - b.i).map(({ m }) => m);
}

/**
 * Whether a [term, vocabulary] pair of the UN Library's indexing is a subject: not when the
 * vocabulary is the session's agenda (a document: "A/80/251"), nor when the term is an agenda
 * item's number left among the terms ("98d", filed under "UNBIS Thesaurus" in a few rows).
 */
export function isSubject(term: string, vocabulary: string): boolean {
  return Boolean(term && vocabulary) && !vocabulary.includes("/") && !/^\d{1,3}\s?\(?[a-z]{0,2}\)?$/.test(term);
}

/** A Member State's name as the voting records print it: upper case, straight apostrophes ("COTE D'IVOIRE"). */
export function memberStateName(name: string): string {
  if (/^[A-Z0-9'(),.\-]+(?: [A-Z0-9'(),.\-]+)*$/.test(name)) return name; // as the records print most
  // composed again after upper-casing: "i\u0307" upper-cases to "I\u0307", which is "\u0130"
  return tidy(name).replace(/[\u2018\u2019]/g, "'").toUpperCase().normalize("NFC");
}

/** Words a State's name may hold in lower case: "Bolivia (Plurinational State of)", "Côte d'Ivoire", "Saint Vincent and the Grenadines". */
const NAME_CONNECTIVE = /^(?:and|of|the|d['\u2019]\S*)$/;

/** Whether a sponsor entry is a name (of a State, or a group) rather than a description of who submitted the draft. */
function readsAsName(entry: string): boolean {
  return entry.split(" ").every((word) => {
    const w = word.replace(/^[(\[]+|[)\].,;]+$/g, "");
    return !w || !/^\p{Ll}/u.test(w) || NAME_CONNECTIVE.test(w);
  });
}

/** Names of Member States as the UN's records print them, learned from the corpus (scripts/build-member-states.ts). */
const KNOWN_NAMES = new Set(memberStates.names);

/**
 * One sponsor: a name as `memberStateName` writes it ("the Bahamas", as running text puts it, is
 * BAHAMAS), a description as written; null when empty.
 */
export function sponsorEntry(text: string): string | null {
  const entry = tidy(text);
  if (!entry) return null;
  if (!readsAsName(entry)) return entry;
  const name = memberStateName(entry);
  const withoutArticle = name.replace(/^THE /, "");
  return withoutArticle !== name && KNOWN_NAMES.has(withoutArticle) ? withoutArticle : name;
}

/** Splits at a separator standing outside brackets. */
function splitOutsideBrackets(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "(" || c === "[") depth++;
    else if ((c === ")" || c === "]") && depth > 0) depth--;
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(text);
      if (m) {
        pieces.push(text.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((p) => p.trim()).filter(Boolean);
}

/**
 * The sponsors of a sentence as the AKN workflow writes them: "Belarus, Kazakhstan, Kyrgyzstan,
 * Russian Federation and Tajikistan", "Bosnia and Herzegovina, Brazil and Cyprus". A sentence
 * one of whose items is not a name ("submitted by the Vice-Chair of the Committee, ..., and on
 * the basis of ...") is one description, and a bracket is never cut ("Guinea (on behalf of the
 * ... Group of 77 and China)").
 */
export function splitSponsors(sentence: string): string[] {
  const text = tidy(sentence);
  if (!text) return [];
  const items = splitOutsideBrackets(text, /,/y).map((item) => item.replace(/^and /, ""));
  // "France Cassar (Malta), submitted by the Rapporteur of the Committee and on the basis of ..."
  if (items.some((item) => !readsAsName(item.replace(/\([^()]*\)/g, "")))) return [text];
  const entries: string[] = [];
  for (const item of items) {
    const parts = splitOutsideBrackets(item, / and /y);
    for (let i = 0; i < parts.length; i++) {
      const joined = i + 1 < parts.length ? `${parts[i]} and ${parts[i + 1]}` : null;
      // a name that holds " and " ("Trinidad and Tobago") is not two sponsors
      if (joined && KNOWN_NAMES.has(memberStateName(joined).replace(/^THE /, ""))) {
        entries.push(joined);
        i++;
      } else entries.push(parts[i]!);
    }
  }
  return entries.map(sponsorEntry).filter((e): e is string => e !== null);
}

/** The reverse of `splitSponsors`: "A, B and C", as the AKN workflow writes a list of sponsors. */
export function sponsorSentence(sponsors: readonly string[]): string {
  if (sponsors.length <= 1) return sponsors.join("");
  return `${sponsors.slice(0, -1).join(", ")} and ${sponsors.at(-1)}`;
}

/** "Adopted by a recorded vote of 153 to 2, with 9 abstentions", "Adopted without a vote". */
export function votingSentence(voting: Voting): string {
  if (voting.outcome === "adoptedWithoutVote") return "Adopted without a vote";
  const { inFavour, against, abstaining } = voting;
  if (inFavour === null) return "Adopted by a recorded vote";
  const to = against === null ? "" : ` to ${against === 0 ? "none" : against}`;
  const abstentions =
    abstaining === null ? "" : `, with ${abstaining === 0 ? "no abstentions" : `${abstaining} abstention${abstaining === 1 ? "" : "s"}`}`;
  return `Adopted by a recorded vote of ${inFavour}${to}${abstentions}`;
}

const empty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && value.length === 0);

/**
 * A document's metadata with the gaps a row of official metadata fills. The document's own facts
 * win where both give one: they are read from the text the registry serves and versions, while a
 * row describes the symbol and is a looser extract (dates in three formats, "N.A." counts, a
 * meeting record reading "Adopted without vote, 53rd plenary meeting"); where both exist on the
 * corpus they agree (test/model/official.test.ts). The vote is taken whole from one source,
 * never counts from one and members from the other. Titles are English in the rows, so they
 * fill English documents only; a committee is filled only when the document printed no report
 * line at all (a null committee beside a report is "without reference to a Main Committee").
 * Pure: returns a new object.
 */
export function withOfficialFacts(meta: Metadata, facts: OfficialFacts | null, factsLanguage: Language = "en"): Metadata {
  if (!facts) return meta;
  const merged: Metadata = { ...meta };
  const target = merged as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(facts) as [keyof OfficialFacts, unknown][]) {
    if (empty(value) || !empty(target[key])) continue;
    if ((key === "title" || key === "agendaItemTitle") && meta.language !== factsLanguage) continue;
    if (key === "committee" && meta.committeeReport !== null) continue;
    target[key] = value;
  }
  return merged;
}

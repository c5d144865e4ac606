/**
 * The document model: one typed tree for a resolution, whatever format it came from.
 *
 * Positions index into `Resolution.source.text`, the decoded text of the document: the file's
 * own text for ODS exports, the extracted text layer for PDFs, and a plain-text rendering for
 * XML and JSON inputs. Every node carries one so the UI can highlight it and problems can
 * point at it. Derived facts (citations, mandates, SDG links) hang off the paragraph they come
 * from and are recomputed by `enrich`, never edited by hand.
 */

import type { ProblemCode } from "./problems.js";

export interface Point {
  /** 1-based line in `source.text`. */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
  /** 0-based offset (UTF-16 code units). */
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

export type SourceFormat = "ods" | "text" | "pdf" | "akn" | "eosg" | "docx" | "html";

export type Language = "en" | "fr" | "es" | "ru" | "ar" | "zh";

export type Body = "GA" | "SC" | "ECOSOC" | "HRC" | "other";

export type ProblemSeverity = "error" | "warning";

/**
 * A located problem, as a value: decoders and the parser return these instead of throwing. Its
 * code is one of the catalogue's (./problems.ts), which gives its severity and meaning; make one
 * with `problem()`.
 */
export interface Problem {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
  position?: Position;
}

export interface Source {
  format: SourceFormat;
  /** The decoded text that every `position` in the tree indexes. */
  text: string;
  /** Name the caller gave (usually a file path); informational only. */
  name?: string;
}

export interface Metadata {
  /** Canonical symbol: `A/RES/63/231`, `S/RES/1325 (2000)`, `A/RES/75/245 B`. */
  symbol: string | null;
  body: Body;
  language: Language;
  title: string | null;
  /** ISO date of adoption. */
  adoptionDate: string | null;
  /** GA session number (for the Security Council: null). */
  session: number | null;
  /** "Second Committee", ..., or null when adopted without reference to a Main Committee. */
  committee: string | null;
  committeeReport: string | null;
  agendaItem: string | null;
  /** Plenary meeting of the GA, or the Security Council's meeting number. */
  plenaryMeeting: number | null;
  distributionDate: string | null;
  jobNumber: string | null;
  /** Official SDG classification carried by the source (AKN keywords), goal or target strings. */
  officialSdgs?: string[];
  // Official facts of the adoption, from the UN's AKN metadata or its rows of official metadata
  // (src/model/official.ts); absent when no source gives them.
  voting?: Voting;
  /** Who submitted the draft: Member States (upper case, as the UN's records print them) or a description ("submitted by the Chair of the Committee"). */
  sponsors?: string[];
  /** Member States that joined as sponsors later, in the same form. */
  additionalSponsors?: string[];
  /** Subject terms of the UN Library's indexing (UNBIS Thesaurus, DHLAUTH authority names). */
  subjects?: Subject[];
  /** Title of the agenda item ("Implementation of the Declaration on the Granting of Independence ..."). */
  agendaItemTitle?: string;
  /** The report or draft adopted, as printed: "A/80/537, para. 15", "A/80/L.6 and A/80/L.6/Add.1". */
  originatingDocument?: string;
  /** Symbol of the meeting record of the adoption: "A/80/PV.55", "A/79/PV.55 (Resumption 1)". */
  meetingRecord?: string;
}

/** How a resolution was adopted, as the UN's records spell it. */
export type VotingOutcome = "adoptedWithoutVote" | "adoptedRecordedVote";

/** How one Member State voted in a recorded vote. */
export type MemberVote = "yes" | "no" | "abstain";

export interface Voting {
  outcome: VotingOutcome;
  /** Counts as the record gives them; null when it gives none (always, adopted without a vote). */
  inFavour: number | null;
  against: number | null;
  abstaining: number | null;
  /** Each Member State's vote where the record lists them: in favour, then against, then abstaining, in the record's order; names upper case as printed. */
  members?: { state: string; vote: MemberVote }[];
}

export interface Subject {
  term: string;
  /** "UNBIS Thesaurus", "DHLAUTH". */
  vocabulary: string;
}

/** A footnote call-out removed from a paragraph's text: footnote `number` was glued at `offset`. */
export interface FootnoteRef {
  number: number;
  /** Offset in the paragraph's `text` (after call-outs were removed) where the marker stood. */
  offset: number;
}

/** Where a paragraph sits in a multi-part resolution or under a section heading. */
export interface Placement {
  /** "A", "B" for resolutions in parts. */
  part?: string;
  /** Roman-numbered or lettered section heading the paragraph falls under. */
  section?: string;
}

export interface PreambularParagraph extends Placement {
  type: "preambular";
  /** 1-based order among preambular paragraphs of the document. */
  index: number;
  /** Opening phrase as written ("Recalling also", "Deeply concerned"). */
  phrase: string;
  /** Normalised opening phrase: lower case, without also/further ("recalling", "taking note"). */
  starter: string;
  /** Paragraph text with footnote call-outs removed. */
  text: string;
  footnoteRefs: FootnoteRef[];
  position: Position;
  citations: Citation[];
  sdgs: SdgLink[];
}

export interface SubParagraph {
  type: "subparagraph";
  /** Label as printed without brackets: "a", "ii". */
  label: string;
  text: string;
  footnoteRefs: FootnoteRef[];
  position: Position;
  children: SubParagraph[];
}

export interface OperativeParagraph extends Placement {
  type: "operative";
  /** Printed number (1-based); for unnumbered paragraphs, their order. */
  number: number;
  numbered: boolean;
  /** Main verb phrase as written ("Also requests", "Calls upon"). */
  phrase: string;
  /** Normalised verb phrase: lower case, without also/further/again/strongly ("requests"). */
  verb: string;
  /** Chapeau text (up to the first sub-paragraph), call-outs removed. */
  lead: string;
  subparagraphs: SubParagraph[];
  /** Whole text with sub-paragraphs folded in, separated by single spaces. */
  text: string;
  footnoteRefs: FootnoteRef[];
  position: Position;
  citations: Citation[];
  mandates: Mandate[];
  sdgs: SdgLink[];
}

export interface Footnote {
  type: "footnote";
  number: number;
  text: string;
  /** Paragraph ids (`preamble.N`, `operative.N`) whose text carries the call-out. */
  calledFrom: string[];
  position: Position;
  citations: Citation[];
}

export interface Heading extends Placement {
  type: "heading";
  /** "I", "A", "Part A" ... as printed. */
  num: string | null;
  text: string;
  position: Position;
}

export interface Annex {
  type: "annex";
  /** "Annex", "Annex I" ... as printed. */
  label: string;
  title: string | null;
  /** The annex's own paragraphs, as text blocks in order. */
  blocks: { text: string; position: Position }[];
  position: Position;
}

export interface Conclusions {
  /** Plenary (GA) or Security Council meeting number. */
  meeting: number | null;
  date: string | null;
  position: Position | null;
}

export type CitationKind =
  | "resolution" // A/RES, S/RES, E/RES, A/HRC/RES ...
  | "decision"
  | "document" // reports, notes, letters: A/63/309
  | "instrument"; // named instruments and conferences resolved through a footnote

export interface Citation {
  /** Canonical symbol: `A/RES/55/2`, `S/RES/1325 (2000)`, `A/68/970/Corr.1`. */
  symbol: string;
  kind: CitationKind;
  /** The words as written ("resolution 60/265", "A/68/970 and Corr.1"). */
  text: string;
  /** `preamble.N`, `operative.N`, `footnote.N` or `header`. */
  in: string;
  position: Position;
}

export type VerbCategory = "deciding" | "directive" | "exhortative" | "evaluative" | "observing";

export type ActorType = "secretariat" | "un-system" | "member-states" | "intergovernmental" | "other";

export interface Deadline {
  /** GA session number by which the action is due. */
  session: number | null;
  /** Calendar years that session spans ("2016-2017"), or a year from "by 2030". */
  years: string | null;
  /** ISO date when one is named. */
  date: string | null;
  text: string;
}

/**
 * What a resolution decides about a body's mandate: "Decides to extend the mandate of UNITAMS
 * until 3 June 2023" (extend), "Decides to establish ... a working group" (establish), "To
 * renew the mandate of the United Nations Disengagement Observer Force" (renew), "Decides that
 * the mandate of MINUSCA shall include the following priority tasks" (modify), "decides to
 * terminate the mandate of ..." (terminate). The mandate's actor is the body whose mandate it
 * is, its verb `decides`, its end in `end` and `dueDate`.
 */
export type MandateDecisionKind = "establish" | "extend" | "renew" | "modify" | "terminate";

export interface MandateDecision {
  kind: MandateDecisionKind;
}

/**
 * When a mandate ends: a sunset date, written ("until 31 May 1978", "for a further period ending
 * 15 December 2008") or computed from the resolution's adoption date ("for a period of three
 * years"), and the duration when one is given.
 */
export interface MandateEnd {
  /** ISO date; null when no date is written and the adoption date is unknown. */
  date: string | null;
  /** ISO 8601 duration of the period, as written: "P3Y", "P6M", "P90D"; null for a date alone. */
  duration: string | null;
  /** The words that gave it ("for a period of three years", "until 3 June 2023"). */
  text: string;
}

/**
 * A review of the mandate that the resolution sets: "Decides to review ... at its sixty-fifth
 * session", "expresses its intent to review the mandate ... no later than 15 October 2023",
 * "subject to review every six months".
 */
export interface MandateReview {
  /** Session number of the reviewing body, when a session is named. */
  session: number | null;
  /** ISO date by which (or on which) the review takes place, when one is named or computed. */
  date: string | null;
  /** How often, when the review recurs ("every 6 months"). */
  recurrence: string | null;
  text: string;
}

export interface Mandate {
  /** `operative.N` (with sub-paragraph label when inherited: `operative.3.a` is kept in `sub`). */
  in: string;
  sub: string | null;
  /** Addressee as written, pronouns resolved. */
  actor: string;
  /** Canonical entity name from the gazetteer, when known. */
  actorCanonical: string | null;
  actorType: ActorType;
  verb: string;
  category: VerbCategory;
  /** Ordinal force: 1 (weakest: invites, encourages) .. 5 (decides, directs). */
  force: number;
  action: string;
  report: boolean;
  reportTo: string | null;
  deliverable: string | null;
  dueSession: number | null;
  /**
   * ISO date by or until which to act: written ("no later than 15 March 2023", "until 31 May
   * 1978", "by 31 August", its year the adoption's) or counted from the adoption date ("within
   * 90 days", "for a period of six months", "at the end of this period": the end of the period
   * the resolution sets). Null when the text gives none, or the adoption date it counts from is
   * unknown.
   */
  dueDate: string | null;
  deadline: Deadline | null;
  /** How often the action recurs: "annual", "biennial", ..., "every 90 days", "every 3 months", "weekly", "periodic". */
  recurrence: string | null;
  /** Set when the mandate is a decision about a body's mandate (the body is the actor). */
  decision: MandateDecision | null;
  /** The mandate's end, from its own clause or from a decision about its holder in the resolution. */
  end: MandateEnd | null;
  /** A review of the mandate that the resolution sets. */
  review: MandateReview | null;
  /** True when the resolution sets a review or end for the mandate (`review` or `end`, or one it names without a time). */
  hasReviewOrEnd: boolean;
  position: Position;
}

export interface SdgLink {
  /** Goal number as a string ("9") or target ("9.2"). */
  goal: string;
  target: string | null;
  /** Terms that triggered the link. */
  evidence: string[];
}

export interface Resolution {
  type: "resolution";
  meta: Metadata;
  /** "The General Assembly," and similar formula opening the preamble. */
  formula: string | null;
  preamble: PreambularParagraph[];
  operative: OperativeParagraph[];
  headings: Heading[];
  conclusions: Conclusions;
  footnotes: Footnote[];
  annexes: Annex[];
  /** Resolution-level derived facts: citations of the heading, SDG classification. */
  citations: Citation[];
  sdgs: SdgLink[];
  problems: Problem[];
  source: Source;
}

/**
 * Result of reading one input: a document (whose `problems` hold its warnings), or the errors
 * that explain why there is none.
 */
export type Parsed = { ok: true; document: Resolution } | { ok: false; problems: Problem[] };

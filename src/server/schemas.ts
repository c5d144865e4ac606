import { type Static, type TSchema, Type } from "@sinclair/typebox";
import { PARAGRAPH_KINDS, type ParagraphKind } from "../model/paragraphs.js";
import type { Body, Language, MandateDecisionKind, MemberVote, SourceFormat, Voting, VotingOutcome } from "../model/types.js";
import {
  type DocumentSummary,
  FACETS,
  type FacetCount,
  type MandateRecord,
  type ParagraphPlace,
  type SearchHit,
  type SeriesRecord,
  type VersionInfo,
} from "../registry/store.js";

/**
 * The HTTP schemas, written once with TypeBox: each is the JSON schema fastify validates and
 * serialises with, the TypeScript type of what a handler reads and returns (the routes use the
 * TypeBox type provider), and the source of /api/openapi.json (src/server/openapi.ts). The
 * shared schemas are registered once with `addSchema` and referenced as `Name#`. Where a
 * response is a store type (DocumentSummary, MandateRecord, SearchHit...), a check below makes
 * the schema's type and the store's the same type, so that neither can change alone.
 */

/** A string of one of `values`, typed as their union (an `enum` in the schema, as OpenAPI readers expect). */
export function stringEnum<T extends string>(values: readonly T[], options: { description?: string; default?: T } = {}) {
  // the schema's own fields stay visible to the type, so that `nullable` accepts it
  return Object.assign(Type.Unsafe<T>(), { type: "string" as const, enum: [...values], ...options });
}

/**
 * A primitive schema that also admits null (`type: [t, "null"]`, which the serialiser handles
 * faster than anyOf); a choice among values (`enum`) then lists null among them.
 */
export function nullable<T extends TSchema & { type: string; enum?: readonly unknown[] }>(schema: T) {
  return Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, "null"], ...(schema.enum ? { enum: [...schema.enum, null] } : {}) });
}

/** The same type, both ways: a compile-time check (`true` only compiles when A and B are mutually assignable). */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"] as const;
const BODIES = ["GA", "SC", "ECOSOC", "HRC", "other"] as const;
const FORMATS = ["ods", "text", "pdf", "akn", "eosg", "docx", "html"] as const;
const DECISION_KINDS = ["establish", "extend", "renew", "modify", "terminate"] as const;
const decisionsAreTheModels: Same<(typeof DECISION_KINDS)[number], MandateDecisionKind> = true;
const languagesAreTheModels: Same<(typeof LANGUAGES)[number], Language> = true;
const bodiesAreTheModels: Same<(typeof BODIES)[number], Body> = true;
const formatsAreTheModels: Same<(typeof FORMATS)[number], SourceFormat> = true;

export const LanguageSchema = stringEnum(LANGUAGES);
export const BodySchema = stringEnum(BODIES);
const FormatSchema = stringEnum(FORMATS);
const ParagraphKindSchema = stringEnum<ParagraphKind>(PARAGRAPH_KINDS);

export const ErrorSchema = Type.Object(
  { statusCode: Type.Integer(), error: Type.String(), message: Type.String() },
  { $id: "Error", description: "Every error: the HTTP status, its name and what went wrong." },
);

export const DocumentSummarySchema = Type.Object(
  {
    symbol: Type.String({ examples: ["A/RES/79/222"] }),
    language: LanguageSchema,
    body: BodySchema,
    session: nullable(Type.Integer()),
    year: nullable(Type.Integer()),
    title: nullable(Type.String()),
    committee: nullable(Type.String()),
    agendaItem: nullable(Type.String()),
    adoptionDate: nullable(Type.String()),
    format: FormatSchema,
    version: Type.Integer({ description: "the current version" }),
    versions: Type.Integer({ description: "how many versions are stored" }),
  },
  { $id: "DocumentSummary" },
);

export const VersionSchema = Type.Object(
  {
    number: Type.Integer(),
    sha256: Type.String(),
    format: FormatSchema,
    sourceName: nullable(Type.String({ description: "the file's name, without its folders" })),
    byteLength: Type.Integer(),
    ingestedAt: Type.String(),
    current: Type.Boolean(),
  },
  { $id: "Version" },
);

const VotingSchema = nullable(
  Type.Object(
    {
      outcome: stringEnum<VotingOutcome>(["adoptedWithoutVote", "adoptedRecordedVote"]),
      inFavour: nullable(Type.Integer()),
      against: nullable(Type.Integer()),
      abstaining: nullable(Type.Integer()),
      members: Type.Optional(
        Type.Array(Type.Object({ state: Type.String(), vote: stringEnum<MemberVote>(["yes", "no", "abstain"]) }), {
          description: "each Member State's vote where the record lists them (names upper case, as the UN prints them)",
        }),
      ),
    },
    { $id: "Voting", description: "how the resolution was adopted, from the UN's AKN metadata or its rows of official metadata; null when no source says" },
  ),
);

export const DocumentSchema = Type.Object(
  {
    symbol: Type.Optional(nullable(Type.String())),
    title: Type.Optional(nullable(Type.String())),
    voting: Type.Optional(ref(VotingSchema)),
    sponsors: Type.Optional(nullable(Type.Array(Type.String(), { description: "Member States (upper case) or who submitted the draft" }))),
    additionalSponsors: Type.Optional(nullable(Type.Array(Type.String()))),
    subjects: Type.Optional(
      nullable(Type.Array(Type.Object({ term: Type.String(), vocabulary: Type.String({ examples: ["UNBIS Thesaurus", "DHLAUTH"] }) }, { additionalProperties: true }))),
    ),
    agendaItemTitle: Type.Optional(nullable(Type.String())),
    originatingDocument: Type.Optional(nullable(Type.String({ examples: ["A/80/537, para. 15"] }))),
    meetingRecord: Type.Optional(nullable(Type.String({ examples: ["A/80/PV.55"] }))),
  },
  {
    $id: "Document",
    additionalProperties: true,
    description:
      "the JSON contract of `mandates parse --json` (export/json.ts; fields in ../shared/gold/README.md), with the official facts of the adoption declared here",
  },
);

const paragraphPlace = {
  symbol: Type.String(),
  language: LanguageSchema,
  title: nullable(Type.String()),
  session: nullable(Type.Integer()),
  body: BodySchema,
  ref: Type.String({ description: "preamble.N, operative.N, footnote.N or annex.N.M; B.operative.N in part B of a resolution in parts" }),
  kind: ParagraphKindSchema,
  number: nullable(Type.Integer()),
};

export const ParagraphPlaceSchema = Type.Object(paragraphPlace, { $id: "ParagraphPlace" });

export const SearchHitSchema = Type.Object(
  {
    ...paragraphPlace,
    phrase: nullable(Type.String()),
    snippet: Type.String({ description: "HTML-escaped excerpt; matched words in <mark> elements" }),
    score: Type.Number(),
  },
  { $id: "SearchHit" },
);

const FacetCountSchema = Type.Object({ value: Type.String(), count: Type.Integer() });
export const FacetCountsSchema = Type.Array(FacetCountSchema, { $id: "FacetCounts" });

export const MandateSchema = Type.Object(
  {
    id: Type.String({ description: "the mandate's stable id: the same across versions of the document and new extractions; its review is filed under it" }),
    symbol: Type.String(),
    language: LanguageSchema,
    title: nullable(Type.String()),
    session: nullable(Type.Integer()),
    ref: Type.String(),
    paragraph: nullable(Type.Integer()),
    sub: nullable(Type.String()),
    actor: Type.String(),
    actorCanonical: nullable(Type.String()),
    actorType: Type.String(),
    verb: Type.String(),
    category: Type.String(),
    force: Type.Integer(),
    action: Type.String(),
    report: Type.Boolean(),
    reportTo: nullable(Type.String()),
    deliverable: nullable(Type.String()),
    dueSession: nullable(Type.Integer()),
    dueDate: nullable(Type.String({ description: "ISO date by or until which to act" })),
    deadline: nullable(Type.String()),
    recurrence: nullable(Type.String()),
    decision: nullable(stringEnum(DECISION_KINDS, { description: "a decision about the actor's own mandate: establish, extend, renew, modify or terminate" })),
    end: nullable(
      Type.Object(
        { date: nullable(Type.String()), duration: nullable(Type.String()), text: Type.String() },
        { description: "the mandate's end: sunset date, ISO 8601 duration, the words" },
      ),
    ),
    review: nullable(
      Type.Object(
        { session: nullable(Type.Integer()), date: nullable(Type.String()), recurrence: nullable(Type.String()), text: Type.String() },
        { description: "the review the resolution sets: session, date, recurrence, the words" },
      ),
    ),
    hasReviewOrEnd: Type.Boolean(),
  },
  { $id: "Mandate" },
);

export const SeriesSchema = Type.Object(
  {
    key: Type.String(),
    title: Type.String(),
    body: BodySchema,
    language: LanguageSchema,
    members: Type.Array(
      Type.Object({ symbol: Type.String(), session: nullable(Type.Integer()), title: nullable(Type.String()), adoptionDate: nullable(Type.String()) }),
    ),
  },
  { $id: "Series" },
);

// The responses are the store's types: these lines stop compiling when either side changes alone.
const summariesAreTheStores: Same<Static<typeof DocumentSummarySchema>, DocumentSummary> = true;
const versionsAreTheStores: Same<Static<typeof VersionSchema>, VersionInfo> = true;
const placesAreTheStores: Same<Static<typeof ParagraphPlaceSchema>, ParagraphPlace> = true;
const hitsAreTheStores: Same<Static<typeof SearchHitSchema>, SearchHit> = true;
const facetsAreTheStores: Same<Static<typeof FacetCountSchema>, FacetCount> = true;
const mandatesAreTheStores: Same<Static<typeof MandateSchema>, MandateRecord> = true;
const seriesAreTheStores: Same<Static<typeof SeriesSchema>, SeriesRecord> = true;
const votingIsTheModels: Same<Static<typeof VotingSchema>, Voting | null> = true;

export const SHARED_SCHEMAS = [
  ErrorSchema,
  DocumentSummarySchema,
  VersionSchema,
  VotingSchema,
  DocumentSchema,
  ParagraphPlaceSchema,
  SearchHitSchema,
  FacetCountsSchema,
  MandateSchema,
  SeriesSchema,
];

/** A reference to a shared schema (`Name#`), typed as the schema it names. */
export function ref<T extends TSchema>(schema: T) {
  return Type.Unsafe<Static<T>>({ $ref: `${String(schema.$id)}#` });
}

type ErrorCode = 400 | 404 | 501 | 503;
/** Error responses a route declares besides its success. */
export function errors<C extends ErrorCode>(...codes: C[]): Record<C, ReturnType<typeof ref<typeof ErrorSchema>>> {
  return Object.fromEntries(codes.map((c) => [c, ref(ErrorSchema)])) as Record<C, ReturnType<typeof ref<typeof ErrorSchema>>>;
}

const symbol = Type.String({
  minLength: 1,
  maxLength: 100,
  description: "document symbol, URL-encoded (A%2FRES%2F79%2F222), or A_RES_79_222, or 79%2F222",
});
export const symbolParams = Type.Object({ symbol });
export const symbolParam = symbol;

export const paging = {
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
};

export const sessionSchema = Type.Integer({ minimum: 1, maximum: 200 });

/** Text a filter compares: bounded, so that no parameter makes an unbounded query. */
export const text = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });

export const documentFilters = {
  body: Type.Optional(BodySchema),
  language: Type.Optional(LanguageSchema),
  session: Type.Optional(sessionSchema),
  year: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2200 })),
  committee: Type.Optional(text(200)),
  agendaItem: Type.Optional(text(50)),
  sdg: Type.Optional(Type.String({ pattern: "^(1[0-7]|[1-9])$", description: "goal number" })),
};

/** The paragraph filters of a search (documentFilters and the paragraph's own). */
export const searchFilters = {
  ...documentFilters,
  kind: Type.Optional(ParagraphKindSchema),
  verb: Type.Optional(text(100, "normalised operative verb or preambular starter")),
  actor: Type.Optional(text(200, "paragraphs with a mandate to this actor")),
  hasReportDue: Type.Optional(Type.Boolean({ description: "paragraphs asking for a report due at a named session" })),
};

export const facetList = Type.String({
  pattern: `^(all|none|(${FACETS.join("|")})(,(${FACETS.join("|")}))*)$`,
  description: `comma-separated facets to count (${FACETS.join(", ")}), or all, or none`,
  default: "none",
});

import { PARAGRAPH_KINDS } from "../model/paragraphs.js";
import { FACETS } from "../registry/store.js";

/**
 * JSON schemas shared by the routes (registered once with `addSchema`, referenced as `Name#`)
 * and the parameter pieces the routes compose. The OpenAPI document is generated from these
 * same objects (src/server/openapi.ts), so it cannot drift from what the server validates.
 */

const nullable = (type: string) => ({ type: [type, "null"] });

/** A paragraph and its document (`ParagraphPlace` in the store). */
const paragraphPlace = {
  symbol: { type: "string" },
  language: { type: "string" },
  title: nullable("string"),
  session: nullable("integer"),
  body: { type: "string" },
  ref: { type: "string", description: "preamble.N, operative.N, footnote.N or annex.N.M; B.operative.N in part B of a resolution in parts" },
  kind: { type: "string", enum: [...PARAGRAPH_KINDS] },
  number: nullable("integer"),
} as const;

export const SHARED_SCHEMAS = [
  {
    $id: "Error",
    type: "object",
    description: "Every error: the HTTP status, its name and what went wrong.",
    required: ["statusCode", "error", "message"],
    properties: { statusCode: { type: "integer" }, error: { type: "string" }, message: { type: "string" } },
  },
  {
    $id: "DocumentSummary",
    type: "object",
    required: ["symbol", "language", "body", "format", "version", "versions"],
    properties: {
      symbol: { type: "string", examples: ["A/RES/79/222"] },
      language: { type: "string" },
      body: { type: "string" },
      session: nullable("integer"),
      year: nullable("integer"),
      title: nullable("string"),
      committee: nullable("string"),
      agendaItem: nullable("string"),
      adoptionDate: nullable("string"),
      format: { type: "string" },
      version: { type: "integer", description: "the current version" },
      versions: { type: "integer", description: "how many versions are stored" },
    },
  },
  {
    $id: "Version",
    type: "object",
    properties: {
      number: { type: "integer" },
      sha256: { type: "string" },
      format: { type: "string" },
      sourceName: nullable("string"),
      byteLength: { type: "integer" },
      ingestedAt: { type: "string" },
      current: { type: "boolean" },
    },
  },
  {
    $id: "Voting",
    type: ["object", "null"],
    description: "how the resolution was adopted, from the UN's AKN metadata or its rows of official metadata; null when no source says",
    required: ["outcome", "inFavour", "against", "abstaining"],
    properties: {
      outcome: { type: "string", enum: ["adoptedWithoutVote", "adoptedRecordedVote"] },
      inFavour: nullable("integer"),
      against: nullable("integer"),
      abstaining: nullable("integer"),
      members: {
        type: "array",
        description: "each Member State's vote where the record lists them (names upper case, as the UN prints them)",
        items: {
          type: "object",
          required: ["state", "vote"],
          properties: { state: { type: "string" }, vote: { type: "string", enum: ["yes", "no", "abstain"] } },
        },
      },
    },
  },
  {
    $id: "Document",
    type: "object",
    additionalProperties: true,
    description:
      "the JSON contract of `mandates parse --json` (export/json.ts; fields in ../shared/gold/README.md), with the official facts of the adoption declared here",
    properties: {
      symbol: nullable("string"),
      title: nullable("string"),
      voting: { $ref: "Voting#" },
      sponsors: { type: ["array", "null"], items: { type: "string" }, description: "Member States (upper case) or who submitted the draft" },
      additionalSponsors: { type: ["array", "null"], items: { type: "string" } },
      subjects: {
        type: ["array", "null"],
        items: { type: "object", properties: { term: { type: "string" }, vocabulary: { type: "string", examples: ["UNBIS Thesaurus", "DHLAUTH"] } } },
      },
      agendaItemTitle: nullable("string"),
      originatingDocument: { type: ["string", "null"], examples: ["A/80/537, para. 15"] },
      meetingRecord: { type: ["string", "null"], examples: ["A/80/PV.55"] },
    },
  },
  { $id: "ParagraphPlace", type: "object", properties: paragraphPlace },
  {
    $id: "SearchHit",
    type: "object",
    properties: {
      ...paragraphPlace,
      phrase: nullable("string"),
      snippet: { type: "string", description: "HTML-escaped excerpt; matched words in <mark> elements" },
      score: { type: "number" },
    },
  },
  {
    $id: "FacetCounts",
    type: "array",
    items: { type: "object", properties: { value: { type: "string" }, count: { type: "integer" } } },
  },
  {
    $id: "Mandate",
    type: "object",
    properties: {
      symbol: { type: "string" },
      language: { type: "string" },
      title: nullable("string"),
      session: nullable("integer"),
      ref: { type: "string" },
      paragraph: nullable("integer"),
      sub: nullable("string"),
      actor: { type: "string" },
      actorCanonical: nullable("string"),
      actorType: { type: "string" },
      verb: { type: "string" },
      category: { type: "string" },
      force: { type: "integer" },
      action: { type: "string" },
      report: { type: "boolean" },
      reportTo: nullable("string"),
      deliverable: nullable("string"),
      dueSession: nullable("integer"),
      dueDate: { ...nullable("string"), description: "ISO date by or until which to act" },
      deadline: nullable("string"),
      recurrence: nullable("string"),
      decision: { ...nullable("string"), description: "a decision about the actor's own mandate: establish, extend, renew, modify or terminate" },
      end: {
        type: ["object", "null"],
        description: "the mandate's end: sunset date, ISO 8601 duration, the words",
        properties: { date: nullable("string"), duration: nullable("string"), text: { type: "string" } },
      },
      review: {
        type: ["object", "null"],
        description: "the review the resolution sets: session, date, recurrence, the words",
        properties: { session: nullable("integer"), date: nullable("string"), recurrence: nullable("string"), text: { type: "string" } },
      },
      hasReviewOrEnd: { type: "boolean" },
    },
  },
  {
    $id: "Series",
    type: "object",
    properties: {
      key: { type: "string" },
      title: { type: "string" },
      body: { type: "string" },
      language: { type: "string" },
      members: {
        type: "array",
        items: {
          type: "object",
          properties: { symbol: { type: "string" }, session: nullable("integer"), title: nullable("string"), adoptionDate: nullable("string") },
        },
      },
    },
  },
] as const;

export const ref = (id: (typeof SHARED_SCHEMAS)[number]["$id"]) => ({ $ref: `${id}#` });

/** Error responses a route declares besides its success. */
export const errors = (...codes: (400 | 404 | 501)[]) => Object.fromEntries(codes.map((c) => [c, ref("Error")]));

export const symbolParams = {
  type: "object",
  required: ["symbol"],
  properties: {
    symbol: {
      type: "string",
      minLength: 1,
      maxLength: 100,
      description: "document symbol, URL-encoded (A%2FRES%2F79%2F222), or A_RES_79_222, or 79%2F222",
    },
  },
} as const;

export const paging = {
  limit: { type: "integer", minimum: 1, maximum: 200, default: 20 },
  offset: { type: "integer", minimum: 0, maximum: 1000000, default: 0 },
} as const;

const session = { type: "integer", minimum: 1, maximum: 200 } as const;

export const documentFilters = {
  body: { type: "string", enum: ["GA", "SC", "ECOSOC", "HRC", "other"] },
  language: { type: "string", enum: ["en", "fr", "es", "ru", "ar", "zh"] },
  session,
  year: { type: "integer", minimum: 1945, maximum: 2200 },
  committee: { type: "string", maxLength: 200 },
  agendaItem: { type: "string", maxLength: 50 },
  sdg: { type: "string", pattern: "^(1[0-7]|[1-9])$", description: "goal number" },
} as const;

export const facetList = {
  type: "string",
  pattern: `^(all|none|(${FACETS.join("|")})(,(${FACETS.join("|")}))*)$`,
  description: `comma-separated facets to count (${FACETS.join(", ")}), or all, or none`,
  default: "none",
} as const;

export const sessionSchema = session;

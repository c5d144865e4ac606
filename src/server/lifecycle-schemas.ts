import { type Static, Type } from "@sinclair/typebox";
import { DECISIONS, DISPOSITIONS, type Evidence, LIMITS, ROLES, STATUSES } from "../model/lifecycle.js";
import type { ReportState } from "../model/reports-due.js";
import { MAX_EMAIL } from "../registry/lifecycle/accounts.js";
import type { AuditEntry, EntityMandate, MandateReports, MandateTarget, Principal, ReportDelivery, StoredReview, SummaryRow, TokenRecord, UserRecord, Via } from "../registry/lifecycle/types.js";
import { ErrorSchema, nullable, ref, type Same, stringEnum } from "./schemas.js";

/**
 * The schemas of the lifecycle's routes (accounts, reviews, reports, audit), written once with
 * TypeBox as in ./schemas.ts: what fastify validates and serialises with, the types the handlers
 * read and return, and /api/openapi.json. The shared ones are registered beside SHARED_SCHEMAS.
 * Responses are serialised through them, so a field they do not declare (a password hash, a
 * token's hash, a user's row id) cannot leave the server even if a query selected it.
 */

const VIAS = ["web", "token", "cli", "import", "carry-over"] as const;
const REPORT_STATES = ["delivered", "overdue", "due", "upcoming"] as const;
const viasAreTheRegistrys: Same<(typeof VIAS)[number], Via> = true;
const reportStatesAreTheModels: Same<(typeof REPORT_STATES)[number], ReportState> = true;

/** An email as a request gives it (checked further by the registry). */
export const emailSchema = Type.String({ maxLength: MAX_EMAIL });
/** An entity as a user names it, resolved by the registry. */
export const entitySchema = (description?: string) => Type.String({ maxLength: LIMITS.entity, ...(description ? { description } : {}) });

export const UserSchema = Type.Object(
  {
    email: Type.String(),
    role: stringEnum(ROLES),
    entities: Type.Array(Type.String(), { description: "entities an editor records decisions for (canonical actor names)" }),
    disabled: Type.Boolean(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: "User" },
);

export const TokenSchema = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    label: Type.String(),
    createdAt: Type.String(),
    lastUsedAt: nullable(Type.String()),
    revokedAt: nullable(Type.String()),
  },
  { $id: "Token", description: "an API token's record: never the token itself, which is shown once when created" },
);

const EvidenceSchema = Type.Object(
  { url: nullable(Type.String({ description: "an http or https link" })), text: nullable(Type.String()) },
  { $id: "Evidence" },
);

export const ReviewSchema = Type.Object(
  {
    mandateId: Type.String(),
    entity: Type.String(),
    decision: stringEnum(DECISIONS),
    disposition: nullable(stringEnum(DISPOSITIONS)),
    absorbedBy: nullable(Type.String({ description: "the mandate absorbing this one, for a merger or replacement" })),
    status: nullable(stringEnum(STATUSES)),
    justification: Type.String(),
    evidence: Type.Array(ref(EvidenceSchema)),
    needsConfirmation: Type.Boolean({ description: "inherited from the previous version of the resolution, where the mandate changed: to be confirmed" }),
    carriedFrom: nullable(Type.String()),
    version: Type.Integer({ description: "send it back with the next edit: a stale one is refused with 409" }),
    updatedAt: Type.String(),
    updatedBy: Type.String(),
    mandate: Type.Object(
      { symbol: Type.String(), ref: Type.String(), actor: Type.String(), action: Type.String() },
      { description: "the mandate as it was when reviewed" },
    ),
    orphaned: Type.Boolean({ description: "the registry no longer holds the mandate (a new extraction does not find it)" }),
  },
  { $id: "Review" },
);

export const MandateTargetSchema = Type.Object(
  {
    id: Type.String(),
    symbol: Type.String(),
    ref: Type.String(),
    sub: nullable(Type.String()),
    actor: Type.String(),
    actorCanonical: nullable(Type.String()),
    action: Type.String(),
    session: nullable(Type.Integer()),
    report: Type.Boolean(),
    dueSession: nullable(Type.Integer()),
    recurrence: nullable(Type.String()),
    unlistedFor: nullable(Type.String({ description: "recorded by this entity: the registry does not hold the mandate" })),
    title: Type.Optional(nullable(Type.String())),
    language: Type.Optional(Type.String()),
  },
  { $id: "MandateTarget" },
);

export const ReportDeliverySchema = Type.Object(
  {
    mandateId: Type.String(),
    session: Type.Integer(),
    symbol: nullable(Type.String()),
    note: Type.String(),
    version: Type.Integer(),
    updatedAt: Type.String(),
    updatedBy: Type.String(),
  },
  { $id: "ReportDelivery" },
);

export const MandateReportsSchema = Type.Object(
  {
    mandateId: Type.String(),
    occurrences: Type.Array(Type.Object({ session: Type.Integer(), state: stringEnum(REPORT_STATES), symbol: nullable(Type.String()) })),
    deliveries: Type.Array(ref(ReportDeliverySchema)),
    supersededAt: nullable(Type.Integer()),
  },
  { $id: "MandateReports" },
);

export const AuditEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String(),
    user: nullable(Type.String({ description: "who made the change; null for the registry itself (CLI, carry-over)" })),
    via: stringEnum(VIAS),
    action: Type.String(),
    mandateId: nullable(Type.String()),
    entity: nullable(Type.String()),
    subject: nullable(Type.String()),
    before: Type.Unknown(),
    after: Type.Unknown(),
  },
  { $id: "AuditEntry" },
);

/** The error answers of the lifecycle's refusals: the shared Error's fields, and what the refusal adds (absent from errors that add nothing). */
const ConflictSchema = Type.Object(
  { ...ErrorSchema.properties, current: Type.Optional(Type.Unknown()) },
  { $id: "Conflict", description: "a stale edit: the state it would have overwritten" },
);

const ProblemsSchema = Type.Object(
  { ...ErrorSchema.properties, problems: Type.Optional(Type.Array(Type.Object({ code: Type.String(), message: Type.String() }))) },
  { $id: "Problems", description: "input refused: every problem named (rows of an import by their line)" },
);

/** A mandate of a listing with every entity's decisions on it. */
export const MandateWithReviewsSchema = Type.Object({ mandate: ref(MandateTargetSchema), reviews: Type.Array(ref(ReviewSchema)) });

export const SummaryRowSchema = Type.Object({
  group: Type.String(),
  symbol: nullable(Type.String()),
  mandates: Type.Integer(),
  retained: Type.Integer(),
  flagged: Type.Integer(),
  removal: Type.Integer(),
  undecided: Type.Integer(),
  needsConfirmation: Type.Integer(),
  orphaned: Type.Integer(),
});

export const SignedInSchema = Type.Object({ email: Type.String(), role: stringEnum(ROLES), entities: Type.Array(Type.String()), via: stringEnum<Principal["via"]>(["web", "token"]) });

// The responses are the registry's types: these lines stop compiling when either side changes alone.
// A user is answered without its row id, a token without its user's row id: ids that name nothing outside the database.
const usersAreTheRegistrys: Same<Static<typeof UserSchema>, Omit<UserRecord, "id">> = true;
const tokensAreTheRegistrys: Same<Static<typeof TokenSchema>, Omit<TokenRecord, "userId">> = true;
const evidenceIsTheModels: Same<Static<typeof EvidenceSchema>, Evidence> = true;
const reviewsAreTheRegistrys: Same<Static<typeof ReviewSchema>, StoredReview> = true;
// One schema for every mandate under review: listings add the resolution's title (and language) to the registry's MandateTarget.
const targetsAreTheRegistrys: Same<Static<typeof MandateTargetSchema>, MandateTarget & Partial<Pick<EntityMandate["mandate"], "title" | "language">>> = true;
const deliveriesAreTheRegistrys: Same<Static<typeof ReportDeliverySchema>, ReportDelivery> = true;
const reportsAreTheRegistrys: Same<Static<typeof MandateReportsSchema>, MandateReports> = true;
const auditIsTheRegistrys: Same<Static<typeof AuditEntrySchema>, AuditEntry> = true;
const summariesAreTheRegistrys: Same<Static<typeof SummaryRowSchema>, SummaryRow> = true;
// who is signed in, without the row id and the token that authenticated them; the entities as a plain list
const signedInIsThePrincipals: Same<Static<typeof SignedInSchema>, Pick<Principal, "email" | "role" | "via"> & { entities: string[] }> = true;

export const LIFECYCLE_SCHEMAS = [
  UserSchema,
  TokenSchema,
  EvidenceSchema,
  ReviewSchema,
  MandateTargetSchema,
  ReportDeliverySchema,
  MandateReportsSchema,
  AuditEntrySchema,
  ConflictSchema,
  ProblemsSchema,
];

type Failure = 400 | 401 | 403 | 404 | 409 | 429;
type FailureSchema<C extends Failure> = C extends 409
  ? ReturnType<typeof ref<typeof ConflictSchema>>
  : C extends 400
    ? ReturnType<typeof ref<typeof ProblemsSchema>>
    : ReturnType<typeof ref<typeof ErrorSchema>>;

/** Error responses a lifecycle route declares: a stale edit (409) says what it would overwrite; refused input (400) names its problems. */
export function failures<C extends Failure>(...codes: C[]): { [K in C]: FailureSchema<K> } {
  return Object.fromEntries(codes.map((c) => [c, c === 409 ? ref(ConflictSchema) : c === 400 ? ref(ProblemsSchema) : ref(ErrorSchema)])) as { [K in C]: FailureSchema<K> };
}

export const mandateId = Type.String({ pattern: "^u?[0-9a-f]{16}$", description: "a mandate's stable id, as GET /api/mandates gives it" });
export const mandateIdParams = Type.Object({ id: mandateId });

/** Text of at most `maxLength` characters, or null. */
const nullableText = (maxLength: number, description?: string) => nullable(Type.String({ maxLength, ...(description ? { description } : {}) }));

/**
 * A decision as an editor sends it. The choices are read leniently (case, spaces, underscores)
 * and every problem named by checkReview (src/model/lifecycle.ts), so the schema bounds lengths
 * and leaves the choices to it.
 */
export const reviewBody = Type.Object(
  {
    entity: entitySchema("the entity responsible, as the registry names actors (UNIDO)"),
    decision: Type.String({ maxLength: 40, description: DECISIONS.join(", ") }),
    disposition: Type.Optional(nullableText(40, DISPOSITIONS.join(", "))),
    absorbedBy: Type.Optional(nullableText(40, "for a merger or replacement: the absorbing mandate's id")),
    status: Type.Optional(nullableText(40, STATUSES.join(", "))),
    justification: Type.Optional(nullableText(LIMITS.justification)),
    evidence: Type.Optional(
      Type.Array(
        Type.Union([
          Type.String({ maxLength: LIMITS.evidenceText }),
          Type.Object({ url: Type.Optional(nullableText(LIMITS.url)), text: Type.Optional(nullableText(LIMITS.evidenceText)) }, { additionalProperties: false }),
        ]),
        { maxItems: LIMITS.evidenceItems },
      ),
    ),
    version: Type.Optional(Type.Integer({ minimum: 0, description: "the version the edit was made against (0 or absent for a first decision)" })),
  },
  { additionalProperties: false },
);

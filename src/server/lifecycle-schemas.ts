import { DECISIONS, DISPOSITIONS, LIMITS, ROLES, STATUSES } from "../model/lifecycle.js";

/**
 * JSON schemas of the lifecycle's routes (accounts, reviews, reports, audit), registered beside
 * the shared ones. Responses are serialised through them, so a field they do not declare (a
 * password hash, a token's hash) cannot leave the server even if a query selected it.
 */

const nullable = (type: string) => ({ type: [type, "null"] });

export const LIFECYCLE_SCHEMAS = [
  {
    $id: "User",
    type: "object",
    required: ["email", "role", "entities", "disabled"],
    properties: {
      email: { type: "string" },
      role: { type: "string", enum: [...ROLES] },
      entities: { type: "array", items: { type: "string" }, description: "entities an editor records decisions for (canonical actor names)" },
      disabled: { type: "boolean" },
      createdAt: { type: "string" },
      updatedAt: { type: "string" },
    },
  },
  {
    $id: "Token",
    type: "object",
    description: "an API token's record: never the token itself, which is shown once when created",
    properties: {
      id: { type: "string" },
      email: { type: "string" },
      label: { type: "string" },
      createdAt: { type: "string" },
      lastUsedAt: nullable("string"),
      revokedAt: nullable("string"),
    },
  },
  {
    $id: "Evidence",
    type: "object",
    properties: { url: { ...nullable("string"), description: "an http or https link" }, text: nullable("string") },
  },
  {
    $id: "Review",
    type: "object",
    properties: {
      mandateId: { type: "string" },
      entity: { type: "string" },
      decision: { type: "string", enum: [...DECISIONS] },
      disposition: { type: ["string", "null"], enum: [...DISPOSITIONS, null] },
      absorbedBy: { ...nullable("string"), description: "the mandate absorbing this one, for a merger or replacement" },
      status: { type: ["string", "null"], enum: [...STATUSES, null] },
      justification: { type: "string" },
      evidence: { type: "array", items: { $ref: "Evidence#" } },
      needsConfirmation: { type: "boolean", description: "inherited from the previous version of the resolution, where the mandate changed: to be confirmed" },
      carriedFrom: nullable("string"),
      version: { type: "integer", description: "send it back with the next edit: a stale one is refused with 409" },
      updatedAt: { type: "string" },
      updatedBy: { type: "string" },
      mandate: {
        type: "object",
        description: "the mandate as it was when reviewed",
        properties: { symbol: { type: "string" }, ref: { type: "string" }, actor: { type: "string" }, action: { type: "string" } },
      },
      orphaned: { type: "boolean", description: "the registry no longer holds the mandate (a new extraction does not find it)" },
    },
  },
  {
    $id: "MandateTarget",
    type: "object",
    properties: {
      id: { type: "string" },
      symbol: { type: "string" },
      ref: { type: "string" },
      sub: nullable("string"),
      actor: { type: "string" },
      actorCanonical: nullable("string"),
      action: { type: "string" },
      session: nullable("integer"),
      report: { type: "boolean" },
      dueSession: nullable("integer"),
      recurrence: nullable("string"),
      unlistedFor: { ...nullable("string"), description: "recorded by this entity: the registry does not hold the mandate" },
      title: nullable("string"),
      language: { type: "string" },
    },
  },
  {
    $id: "ReportDelivery",
    type: "object",
    properties: {
      mandateId: { type: "string" },
      session: { type: "integer" },
      symbol: nullable("string"),
      note: { type: "string" },
      version: { type: "integer" },
      updatedAt: { type: "string" },
      updatedBy: { type: "string" },
    },
  },
  {
    $id: "MandateReports",
    type: "object",
    properties: {
      mandateId: { type: "string" },
      occurrences: {
        type: "array",
        items: {
          type: "object",
          properties: { session: { type: "integer" }, state: { type: "string", enum: ["delivered", "overdue", "due", "upcoming"] }, symbol: nullable("string") },
        },
      },
      deliveries: { type: "array", items: { $ref: "ReportDelivery#" } },
      supersededAt: nullable("integer"),
    },
  },
  {
    $id: "AuditEntry",
    type: "object",
    properties: {
      id: { type: "integer" },
      at: { type: "string" },
      user: { ...nullable("string"), description: "who made the change; null for the registry itself (CLI, carry-over)" },
      via: { type: "string", enum: ["web", "token", "cli", "import", "carry-over"] },
      action: { type: "string" },
      mandateId: nullable("string"),
      entity: nullable("string"),
      subject: nullable("string"),
      before: {},
      after: {},
    },
  },
  {
    $id: "Conflict",
    type: "object",
    description: "a stale edit: the state it would have overwritten",
    properties: { statusCode: { type: "integer" }, error: { type: "string" }, message: { type: "string" }, current: {} },
  },
  {
    $id: "Problems",
    type: "object",
    description: "input refused: every problem named (rows of an import by their line)",
    properties: {
      statusCode: { type: "integer" },
      error: { type: "string" },
      message: { type: "string" },
      problems: { type: "array", items: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } } },
    },
  },
] as const;

export const lref = (id: (typeof LIFECYCLE_SCHEMAS)[number]["$id"]) => ({ $ref: `${id}#` });

const ERROR = { $ref: "Error#" };
/** Error responses a lifecycle route declares. */
export const failures = (...codes: (400 | 401 | 403 | 404 | 409 | 429)[]) =>
  Object.fromEntries(codes.map((c) => [c, c === 409 ? lref("Conflict") : c === 400 ? lref("Problems") : ERROR]));

export const mandateIdParams = {
  type: "object",
  required: ["id"],
  properties: { id: { type: "string", pattern: "^u?[0-9a-f]{16}$", description: "a mandate's stable id, as GET /api/mandates gives it" } },
} as const;

export const reviewBody = {
  type: "object",
  additionalProperties: false,
  required: ["entity", "decision"],
  properties: {
    entity: { type: "string", maxLength: LIMITS.entity, description: "the entity responsible, as the registry names actors (UNIDO)" },
    decision: { type: "string", maxLength: 40, description: DECISIONS.join(", ") },
    disposition: { type: ["string", "null"], maxLength: 40, description: DISPOSITIONS.join(", ") },
    absorbedBy: { type: ["string", "null"], maxLength: 40, description: "for a merger or replacement: the absorbing mandate's id" },
    status: { type: ["string", "null"], maxLength: 40, description: STATUSES.join(", ") },
    justification: { type: ["string", "null"], maxLength: LIMITS.justification },
    evidence: {
      type: "array",
      maxItems: LIMITS.evidenceItems,
      items: {
        anyOf: [
          { type: "string", maxLength: LIMITS.evidenceText },
          { type: "object", additionalProperties: false, properties: { url: { type: ["string", "null"], maxLength: LIMITS.url }, text: { type: ["string", "null"], maxLength: LIMITS.evidenceText } } },
        ],
      },
    },
    version: { type: "integer", minimum: 0, description: "the version the edit was made against (0 or absent for a first decision)" },
  },
} as const;

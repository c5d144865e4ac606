import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { toContractJson } from "../../export/json.js";
import { formatParagraphRef, paragraphRefFromInput } from "../../model/paragraphs.js";
import { symbolFromInput } from "../../model/symbols.js";
import type { Resolution } from "../../model/types.js";
import { fileName } from "../../registry/store.js";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { httpError } from "../guards.js";
import { asReply } from "../read-pool.js";
import { DocumentSchema, DocumentSummarySchema, documentFilters, errors, ParagraphPlaceSchema, paging, ref, stringEnum, symbolParam, symbolParams, text, VersionSchema } from "../schemas.js";

/** The AKN exporter, loaded on first use; a build without it answers 501. */
async function loadAknExporter(): Promise<((doc: Resolution) => string) | null> {
  try {
    const module: { toAkn?: (doc: Resolution) => string } = await import("../../export/akn.js");
    return typeof module.toAkn === "function" ? module.toAkn : null;
  } catch {
    return null;
  }
}

export async function documentRoutes(app: FastifyInstance, { store, reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/documents",
    {
      schema: {
        summary: "List documents, newest session first, with filters and paging",
        tags: ["documents"],
        querystring: Type.Object(
          {
            ...documentFilters,
            title: Type.Optional(text(200, "words of the title")),
            actor: Type.Optional(text(200, "documents with a mandate to this actor")),
            ...paging,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), items: Type.Array(ref(DocumentSummarySchema)) }),
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const { limit, offset, ...filter } = request.query;
      return reply.type(JSON_TYPE).send(asReply(await reads.json("listDocuments", { filter, page: { limit, offset } })));
    },
  );

  typed(app).get(
    "/documents/:symbol",
    {
      schema: {
        summary: "One document: its JSON view with its versions, its Akoma Ntoso XML, or its source text",
        tags: ["documents"],
        params: symbolParams,
        querystring: Type.Object(
          {
            format: stringEnum(["json", "akn", "text"] as ("json" | "akn" | "text")[], { default: "json" }),
            language: documentFilters.language,
            version: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: "a stored version (default: the current one)" })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: "the document",
            content: {
              "application/json": {
                schema: Type.Object({ summary: ref(DocumentSummarySchema), versions: Type.Array(ref(VersionSchema)), document: ref(DocumentSchema) }),
              },
              "application/akn+xml": { schema: Type.String() },
              "text/plain": { schema: Type.String() },
            },
          },
          ...errors(400, 404, 501),
        },
      },
    },
    async (request, reply) => {
      const { symbol } = request.params;
      const { format, language, version } = request.query;
      const stored = await store.getDocument(symbol, { ...(language ? { language } : {}), ...(version ? { version } : {}) });
      if (!stored) throw httpError(404, `no document ${symbolFromInput(symbol)}${language ? ` in ${language}` : ""}${version ? ` version ${version}` : ""} in the registry`);
      if (format === "text") return reply.type("text/plain; charset=utf-8").send(stored.document.source.text);
      if (format === "akn") {
        const toAkn = await loadAknExporter();
        if (!toAkn) throw httpError(501, "Akoma Ntoso export is not available in this build");
        return reply.type("application/akn+xml; charset=utf-8").send(toAkn(stored.document));
      }
      // file names only, also of versions recorded with their paths before
      const versions = stored.versions.map((v) => ({ ...v, sourceName: fileName(v.sourceName) }));
      return { summary: stored.summary, versions, document: toContractJson(stored.document) };
    },
  );

  typed(app).get(
    "/documents/:symbol/paragraphs/:ref/elsewhere",
    {
      schema: {
        summary: "Where else a paragraph appears: paragraphs with the same words (up to case and spacing) in other documents or places, newest first",
        tags: ["documents"],
        params: Type.Object({
          symbol: symbolParam,
          ref: Type.String({ maxLength: 40, description: "paragraph reference: operative.38, preamble.2, footnote.1, annex.1.4; B.operative.1 in part B of a resolution in parts" }),
        }),
        querystring: Type.Object(
          { language: documentFilters.language, limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ symbol: Type.String(), language: Type.String(), ref: Type.String(), text: Type.String(), occurrences: Type.Array(ref(ParagraphPlaceSchema)) }),
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { symbol } = request.params;
      const { language, limit } = request.query;
      // The model reads the reference, so the route accepts what it writes (a part, as in B.operative.1)
      const read = paragraphRefFromInput(request.params.ref);
      if (!read.ok) throw httpError(400, read.message);
      const paragraph = formatParagraphRef(read.ref);
      const found = await reads.json("paragraphOccurrences", { symbol, ref: paragraph, ...(language ? { language } : {}), limit });
      if (found === null) throw httpError(404, `no paragraph ${paragraph} of ${symbolFromInput(symbol)}${language ? ` in ${language}` : ""} in the registry`);
      return reply.type(JSON_TYPE).send(asReply(found));
    },
  );
}

import type { FastifyInstance } from "fastify";
import { toContractJson } from "../../export/json.js";
import { formatParagraphRef, paragraphRefFromInput } from "../../model/paragraphs.js";
import { symbolFromInput } from "../../model/symbols.js";
import type { Resolution } from "../../model/types.js";
import { type DocumentFilter, fileName, type Page } from "../../registry/store.js";
import { httpError, type RouteContext } from "../app.js";
import { documentFilters, errors, paging, ref, symbolParams } from "../schemas.js";

type ListQuery = DocumentFilter & Page;
interface OneQuery {
  format: "json" | "akn" | "text";
  language?: DocumentFilter["language"];
  version?: number;
}

/** The AKN exporter, loaded on first use; a build without it answers 501. */
async function loadAknExporter(): Promise<((doc: Resolution) => string) | null> {
  try {
    const module: { toAkn?: (doc: Resolution) => string } = await import("../../export/akn.js");
    return typeof module.toAkn === "function" ? module.toAkn : null;
  } catch {
    return null;
  }
}

export async function documentRoutes(app: FastifyInstance, { store }: RouteContext): Promise<void> {
  app.get<{ Querystring: ListQuery }>(
    "/documents",
    {
      schema: {
        summary: "List documents, newest session first, with filters and paging",
        tags: ["documents"],
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...documentFilters,
            title: { type: "string", maxLength: 200, description: "words of the title" },
            actor: { type: "string", maxLength: 200, description: "documents with a mandate to this actor" },
            ...paging,
          },
        },
        response: {
          200: {
            type: "object",
            properties: { total: { type: "integer" }, limit: { type: "integer" }, offset: { type: "integer" }, items: { type: "array", items: ref("DocumentSummary") } },
          },
          ...errors(400),
        },
      },
    },
    async (request) => {
      const { limit, offset, ...filter } = request.query;
      return store.listDocuments(filter, { limit, offset });
    },
  );

  app.get<{ Params: { symbol: string }; Querystring: OneQuery }>(
    "/documents/:symbol",
    {
      schema: {
        summary: "One document: its JSON view with its versions, its Akoma Ntoso XML, or its source text",
        tags: ["documents"],
        params: symbolParams,
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            format: { type: "string", enum: ["json", "akn", "text"], default: "json" },
            language: documentFilters.language,
            version: { type: "integer", minimum: 1, description: "a stored version (default: the current one)" },
          },
        },
        response: {
          200: {
            description: "the document",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    summary: ref("DocumentSummary"),
                    versions: { type: "array", items: ref("Version") },
                    document: ref("Document"),
                  },
                },
              },
              "application/akn+xml": { schema: { type: "string" } },
              "text/plain": { schema: { type: "string" } },
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

  app.get<{ Params: { symbol: string; ref: string }; Querystring: { language?: DocumentFilter["language"]; limit: number } }>(
    "/documents/:symbol/paragraphs/:ref/elsewhere",
    {
      schema: {
        summary: "Where else a paragraph appears: paragraphs with the same words (up to case and spacing) in other documents or places, newest first",
        tags: ["documents"],
        params: {
          type: "object",
          required: ["symbol", "ref"],
          properties: {
            symbol: symbolParams.properties.symbol,
            ref: { type: "string", maxLength: 40, description: "paragraph reference: operative.38, preamble.2, footnote.1, annex.1.4; B.operative.1 in part B of a resolution in parts" },
          },
        },
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            language: documentFilters.language,
            limit: { type: "integer", minimum: 1, maximum: 500, default: 100 },
          },
        },
        response: {
          200: {
            type: "object",
            properties: {
              symbol: { type: "string" },
              language: { type: "string" },
              ref: { type: "string" },
              text: { type: "string" },
              occurrences: { type: "array", items: ref("ParagraphPlace") },
            },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { symbol } = request.params;
      const { language, limit } = request.query;
      const read = paragraphRefFromInput(request.params.ref);
      if (!read.ok) throw httpError(400, read.message);
      const paragraph = formatParagraphRef(read.ref);
      const found = await store.paragraphOccurrences(symbol, paragraph, { ...(language ? { language } : {}), limit });
      if (!found) throw httpError(404, `no paragraph ${paragraph} of ${symbolFromInput(symbol)}${language ? ` in ${language}` : ""} in the registry`);
      return found;
    },
  );
}

import { enrich } from "../../enrich/index.js";
import { withOfficialFacts } from "../../model/official.js";
import { symbolFromInput } from "../../model/symbols.js";
import type { Language, SourceFormat } from "../../model/types.js";
import type { Row } from "../dialect.js";
import { readOfficialRecord } from "../official-rows.js";
import { decodeModel } from "../rows.js";
import type { DocumentFilter, DocumentSummary, Page, Paged, ParagraphOccurrences, StoredDocument, VersionInfo } from "../store.js";
import { DOCUMENT_COLUMNS, PLACE_COLUMNS, placeOf, type SqlContext, str, summaryOf } from "./context.js";
import { actorCondition, conditionsOnDocuments, where } from "./filters.js";

/** Reading documents: one by symbol (any stored version), a filtered list, a paragraph's other places. */

/** The stored document with this symbol: in `language`, else English, else any language. */
export async function findDocumentRow(context: SqlContext, symbol: string, language?: Language): Promise<Row | null> {
  const canonical = symbolFromInput(symbol);
  const rows = await context.db.all(
    `SELECT d.id, ${DOCUMENT_COLUMNS} FROM documents d WHERE d.symbol = ?${language ? " AND d.language = ?" : ""}
     ORDER BY CASE WHEN d.language = 'en' THEN 0 ELSE 1 END, d.language LIMIT 1`,
    language ? [canonical, language] : [canonical],
  );
  return rows[0] ?? null;
}

export async function getDocument(context: SqlContext, symbol: string, options: { language?: Language; version?: number } = {}): Promise<StoredDocument | null> {
  const row = await findDocumentRow(context, symbol, options.language);
  if (!row) return null;
  const versionRows = await context.db.all(
    "SELECT number, sha256, format, source_name, byte_length, ingested_at FROM versions WHERE document_id = ? ORDER BY number",
    [row.id],
  );
  const current = Number(row.current_version);
  const wanted = options.version ?? current;
  const [model] = await context.db.all("SELECT model FROM versions WHERE document_id = ? AND number = ?", [row.id, wanted]);
  if (!model) return null;
  const versions: VersionInfo[] = versionRows.map((v) => ({
    number: Number(v.number),
    sha256: String(v.sha256),
    format: v.format as SourceFormat,
    sourceName: str(v.source_name),
    byteLength: Number(v.byte_length),
    ingestedAt: String(v.ingested_at),
    current: Number(v.number) === current,
  }));
  const { document, stage } = decodeModel(model.model as Uint8Array);
  const official = await readOfficialRecord(context.db, String(row.symbol));
  if (official) document.meta = withOfficialFacts(document.meta, official.facts);
  return { summary: summaryOf(row), document: stage === "parsed" ? enrich(document) : document, versions };
}

export async function paragraphOccurrences(context: SqlContext, symbol: string, ref: string, options: { language?: Language; limit?: number } = {}): Promise<ParagraphOccurrences | null> {
  const row = await findDocumentRow(context, symbol, options.language);
  if (!row) return null;
  const [paragraph] = await context.db.all("SELECT id, text, text_hash FROM paragraphs WHERE document_id = ? AND ref = ?", [row.id, ref]);
  if (!paragraph) return null;
  const found = await context.db.all(
    `SELECT ${PLACE_COLUMNS} FROM paragraphs p JOIN documents d ON d.id = p.document_id
     WHERE p.text_hash = ? AND p.id <> ? ORDER BY p.id LIMIT ?`,
    [paragraph.text_hash, paragraph.id, options.limit ?? 100],
  );
  return { symbol: String(row.symbol), language: row.language as Language, ref, text: String(paragraph.text), occurrences: found.map(placeOf) };
}

export async function listDocuments(context: SqlContext, filter: DocumentFilter, page: Page): Promise<Paged<DocumentSummary>> {
  const conditions = conditionsOnDocuments(context.sql, filter);
  if (filter.actor) {
    const actor = actorCondition(filter.actor);
    conditions.push({ sql: `EXISTS (SELECT 1 FROM mandates x WHERE x.document_id = d.id AND ${actor.sql})`, params: actor.params });
  }
  const w = where(conditions);
  const [count] = await context.db.all(`SELECT COUNT(*) AS n FROM documents d${w.sql}`, w.params);
  const rows = await context.db.all(
    `SELECT ${DOCUMENT_COLUMNS} FROM documents d${w.sql} ORDER BY d.session DESC NULLS LAST, d.number DESC NULLS LAST, d.symbol, d.language LIMIT ? OFFSET ?`,
    [...w.params, page.limit, page.offset],
  );
  return { total: Number(count!.n), limit: page.limit, offset: page.offset, items: rows.map(summaryOf) };
}

export async function countDocuments(context: SqlContext): Promise<number> {
  const [row] = await context.db.all("SELECT COUNT(*) AS n FROM documents WHERE version_count > 0");
  return Number(row!.n);
}

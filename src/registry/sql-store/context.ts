import type { ParagraphKind } from "../../model/paragraphs.js";
import type { Body, Language, SourceFormat } from "../../model/types.js";
import type { Row, SqlDialect, SqlDriver, SqlExecutor } from "../dialect.js";
import type { DocumentSummary, ParagraphPlace } from "../store.js";

/**
 * What the query modules of `SqlStore` share: the dialect that writes the statements that are
 * not portable, the driver that runs them, and the readers of the rows they return.
 */
export class SqlContext {
  constructor(
    readonly sql: SqlDialect,
    readonly driver: SqlDriver,
  ) {}

  /** Reads outside any write transaction. */
  get db(): SqlExecutor {
    return this.driver.reader;
  }
}

export const DOCUMENT_COLUMNS = "d.symbol, d.language, d.body, d.session, d.year, d.title, d.committee, d.agenda_item, d.adoption_date, d.format, d.current_version, d.version_count";

export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
export const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Columns of a paragraph `p` and its document `d` that name the paragraph's place. */
export const PLACE_COLUMNS = "p.ref, p.kind, p.number, d.symbol, d.language, d.title, d.session, d.body";

export function placeOf(r: Row): ParagraphPlace {
  return {
    symbol: String(r.symbol),
    language: r.language as Language,
    title: str(r.title),
    session: num(r.session),
    body: r.body as Body,
    ref: String(r.ref),
    kind: r.kind as ParagraphKind,
    number: num(r.number),
  };
}

export function summaryOf(r: Row): DocumentSummary {
  return {
    symbol: String(r.symbol),
    language: r.language as Language,
    body: r.body as Body,
    session: num(r.session),
    year: num(r.year),
    title: str(r.title),
    committee: str(r.committee),
    agendaItem: str(r.agenda_item),
    adoptionDate: str(r.adoption_date),
    format: r.format as SourceFormat,
    version: Number(r.current_version),
    versions: Number(r.version_count),
  };
}

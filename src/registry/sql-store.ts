import type { OfficialRecord } from "../ingest/official-metadata.js";
import { symbolFromInput } from "../model/symbols.js";
import type { Language, Resolution, SourceFormat } from "../model/types.js";
import type { SqlDialect, SqlDriver } from "./dialect.js";
import { migrate } from "./migrations/index.js";
import { type OfficialWrite, readOfficialRecord, type StoredOfficialRecord, writeOfficialRecords } from "./official-rows.js";
import type { PreparedDocument } from "./rows.js";
import { SqlContext } from "./sql-store/context.js";
import { countDocuments, getDocument, listDocuments, paragraphOccurrences } from "./sql-store/documents.js";
import { citations, refreshSeries, series } from "./sql-store/graph.js";
import { mandateWhere, mandates, statistics } from "./sql-store/mandates.js";
import { readReport, registryStamp, type StoredReport, writeReport } from "./derived-reports.js";
import { groupMandates, type MandateGroup, type MandateGroupRow } from "./mandate-groups.js";
import { ParagraphSearch } from "./sql-store/search.js";
import { DocumentWriter } from "./sql-store/writes.js";
import type {
  CitationGraph,
  CitationQuery,
  DialectName,
  DocumentFilter,
  DocumentSummary,
  KnownSource,
  MandateFilter,
  MandateRecord,
  MigrationResult,
  OpenOptions,
  Page,
  Paged,
  ParagraphOccurrences,
  PreparedWrite,
  PutFailure,
  PutResult,
  SearchOutcome,
  SearchRequest,
  SeriesRecord,
  SourceInfo,
  Statistics,
  Store,
  StoredDocument,
} from "./store.js";

/**
 * The Store over any SQL database a driver and dialect describe: one implementation of every
 * query, so the two back ends cannot drift apart. Each concern has its module in sql-store/:
 * writes.ts (versions and their rows), documents.ts (reading), search.ts (full-text search,
 * ranking and facets), graph.ts (citations and series), mandates.ts (mandates and statistics);
 * filters.ts and context.ts hold what they share.
 */
export class SqlStore implements Store {
  readonly dialect: DialectName;
  private readonly context: SqlContext;
  private readonly searcher: ParagraphSearch;
  private readonly writer: DocumentWriter;

  constructor(
    sql: SqlDialect,
    driver: SqlDriver,
    readonly location: string,
  ) {
    this.dialect = sql.name;
    this.context = new SqlContext(sql, driver);
    this.searcher = new ParagraphSearch(this.context);
    this.writer = new DocumentWriter(this.context, () => this.searcher.forgetTermFrequencies());
  }

  migrate(options: OpenOptions = {}): Promise<MigrationResult[]> {
    return migrate(this.context.sql, (work) => this.context.driver.transaction(work), options);
  }

  close(): Promise<void> {
    return this.context.driver.close();
  }

  // --- writing -------------------------------------------------------------------------------

  findSource(sha256: string): Promise<KnownSource | null> {
    return this.writer.findSource(sha256);
  }

  currentFormat(symbol: string, language: Language): Promise<SourceFormat | null> {
    return this.writer.currentFormat(symbol, language);
  }

  putDocument(document: Resolution, source: SourceInfo): Promise<PutResult | PutFailure> {
    return this.writer.putDocument(document, source);
  }

  putPrepared(prepared: PreparedDocument, source: SourceInfo): Promise<PutResult | PutFailure> {
    return this.writer.putPrepared(prepared, source);
  }

  putPreparedMany(items: readonly PreparedWrite[]): Promise<(PutResult | PutFailure)[]> {
    return this.writer.putPreparedMany(items);
  }

  putOfficialMetadata(records: readonly OfficialRecord[], source: { name: string | null }): Promise<OfficialWrite> {
    return this.context.driver.transaction((tx) => writeOfficialRecords(tx, records, source.name, new Date().toISOString()));
  }

  registryStamp(): Promise<string> {
    return registryStamp(this.context.db);
  }

  readReport(name: string): Promise<StoredReport | null> {
    return readReport(this.context.db, name);
  }

  writeReport(name: string, report: StoredReport): Promise<void> {
    return writeReport(this.context.db, name, report);
  }

  mandateGroups(filter: MandateFilter, by: readonly MandateGroup[], limit = 200): Promise<MandateGroupRow[]> {
    return groupMandates(this.context.db, mandateWhere(filter), by, limit);
  }

  getOfficialMetadata(symbol: string): Promise<StoredOfficialRecord | null> {
    return readOfficialRecord(this.context.db, symbolFromInput(symbol));
  }

  refreshSeries(options: { force?: boolean } = {}): Promise<{ series: number; refreshed: boolean }> {
    return refreshSeries(this.context, options);
  }

  // --- reading -------------------------------------------------------------------------------

  getDocument(symbol: string, options: { language?: Language; version?: number } = {}): Promise<StoredDocument | null> {
    return getDocument(this.context, symbol, options);
  }

  paragraphOccurrences(symbol: string, ref: string, options: { language?: Language; limit?: number } = {}): Promise<ParagraphOccurrences | null> {
    return paragraphOccurrences(this.context, symbol, ref, options);
  }

  listDocuments(filter: DocumentFilter, page: Page): Promise<Paged<DocumentSummary>> {
    return listDocuments(this.context, filter, page);
  }

  countDocuments(): Promise<number> {
    return countDocuments(this.context);
  }

  search(request: SearchRequest): Promise<SearchOutcome> {
    return this.searcher.search(request);
  }

  mandates(filter: MandateFilter, page: Page): Promise<Paged<MandateRecord>> {
    return mandates(this.context, filter, page);
  }

  citations(symbol: string, query: CitationQuery): Promise<CitationGraph | null> {
    return citations(this.context, symbol, query);
  }

  series(symbolOrTitle: string, options: { language?: Language } = {}): Promise<SeriesRecord[]> {
    return series(this.context, symbolOrTitle, options);
  }

  statistics(): Promise<Statistics> {
    return statistics(this.context);
  }
}

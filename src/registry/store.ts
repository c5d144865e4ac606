import type { OfficialRecord } from "../ingest/official-metadata.js";
import type { ParagraphKind } from "../model/paragraphs.js";
import { problem } from "../model/problems.js";
import type { Body, Language, MandateDecisionKind, MandateEnd, MandateReview, Problem, Resolution, SourceFormat } from "../model/types.js";
import type { OfficialWrite, StoredOfficialRecord } from "./official-rows.js";
import type { StoredReport } from "./derived-reports.js";
import type { MandateGroup, MandateGroupRow } from "./mandate-groups.js";
import type { LifecycleStore } from "./lifecycle/types.js";
import type { PreparedDocument } from "./rows.js";

export type { OfficialWrite, StoredOfficialRecord } from "./official-rows.js";

export type { Body, Language } from "../model/types.js";

/**
 * The registry's one interface. Two implementations share it (src/registry/sqlite.ts, the
 * embedded default, and src/registry/postgres.ts, for a shared server); both run the same
 * numbered migrations and the same contract suite (test/registry/store.test.ts).
 *
 * Identity: a document is its symbol plus language; a version is the SHA-256 of the source
 * bytes. Storing bytes already stored is a no-op; different bytes for a stored symbol make a new
 * version, which becomes current unless the current version is in a more authoritative format
 * (`FORMAT_AUTHORITY`): the ODS text of a resolution held as the UN's Akoma Ntoso XML is kept
 * as a version, a rendition, and the XML stays current. Paragraphs, citations, mandates and SDG
 * links are kept for the current version, so every view below is a query, not a re-parse.
 */

export type DialectName = "sqlite" | "postgres";

/**
 * The registry files a document by its symbol: one without is refused, as a problem (before it
 * is enriched, by `prepareSource`, and again by the store when it is handed one).
 */
export function symbolRequired(): Problem {
  return problem("symbol-required", "no document symbol was found, so the text cannot be filed");
}

/** What the caller knows about the bytes a document was read from. */
export interface SourceInfo {
  sha256: string;
  format: SourceFormat;
  /** The file's name, informational; never its folders (`fileName`): a path would tell how the server's disks are laid out. */
  name: string | null;
  byteLength: number;
}

/** The name of a file without its folders: what the registry records and shows of a source's path ("/srv/in/A_RES_70_1.en.txt" -> "A_RES_70_1.en.txt"). */
export function fileName(path: string): string;
export function fileName(path: string | null): string | null;
export function fileName(path: string | null): string | null {
  return path === null ? null : path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** "rendition": stored as a version that is not current (see `FORMAT_AUTHORITY`). */
export type PutStatus = "added" | "updated" | "rendition" | "unchanged";

/**
 * Which rendition of a document is its current text: the Akoma Ntoso XML the UN publishes
 * (structure and official metadata: votes, sponsors, SDGs), then the ODS text exports, then
 * Word and HTML, then the texts read back from PDF layout or from the EOSG's paragraph JSON,
 * which carry no header. A new version outranked by the current one's format is kept but not
 * made current; at equal rank the newer is a correction and becomes current.
 */
export const FORMAT_AUTHORITY: Readonly<Record<SourceFormat, number>> = { akn: 4, ods: 3, text: 3, docx: 2, html: 2, pdf: 1, eosg: 1 };

/** Whether a new version in `incoming` format is kept as a rendition of a current one in `held`. */
export function outranks(held: SourceFormat, incoming: SourceFormat): boolean {
  return FORMAT_AUTHORITY[held] > FORMAT_AUTHORITY[incoming];
}

export interface PutResult {
  status: PutStatus;
  symbol: string;
  language: Language;
  /** The version number now holding these bytes. */
  version: number;
}

export interface KnownSource {
  symbol: string;
  language: Language;
  version: number;
}

export interface VersionInfo {
  number: number;
  sha256: string;
  format: SourceFormat;
  sourceName: string | null;
  byteLength: number;
  ingestedAt: string;
  current: boolean;
}

export interface DocumentSummary {
  symbol: string;
  language: Language;
  body: Body;
  session: number | null;
  year: number | null;
  title: string | null;
  committee: string | null;
  agendaItem: string | null;
  adoptionDate: string | null;
  format: SourceFormat;
  version: number;
  versions: number;
}

export interface StoredDocument {
  summary: DocumentSummary;
  document: Resolution;
  versions: VersionInfo[];
}

export interface Page {
  limit: number;
  offset: number;
}

export interface Paged<T> extends Page {
  total: number;
  items: T[];
}

/** Filters on documents; every field narrows, absent fields do not. */
export interface DocumentFilter {
  body?: Body;
  language?: Language;
  session?: number;
  year?: number;
  committee?: string;
  agendaItem?: string;
  /** SDG goal number ("9"), from the document's own classification or its paragraphs. */
  sdg?: string;
  /** Words of the title (case-insensitive substring). */
  title?: string;
  /** Documents with at least one mandate addressed to this actor. */
  actor?: string;
}

export interface SearchFilter extends Omit<DocumentFilter, "title" | "actor"> {
  kind?: ParagraphKind;
  /** Normalised operative verb or preambular starter ("requests", "recalling"). */
  verb?: string;
  /** Paragraphs holding a mandate addressed to this actor. */
  actor?: string;
  /** Paragraphs asking for a report due at a named session (true) or holding none (false). */
  hasReportDue?: boolean;
}

export const FACETS = ["body", "language", "session", "year", "committee", "agendaItem", "kind", "verb", "actor", "sdg", "hasReportDue"] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchRequest {
  /** Words (all must match), "quoted phrases", prefix*, -excluded; empty lists by filters only. */
  query: string;
  filter: SearchFilter;
  page: Page;
  facets: readonly FacetName[];
}

/** A paragraph and the document it belongs to: how search hits and where-else lookups name one. */
export interface ParagraphPlace {
  symbol: string;
  language: Language;
  title: string | null;
  session: number | null;
  body: Body;
  /** `preamble.N`, `operative.N`, `footnote.N`, `annex.N.M`. */
  ref: string;
  kind: ParagraphKind;
  number: number | null;
}

export interface SearchHit extends ParagraphPlace {
  /** Normalised verb or starter of the paragraph. */
  phrase: string | null;
  /** HTML-escaped excerpt with the matched words in `<mark>` elements. */
  snippet: string;
  /** BM25 relevance among the newest matches (0 without words); comparable within one result only. */
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  /**
   * Matching paragraphs, counted up to 500 (10,000 when facets are asked for); a lower bound
   * when `totalExact` is false, and then the facets count the newest 10,000 matches.
   */
  total: number;
  totalExact: boolean;
  hits: SearchHit[];
  facets: Partial<Record<FacetName, FacetCount[]>>;
}

/**
 * A search's answer, or why it cannot be run (an unparsable query, a page beyond the hits served):
 * bad input is a value, which the HTTP layer answers with 400 and the CLI with exit code 2.
 */
export type SearchOutcome = { ok: true; result: SearchResult } | { ok: false; problems: Problem[] };

export interface MandateFilter {
  /** Matches the actor as written or its canonical name (case-insensitive; abbreviations resolved). */
  actor?: string;
  verb?: string;
  dueSession?: number;
  report?: boolean;
  /** Session of the resolution that gives the mandate. */
  session?: number;
  symbol?: string;
  body?: Body;
  language?: Language;
  /** Verbs at least this strong (force 1, invites .. 5, decides). */
  minForce?: number;
  /** Only mandates with (true) or without (false) a review or end clause. */
  reviewOrEnd?: boolean;
  /** Row order; default newest resolution first. */
  sort?: MandateSort;
}

/** Orders of the mandate table: newest or oldest resolution, earliest due session, actor, strongest verb. */
export const MANDATE_SORTS = ["newest", "oldest", "due", "actor", "force"] as const;
export type MandateSort = (typeof MANDATE_SORTS)[number];

export interface MandateRecord {
  /** The mandate's stable id (src/compare/mandate-id.ts): what its review is filed under, the same across versions and extractions. */
  id: string;
  symbol: string;
  language: Language;
  title: string | null;
  session: number | null;
  /** `operative.N`. */
  ref: string;
  paragraph: number | null;
  sub: string | null;
  actor: string;
  actorCanonical: string | null;
  actorType: string;
  verb: string;
  category: string;
  force: number;
  action: string;
  report: boolean;
  reportTo: string | null;
  deliverable: string | null;
  dueSession: number | null;
  /** ISO date by or until which to act (src/model/types.ts, `Mandate.dueDate`). */
  dueDate: string | null;
  deadline: string | null;
  recurrence: string | null;
  /** A decision about the actor's own mandate: "establish", "extend", "renew", "modify" or "terminate". */
  decision: MandateDecisionKind | null;
  end: MandateEnd | null;
  review: MandateReview | null;
  hasReviewOrEnd: boolean;
}

export type CitationDirection = "out" | "in" | "both";

export interface CitationNode {
  symbol: string;
  title: string | null;
  session: number | null;
  /** Whether the registry holds the cited document. */
  inRegistry: boolean;
}

export interface CitationEdge {
  from: string;
  to: string;
  /** Where in `from` the citation stands: `preamble.N`, `operative.N`, `footnote.N`, `header`. */
  ref: string;
  kind: string;
  text: string;
}

export interface CitationGraph {
  root: string;
  nodes: CitationNode[];
  edges: CitationEdge[];
  /** True when the node limit cut the walk short. */
  truncated: boolean;
}

export interface CitationQuery {
  direction: CitationDirection;
  /** 1 = direct citations; more follows chains. */
  depth: number;
  language?: Language;
  /** Stop after this many nodes. */
  maxNodes?: number;
}

export interface SeriesMember {
  symbol: string;
  session: number | null;
  title: string | null;
  adoptionDate: string | null;
}

export interface SeriesRecord {
  key: string;
  title: string;
  body: Body;
  language: Language;
  members: SeriesMember[];
}

export interface Statistics {
  documents: number;
  versions: number;
  paragraphs: number;
  citations: number;
  mandates: number;
  bySession: { session: number; documents: number; mandates: number }[];
  byActor: { actor: string; mandates: number; reports: number }[];
  reportsDueBySession: { session: number; reports: number }[];
}

export interface MigrationResult {
  id: number;
  name: string;
  status: "applied" | "already-applied";
}

export interface OpenOptions {
  /**
   * Called before each migration applied to a registry that already had some: an upgrade can
   * take a minute or more on a large registry (migration 10 rewrites every paragraph id), and
   * the user should know why the command waits. Not called when a new registry is created.
   */
  onUpgrade?: (migration: { id: number; name: string }) => void;
  /**
   * PostgreSQL: the time limit of each statement (statement_timeout), for connections that
   * answer requests; a statement past it fails with code 57014. SQLite cannot stop a statement
   * (its driver is synchronous): the server runs its reads in worker threads instead.
   */
  statementTimeoutMs?: number;
  /**
   * PostgreSQL: false runs each statement in its own server process alone
   * (max_parallel_workers_per_gather = 0), for connections that answer the costly reads of many
   * clients at once: a scan fanned out over every core of the database's machine starves the
   * cheap requests answered beside it. Default true.
   */
  parallelQueries?: boolean;
  /**
   * False when the registry is known to be current: a worker thread of the process that opened
   * (and so migrated) it. Default true.
   */
  migrate?: boolean;
}

export interface PreparedWrite {
  prepared: PreparedDocument;
  source: SourceInfo;
}

/** A document that was not written, and why (its problem, or the database's error). */
export interface PutFailure {
  status: "failed";
  reason: string;
}

export interface ParagraphOccurrences {
  symbol: string;
  language: Language;
  ref: string;
  text: string;
  /** Paragraphs with the same words (up to case and spacing), newest first; the paragraph itself is left out. */
  occurrences: ParagraphPlace[];
}

export interface Store {
  readonly dialect: DialectName;
  /** The file path or URL (without password) the store was opened on. */
  readonly location: string;

  /** Brings the schema up to date; idempotent and safe for concurrent callers. */
  migrate(options?: OpenOptions): Promise<MigrationResult[]>;

  /** The document and version already holding these bytes, if any: lets ingest skip parsing. */
  findSource(sha256: string): Promise<KnownSource | null>;
  /** The format of the current version of a symbol in a language, null when none is stored. */
  currentFormat(symbol: string, language: Language): Promise<SourceFormat | null>;
  /** Stores one document version in one transaction; a document without a symbol is refused. */
  putDocument(document: Resolution, source: SourceInfo): Promise<PutResult | PutFailure>;
  /** The same for a document already flattened into rows (by `prepareDocument`, possibly in another thread). */
  putPrepared(prepared: PreparedDocument, source: SourceInfo): Promise<PutResult | PutFailure>;
  /**
   * Several prepared documents in one transaction (a bulk load commits and indexes once per
   * batch, not per document). A document that cannot be written fails alone, reported in its
   * slot; the others are stored.
   */
  putPreparedMany(items: readonly PreparedWrite[]): Promise<(PutResult | PutFailure)[]>;
  /**
   * Stores rows of official metadata (one per symbol; a symbol already held is updated), in one
   * transaction, whether or not the registry holds the documents they describe.
   */
  putOfficialMetadata(records: readonly OfficialRecord[], source: { name: string | null }): Promise<OfficialWrite>;
  /** The row of official metadata of a symbol, as stored; null when none was ingested. */
  getOfficialMetadata(symbol: string): Promise<StoredOfficialRecord | null>;
  /** Recomputes series membership when documents changed since the last refresh. */
  refreshSeries(options?: { force?: boolean }): Promise<{ series: number; refreshed: boolean }>;

  /** A stored version (the current one by default), its metadata completed by the symbol's row of official metadata (`withOfficialFacts`). */
  getDocument(symbol: string, options?: { language?: Language; version?: number }): Promise<StoredDocument | null>;
  listDocuments(filter: DocumentFilter, page: Page): Promise<Paged<DocumentSummary>>;
  search(request: SearchRequest): Promise<SearchOutcome>;
  mandates(filter: MandateFilter, page: Page): Promise<Paged<MandateRecord>>;
  /** Mandates counted by the groups named (largest first), under the table's filters (sort ignored). */
  mandateGroups(filter: MandateFilter, by: readonly MandateGroup[], limit?: number): Promise<MandateGroupRow[]>;
  citations(symbol: string, query: CitationQuery): Promise<CitationGraph | null>;
  /** Where else a paragraph of a document appears; null when the document or the paragraph is unknown. */
  paragraphOccurrences(symbol: string, ref: string, options?: { language?: Language; limit?: number }): Promise<ParagraphOccurrences | null>;
  /** Series holding the document with this symbol, or whose title matches the words. */
  series(symbolOrTitle: string, options?: { language?: Language }): Promise<SeriesRecord[]>;
  statistics(): Promise<Statistics>;
  /** A value that changes with every write: reports derived from the whole registry are valid while it holds. */
  registryStamp(): Promise<string>;
  /** A stored derived report (the duplication report), with the stamp it was computed at. */
  readReport(name: string): Promise<StoredReport | null>;
  writeReport(name: string, report: StoredReport): Promise<void>;
  countDocuments(): Promise<number>;

  /** Accounts, the review of mandates, report deliveries and the audit trail, on the same connection (src/registry/lifecycle/). */
  readonly lifecycle: LifecycleStore;

  close(): Promise<void>;
}

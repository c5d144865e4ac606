import { resolveActor } from "../enrich/actors.js";
import { enrich } from "../enrich/index.js";
import type { Body, Language, Resolution, SourceFormat } from "../model/types.js";
import type { Fragment, IdRange, Row, SqlDialect, SqlDriver, SqlExecutor } from "./dialect.js";
import { migrate } from "./migrations/index.js";
import { type Candidate, excerpt, SCORED_PREFIX, scoreCandidates, type TermStatistics, termKey } from "./ranking.js";
import {
  actorKey,
  decodeModel,
  type DocumentRows,
  DOCUMENT_SPAN,
  documentOfParagraph,
  PARAGRAPH_ID_SPAN,
  paragraphBase,
  type ParagraphRow,
  type PreparedDocument,
  prepareDocument,
  recencyOf,
} from "./rows.js";
import { parseSearch, type SearchExpression, type SearchTerm } from "./search-query.js";
import { expandPrefixes, prefixesOf } from "./search-words.js";
import { insertWords, wordsBeginning } from "./word-rows.js";
import { readReport, registryStamp, type StoredReport, writeReport } from "./derived-reports.js";
import { groupMandates, type MandateGroup, type MandateGroupRow } from "./mandate-groups.js";
import { groupSeries, type RecallEdge, recallsOwnResolutions, type SeriesCandidate, titleKey } from "./series.js";
import {
  outranks,
  type ParagraphOccurrences,
  type ParagraphPlace,
  type PreparedWrite,
  type PutFailure,
  type CitationEdge,
  type CitationGraph,
  type CitationNode,
  type CitationQuery,
  type DialectName,
  type DocumentFilter,
  type DocumentSummary,
  type FacetCount,
  type FacetName,
  type KnownSource,
  type MandateFilter,
  type MandateRecord,
  type MandateSort,
  type MigrationResult,
  type OpenOptions,
  type Page,
  type Paged,
  type ParagraphKind,
  type PutResult,
  type SearchFilter,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
  type SeriesRecord,
  type SourceInfo,
  type Statistics,
  type Store,
  type StoredDocument,
  type VersionInfo,
} from "./store.js";
import { canonicalSymbol, looksLikeSymbol } from "./symbols.js";

/** Bad input to a query (an unparsable search, say): the HTTP layer answers 400, the CLI exits 2. */
export class RegistryInputError extends Error {
  override readonly name = "RegistryInputError";
}

const DOCUMENT_COLUMNS = "d.symbol, d.language, d.body, d.session, d.year, d.title, d.committee, d.agenda_item, d.adoption_date, d.format, d.current_version, d.version_count";
const FACET_LIMIT = 30;
/** Full-text hits are ranked among this many newest matches. */
const RANK_WINDOW = 500;
/**
 * Totals are counted exactly up to here ("500+" beyond) unless facets are asked for: the
 * matches ranked, and one more. Counting to 1,000 fetched twice the matches for the searches
 * that have that many, the slowest: at 50,000 documents p95 went from 17.9-26.2 to 16.2-16.7 ms.
 */
const TOTAL_CAP = RANK_WINDOW;
/** Facets count at most this many (newest) matches: exact below, a sample of the newest above. */
const FACET_SAMPLE = 10_000;
/** Deepest hit served (offset + limit). */
const MAX_RESULT_WINDOW = 10_000;
const FREQUENCY_CAP = 10_000;
const STATISTICS_TTL_MS = 60_000;
const MAX_CITATION_NODES = 500;

/** Conditions joined with AND; an empty list is no condition. */
function where(conditions: Fragment[]): Fragment {
  if (!conditions.length) return { sql: "", params: [] };
  return { sql: ` WHERE ${conditions.map((c) => c.sql).join(" AND ")}`, params: conditions.flatMap((c) => c.params) };
}

function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** Documents written between turns of the event loop in a batch. */
const YIELD_EVERY = 8;

const NO_SYMBOL = "the document has no symbol, so it has no identity in the registry";

/** Columns of a paragraph `p` and its document `d` that name the paragraph's place. */
const PLACE_COLUMNS = "p.ref, p.kind, p.number, d.symbol, d.language, d.title, d.session, d.body";

function placeOf(r: Row): ParagraphPlace {
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

function summaryOf(r: Row): DocumentSummary {
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

/**
 * The Store over any SQL database a driver and dialect describe: one implementation of every
 * query, so the two back ends cannot drift apart.
 */
export class SqlStore implements Store {
  readonly dialect: DialectName;

  constructor(
    private readonly sql: SqlDialect,
    private readonly driver: SqlDriver,
    readonly location: string,
  ) {
    this.dialect = sql.name;
  }

  migrate(options: OpenOptions = {}): Promise<MigrationResult[]> {
    return migrate(this.sql, (work) => this.driver.transaction(work), options);
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private get db(): SqlExecutor {
    return this.driver.reader;
  }

  // --- writing -------------------------------------------------------------------------------

  async findSource(sha256: string): Promise<KnownSource | null> {
    const [row] = await this.db.all(
      "SELECT d.symbol, d.language, v.number FROM versions v JOIN documents d ON d.id = v.document_id WHERE v.sha256 = ? LIMIT 1",
      [sha256],
    );
    return row ? { symbol: String(row.symbol), language: row.language as Language, version: Number(row.number) } : null;
  }

  async currentFormat(symbol: string, language: Language): Promise<SourceFormat | null> {
    const [row] = await this.db.all("SELECT format FROM documents WHERE symbol = ? AND language = ? AND version_count > 0", [symbol, language]);
    return row ? (row.format as SourceFormat) : null;
  }

  putDocument(document: Resolution, source: SourceInfo): Promise<PutResult> {
    return this.putPrepared(prepareDocument(document), source);
  }

  async putPrepared(prepared: PreparedDocument, source: SourceInfo): Promise<PutResult> {
    if (!prepared.symbol) throw new RegistryInputError(NO_SYMBOL);
    this.handOverWords([prepared]);
    return this.writeTransaction((tx) => this.writePrepared(tx, prepared, source));
  }

  async putPreparedMany(items: readonly PreparedWrite[]): Promise<(PutResult | PutFailure)[]> {
    this.handOverWords(items.map((item) => item.prepared));
    const failure = (e: unknown): PutFailure => ({ status: "failed", reason: e instanceof Error ? e.message : String(e) });
    const writable = items.filter((item) => item.prepared.symbol);
    let written: PutResult[] | null = null;
    if (writable.length > 0) {
      // No savepoint per document: FTS5 flushes its pending terms into a new segment at every
      // savepoint, which costs what batching saves. A batch that fails is written again one
      // document per transaction, so that only the document at fault fails.
      written = await this.writeTransaction(async (tx) => {
        const results: PutResult[] = [];
        for (const { prepared, source } of writable) {
          results.push(await this.writePrepared(tx, prepared, source));
          // SQLite writes synchronously: without a turn of the event loop now and then, a
          // batch of 256 documents holds this thread for half a second, and worker threads
          // that finish their queued files meanwhile get no more (a fifth of their time idle).
          if (results.length % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        return results;
      }).catch(() => null);
    }
    const results: (PutResult | PutFailure)[] = [];
    let k = 0;
    for (const { prepared, source } of items) {
      if (!prepared.symbol) results.push({ status: "failed", reason: NO_SYMBOL });
      else if (written) results.push(written[k++]!);
      else results.push(await this.putPrepared(prepared, source).catch(failure));
    }
    return results;
  }

  /** Dictionary words (word-rows.ts) the registry is known to hold; read at the first write. */
  private committedWords: Set<string> | null = null;
  /**
   * Words handed over with documents and not yet committed. Every word handed over is added to
   * the dictionary by the next write transaction that commits, whatever becomes of its document
   * (kept as a rendition, unchanged, refused): an ingest worker hands each word over once only.
   * A superset does no harm: a word no paragraph holds matches nothing.
   */
  private readonly pendingWords = new Set<string>();

  private handOverWords(documents: readonly PreparedDocument[]): void {
    for (const document of documents) for (const word of document.rows?.words ?? []) this.pendingWords.add(word);
  }

  /** A transaction that writes documents, opened by adding the words pending to the dictionary. */
  private async writeTransaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    this.committedWords ??= new Set((await this.db.all("SELECT word FROM search_words")).map((r) => String(r.word)));
    const committed = this.committedWords;
    const pending = [...this.pendingWords];
    const words = pending.filter((word) => !committed.has(word));
    const result = await this.driver.transaction(async (tx) => {
      await insertWords(tx, words);
      return work(tx);
    });
    for (const word of words) committed.add(word);
    for (const word of pending) this.pendingWords.delete(word);
    return result;
  }

  /** One document version, inside the caller's transaction. */
  private async writePrepared(tx: SqlExecutor, prepared: PreparedDocument, source: SourceInfo): Promise<PutResult> {
    const { symbol, language, rows } = prepared;
    // A model that crossed a thread boundary arrives as a plain Uint8Array; the drivers bind Buffers.
    const model = Buffer.from(prepared.model.buffer, prepared.model.byteOffset, prepared.model.byteLength);
    const now = new Date().toISOString();
    if (rows) {
      await tx.run("INSERT INTO documents (symbol, language, body, format, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (symbol, language) DO NOTHING", [
        symbol,
        language,
        rows.document.body,
        prepared.format,
        now,
      ]);
    }
    const [existing] = await tx.all(`SELECT id, version_count, paragraph_base, format FROM documents WHERE symbol = ? AND language = ?${this.sql.lockRows}`, [
      symbol,
      language,
    ]);
    const outranked = existing && Number(existing.version_count) > 0 && outranks(existing.format as SourceFormat, prepared.format);
    // A rendition is prepared only once a more authoritative version is held, and versions are
    // never removed: this is a caller's mistake, not a race.
    if (!rows && !outranked) throw new Error(`${symbol} (${language}) was prepared as a rendition, but the registry holds no more authoritative version of it`);
    const documentId = Number(existing!.id);
    const [same] = await tx.all("SELECT number FROM versions WHERE document_id = ? AND sha256 = ?", [documentId, source.sha256]);
    if (same) return { status: "unchanged", symbol, language, version: Number(same.number) };

    const version = Number(existing!.version_count) + 1;
    await tx.run(
      "INSERT INTO versions (document_id, number, sha256, format, source_name, byte_length, ingested_at, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [documentId, version, source.sha256, source.format, source.name, source.byteLength, now, model],
    );
    if (outranked || !rows) {
      await tx.run("UPDATE documents SET version_count = ?, updated_at = ? WHERE id = ?", [version, now, documentId]);
      return { status: "rendition", symbol, language, version };
    }
    const d = rows.document;
    const base = paragraphBase(recencyOf(d), documentId);
    await tx.run(
      `UPDATE documents SET body = ?, session = ?, year = ?, number = ?, title = ?, title_key = ?, committee = ?, committee_report = ?,
         agenda_item = ?, adoption_date = ?, plenary_meeting = ?, format = ?, problems = ?, current_version = ?, version_count = ?, updated_at = ?,
         paragraph_base = ?
       WHERE id = ?`,
      [d.body, d.session, d.year, d.number, d.title, d.title_key, d.committee, d.committee_report, d.agenda_item, d.adoption_date,
        d.plenary_meeting, d.format, d.problems, version, version, now, base, documentId],
    );
    // A document without versions has no rows to replace.
    const previousBase = version === 1 ? null : Number(existing!.paragraph_base);
    await this.replaceDerivedRows(tx, documentId, language, rows, previousBase, base);
    await tx.run("INSERT INTO registry_state (key, value) VALUES ('series_dirty', '1') ON CONFLICT (key) DO UPDATE SET value = '1'");
    return { status: version === 1 ? "added" : "updated", symbol, language, version };
  }

  private async replaceDerivedRows(
    tx: SqlExecutor,
    documentId: number,
    language: string,
    rows: DocumentRows,
    previousBase: number | null,
    first: number,
  ): Promise<void> {
    this.termFrequencies.clear();
    const paragraphId = (ordinal: number | null) => (ordinal === null ? null : first + ordinal);
    // Skipped for a new document: a DELETE that reaches the full-text index's trigger makes
    // FTS5 flush its pending terms, even when no row matches.
    let kept = 0;
    if (previousBase !== null) {
      if (previousBase === first) kept = await this.updateParagraphsInPlace(tx, first, rows.paragraphs);
      else await tx.run("DELETE FROM paragraphs WHERE id >= ? AND id < ?", [previousBase, previousBase + PARAGRAPH_ID_SPAN]);
      for (const table of ["citations", "mandates", "sdg_links", "document_goals"]) await tx.run(`DELETE FROM ${table} WHERE document_id = ?`, [documentId]);
    }
    const added = rows.paragraphs.slice(kept);
    await tx.insertRows(
      "paragraphs",
      ["id", "document_id", "language", "ordinal", "ref", "kind", "number", "phrase", "part", "text", "text_hash", "start_offset", "end_offset"],
      added.map((p) => [first + p.ordinal, documentId, language, p.ordinal, p.ref, p.kind, p.number, p.phrase, p.part, p.text, p.text_hash, p.start_offset, p.end_offset]),
    );
    const indexing = added.length ? this.sql.indexParagraphs(first + kept, first + PARAGRAPH_ID_SPAN) : null;
    if (indexing) await tx.run(indexing.sql, indexing.params);
    await tx.insertRows(
      "citations",
      ["document_id", "paragraph_id", "ref", "symbol", "kind", "text"],
      rows.citations.map((c) => [documentId, paragraphId(c.ordinal), c.ref, c.symbol, c.kind, c.text]),
    );
    await tx.insertRows(
      "mandates",
      ["document_id", "paragraph_id", "ref", "paragraph_number", "sub", "actor", "actor_canonical", "actor_key", "actor_type", "verb", "category",
        "force", "action", "report", "report_to", "deliverable", "due_session", "deadline", "recurrence", "has_review_or_end"],
      rows.mandates.map((m) => [documentId, paragraphId(m.ordinal), m.ref, m.paragraph_number, m.sub, m.actor, m.actor_canonical, m.actor_key,
        m.actor_type, m.verb, m.category, m.force, m.action, m.report, m.report_to, m.deliverable, m.due_session, m.deadline, m.recurrence,
        m.has_review_or_end]),
    );
    await tx.insertRows(
      "sdg_links",
      ["document_id", "paragraph_id", "goal", "target", "origin"],
      rows.sdgs.map((s) => [documentId, paragraphId(s.ordinal), s.goal, s.target, s.origin]),
    );
    await tx.insertRows(
      "document_goals",
      ["document_id", "goal"],
      [...new Set(rows.sdgs.map((s) => s.goal))].map((goal) => [documentId, goal]),
    );
  }

  /**
   * A new version's paragraphs over the previous version's, row by row at the same ids: most
   * paragraphs of a corrected text, or of the same resolution in another format, are unchanged,
   * and an unchanged text, kind and verb leave the full-text index alone (its update trigger
   * fires on those columns only), where deleting and inserting every row re-indexed them all.
   * A version's rows hold ordinals 0..n-1 at ids base + ordinal, so the two versions line up by
   * position. Rows past the new version's end are deleted. Returns how many rows now hold the
   * new version's first paragraphs; the caller inserts the rest.
   */
  private async updateParagraphsInPlace(tx: SqlExecutor, base: number, paragraphs: readonly ParagraphRow[]): Promise<number> {
    const previous = await tx.all(
      "SELECT ref, kind, number, phrase, part, text, text_hash, start_offset, end_offset FROM paragraphs WHERE id >= ? AND id < ? ORDER BY id",
      [base, base + PARAGRAPH_ID_SPAN],
    );
    await tx.run("DELETE FROM paragraphs WHERE id >= ? AND id < ?", [base + paragraphs.length, base + PARAGRAPH_ID_SPAN]);
    const kept = Math.min(previous.length, paragraphs.length);
    for (let k = 0; k < kept; k++) {
      const [r, p] = [previous[k]!, paragraphs[k]!];
      const sameIndexed = r.text === p.text && r.kind === p.kind && str(r.phrase) === p.phrase;
      if (sameIndexed && r.ref === p.ref && num(r.number) === p.number && str(r.part) === p.part && r.text_hash === p.text_hash
        && Number(r.start_offset) === p.start_offset && Number(r.end_offset) === p.end_offset) continue;
      if (sameIndexed) {
        await tx.run("UPDATE paragraphs SET ref = ?, number = ?, part = ?, start_offset = ?, end_offset = ? WHERE id = ?",
          [p.ref, p.number, p.part, p.start_offset, p.end_offset, base + p.ordinal]);
      } else {
        await tx.run("UPDATE paragraphs SET ref = ?, kind = ?, number = ?, phrase = ?, part = ?, text = ?, text_hash = ?, start_offset = ?, end_offset = ? WHERE id = ?",
          [p.ref, p.kind, p.number, p.phrase, p.part, p.text, p.text_hash, p.start_offset, p.end_offset, base + p.ordinal]);
      }
    }
    return kept;
  }

  async refreshSeries(options: { force?: boolean } = {}): Promise<{ series: number; refreshed: boolean }> {
    const [state] = await this.db.all("SELECT value FROM registry_state WHERE key = 'series_dirty'");
    if (!options.force && state?.value !== "1") {
      const [count] = await this.db.all("SELECT COUNT(*) AS n FROM series");
      return { series: Number(count!.n), refreshed: false };
    }
    return this.driver.transaction(async (tx) => {
      // Read inside the write transaction: no document can change between reading and writing.
      const candidates: SeriesCandidate[] = (
        await tx.all("SELECT id, symbol, body, language, session, number, title, title_key FROM documents WHERE title_key IS NOT NULL")
      ).map((r) => ({
        id: Number(r.id),
        symbol: String(r.symbol),
        body: String(r.body),
        language: String(r.language),
        session: num(r.session),
        number: num(r.number),
        title: String(r.title),
        titleKey: String(r.title_key),
      }));
      const recalls: RecallEdge[] = (
        await tx.all(
          `SELECT c.document_id AS source, t.id AS target, p.text FROM citations c
             JOIN paragraphs p ON p.id = c.paragraph_id
             JOIN documents s ON s.id = c.document_id
             JOIN documents t ON t.symbol = c.symbol AND t.language = s.language
           WHERE c.kind = 'resolution' AND p.kind = 'preambular' AND p.phrase = 'recalling'`,
        )
      )
        .filter((r) => recallsOwnResolutions(String(r.text)))
        .map((r) => ({ from: Number(r.source), to: Number(r.target) }));
      const groups = groupSeries(candidates, recalls);
      await tx.run("DELETE FROM series_members");
      await tx.run("DELETE FROM series");
      for (const group of groups) {
        const [created] = await tx.all("INSERT INTO series (key, title, body, language) VALUES (?, ?, ?, ?) RETURNING id", [
          group.key,
          group.title,
          group.body,
          group.language,
        ]);
        await tx.insertRows(
          "series_members",
          ["series_id", "document_id", "position"],
          group.members.map((id, i) => [Number(created!.id), id, i + 1]),
        );
      }
      await tx.run("INSERT INTO registry_state (key, value) VALUES ('series_dirty', '0') ON CONFLICT (key) DO UPDATE SET value = '0'");
      return { series: groups.length, refreshed: true };
    });
  }

  // --- documents -----------------------------------------------------------------------------

  /** The stored document with this symbol: in `language`, else English, else any language. */
  private async findDocumentRow(symbol: string, language?: Language): Promise<Row | null> {
    const canonical = canonicalSymbol(symbol);
    const rows = await this.db.all(
      `SELECT d.id, ${DOCUMENT_COLUMNS} FROM documents d WHERE d.symbol = ?${language ? " AND d.language = ?" : ""}
       ORDER BY CASE WHEN d.language = 'en' THEN 0 ELSE 1 END, d.language LIMIT 1`,
      language ? [canonical, language] : [canonical],
    );
    return rows[0] ?? null;
  }

  async getDocument(symbol: string, options: { language?: Language; version?: number } = {}): Promise<StoredDocument | null> {
    const row = await this.findDocumentRow(symbol, options.language);
    if (!row) return null;
    const versionRows = await this.db.all(
      "SELECT number, sha256, format, source_name, byte_length, ingested_at FROM versions WHERE document_id = ? ORDER BY number",
      [row.id],
    );
    const current = Number(row.current_version);
    const wanted = options.version ?? current;
    const [model] = await this.db.all("SELECT model FROM versions WHERE document_id = ? AND number = ?", [row.id, wanted]);
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
    return { summary: summaryOf(row), document: stage === "parsed" ? enrich(document) : document, versions };
  }

  async paragraphOccurrences(symbol: string, ref: string, options: { language?: Language; limit?: number } = {}): Promise<ParagraphOccurrences | null> {
    const row = await this.findDocumentRow(symbol, options.language);
    if (!row) return null;
    const [paragraph] = await this.db.all("SELECT id, text, text_hash FROM paragraphs WHERE document_id = ? AND ref = ?", [row.id, ref]);
    if (!paragraph) return null;
    const found = await this.db.all(
      `SELECT ${PLACE_COLUMNS} FROM paragraphs p JOIN documents d ON d.id = p.document_id
       WHERE p.text_hash = ? AND p.id <> ? ORDER BY p.id LIMIT ?`,
      [paragraph.text_hash, paragraph.id, options.limit ?? 100],
    );
    return { symbol: String(row.symbol), language: row.language as Language, ref, text: String(paragraph.text), occurrences: found.map(placeOf) };
  }

  private documentConditions(filter: DocumentFilter | SearchFilter, alias = "d"): Fragment[] {
    const c: Fragment[] = [];
    const eq = (column: string, value: unknown) => c.push({ sql: `${alias}.${column} = ?`, params: [value] });
    if (filter.body) eq("body", filter.body);
    if (filter.language) eq("language", filter.language);
    if (filter.session !== undefined) eq("session", filter.session);
    if (filter.year !== undefined) eq("year", filter.year);
    if (filter.committee) c.push({ sql: `lower(${alias}.committee) = ?`, params: [filter.committee.toLowerCase()] });
    if (filter.agendaItem) eq("agenda_item", filter.agendaItem);
    if (filter.sdg) c.push({ sql: `EXISTS (SELECT 1 FROM document_goals g WHERE g.document_id = ${alias}.id AND g.goal = ?)`, params: [filter.sdg] });
    if ("title" in filter && filter.title) {
      c.push({ sql: `${alias}.title ${this.sql.ilike} ? ESCAPE '\\'`, params: [`%${escapeLike(filter.title)}%`] });
    }
    return c;
  }

  /** Mandates (alias `x`) addressed to `actor`: as written or canonical, abbreviations resolved, or containing the words. */
  private actorCondition(actor: string, alias = "x"): Fragment {
    const key = actorKey(actor);
    const canonical = resolveActor(actor)?.canonical;
    const keys = [...new Set([key, ...(canonical ? [actorKey(canonical)] : [])])];
    return {
      sql: `(${alias}.actor_key IN (${placeholders(keys)}) OR ${alias}.actor_key LIKE ? ESCAPE '\\')`,
      params: [...keys, `%${escapeLike(key)}%`],
    };
  }

  async listDocuments(filter: DocumentFilter, page: Page): Promise<Paged<DocumentSummary>> {
    const conditions = this.documentConditions(filter);
    if (filter.actor) {
      const actor = this.actorCondition(filter.actor);
      conditions.push({ sql: `EXISTS (SELECT 1 FROM mandates x WHERE x.document_id = d.id AND ${actor.sql})`, params: actor.params });
    }
    const w = where(conditions);
    const [count] = await this.db.all(`SELECT COUNT(*) AS n FROM documents d${w.sql}`, w.params);
    const rows = await this.db.all(
      `SELECT ${DOCUMENT_COLUMNS} FROM documents d${w.sql} ORDER BY d.session DESC NULLS LAST, d.number DESC NULLS LAST, d.symbol, d.language LIMIT ? OFFSET ?`,
      [...w.params, page.limit, page.offset],
    );
    return { total: Number(count!.n), limit: page.limit, offset: page.offset, items: rows.map(summaryOf) };
  }

  async countDocuments(): Promise<number> {
    const [row] = await this.db.all("SELECT COUNT(*) AS n FROM documents WHERE version_count > 0");
    return Number(row!.n);
  }

  // --- search --------------------------------------------------------------------------------

  /**
   * The paragraph ids a session or year filter allows, as a half-open range (ids begin with the
   * document's recency, then its id): a year gives its recency; a session, the ids of its
   * documents (one indexed lookup). Undefined when neither filter is set.
   */
  private async paragraphIdBounds(filter: SearchFilter): Promise<IdRange | undefined> {
    let range: IdRange | undefined;
    const narrow = (next: IdRange) => {
      range = range ? { from: Math.max(range.from, next.from), to: Math.min(range.to, next.to) } : next;
    };
    if (filter.year !== undefined) {
      const recency = recencyOf({ year: filter.year, session: null });
      narrow({ from: paragraphBase(recency, 0), to: paragraphBase(recency, DOCUMENT_SPAN - 1) + PARAGRAPH_ID_SPAN });
    }
    if (filter.session !== undefined) {
      const [row] = await this.db.all("SELECT MIN(d.paragraph_base) AS lo, MAX(d.paragraph_base) AS hi FROM documents d WHERE d.session = ?", [
        filter.session,
      ]);
      narrow(row?.lo === null || row?.lo === undefined ? { from: 0, to: 0 } : { from: Number(row.lo), to: Number(row.hi) + PARAGRAPH_ID_SPAN });
    }
    return range;
  }

  /**
   * The matching paragraphs as rows `(id, document_id)`, filters applied. What drives the query:
   * the full-text match when there are words or a kind or verb the dialect indexes (matched
   * there, newest first, which stops after the page's matches), else the documents the filters
   * select and their paragraph id ranges, else the paragraphs table. A session or year filter
   * also bounds the full-text match to the paragraph ids those documents can have, so that an
   * old session is not reached by reading every newer match. CROSS JOIN keeps SQLite from
   * probing the full-text index once per row; PostgreSQL reads it as a plain join.
   */
  private async matches(expression: SearchExpression | null, filter: SearchFilter): Promise<Fragment> {
    const documentConditions = this.documentConditions(filter);
    const tags = this.sql.indexesParagraphTags ? { ...(filter.kind ? { kind: filter.kind } : {}), ...(filter.verb ? { verb: filter.verb } : {}) } : {};
    const tagsIndexed = Object.keys(tags).length > 0;
    const match =
      expression || !documentConditions.length || tagsIndexed
        ? this.sql.matchParagraphs(expression && (await this.indexExpression(expression, filter.language)), filter.language, tags, await this.paragraphIdBounds(filter))
        : null;
    const tagsMatched = match !== null && this.sql.indexesParagraphTags;
    const paragraphConditions: Fragment[] = [];
    if (filter.kind && !tagsMatched) paragraphConditions.push({ sql: "p.kind = ?", params: [filter.kind] });
    if (filter.verb && !tagsMatched) paragraphConditions.push({ sql: "p.phrase = ?", params: [filter.verb.toLowerCase()] });
    let from: string;
    const fromParams: unknown[] = [];
    let id = "p.id";
    const joins: Fragment[] = [];
    if (match) {
      from = `(${match.sql}) m`;
      fromParams.push(...match.params);
      id = "m.id";
      if (documentConditions.length) {
        from += " CROSS JOIN documents d";
        joins.push({ sql: `d.id = ${documentOfParagraph(id)}`, params: [] });
      }
      if (paragraphConditions.length) {
        from += " CROSS JOIN paragraphs p";
        joins.push({ sql: "p.id = m.id", params: [] });
      }
    } else if (documentConditions.length) {
      const base = "d.paragraph_base";
      from = "documents d CROSS JOIN paragraphs p";
      // The range drives SQLite (documents first, then each one's paragraphs by id); the same
      // document id read from the paragraph id lets PostgreSQL hash-join instead of testing
      // every paragraph against every document's range.
      joins.push({ sql: `p.id >= ${base} AND p.id < ${base} + ${PARAGRAPH_ID_SPAN} AND d.id = ${documentOfParagraph("p.id")}`, params: [] });
    } else {
      from = "paragraphs p";
    }
    const conditions = [...joins, ...documentConditions, ...paragraphConditions];
    if (filter.actor) {
      const actor = this.actorCondition(filter.actor);
      conditions.push({ sql: `EXISTS (SELECT 1 FROM mandates x WHERE x.paragraph_id = ${id} AND ${actor.sql})`, params: actor.params });
    }
    if (filter.hasReportDue !== undefined) {
      conditions.push({
        sql: `${filter.hasReportDue ? "" : "NOT "}EXISTS (SELECT 1 FROM mandates x WHERE x.paragraph_id = ${id} AND x.report = 1 AND x.due_session IS NOT NULL)`,
        params: [],
      });
    }
    const w = where(conditions);
    return { sql: `SELECT ${id} AS id, ${documentOfParagraph(id)} AS document_id FROM ${from}${w.sql}`, params: [...fromParams, ...w.params] };
  }

  /**
   * Hits ranked by relevance among the newest RANK_WINDOW matches (all of them when fewer), or
   * newest first without words. The total is exact up to TOTAL_CAP, or up to FACET_SAMPLE when
   * facets are asked for; facets count the newest FACET_SAMPLE matches (all of them when fewer).
   */
  async search(request: SearchRequest): Promise<SearchResult> {
    const parsed = parseSearch(request.query);
    if (!parsed.ok) throw new RegistryInputError(parsed.message);
    const { limit, offset } = request.page;
    if (offset + limit > MAX_RESULT_WINDOW) {
      throw new RegistryInputError(`hits beyond the first ${MAX_RESULT_WINDOW} are not served; narrow the search with words or filters`);
    }
    const expression = parsed.expression;
    const hits = await this.matches(expression, request.filter);
    // One pass over the newest matches serves the window, the page and the capped total.
    const windowSize = expression ? Math.max(RANK_WINDOW, offset + limit) : offset + limit;
    const wanted = request.facets.length ? windowSize : Math.max(windowSize, TOTAL_CAP + 1);
    const newest = (await this.db.all(`SELECT id FROM (${hits.sql}) h ORDER BY id LIMIT ?`, [...hits.params, wanted])).map((r) => Number(r.id));
    let page: { id: number; score: number }[];
    if (!expression) {
      page = newest.slice(offset, offset + limit).map((id) => ({ id, score: 0 }));
    } else {
      const window = newest.slice(0, windowSize);
      const candidates = await this.candidates(window);
      const stats = await this.termStatistics(expression, request.filter.language);
      const scores = scoreCandidates(expression, window.map((id) => candidates.get(id) ?? { text: "", length: 0 }), stats);
      page = window
        .map((id, i) => ({ id, score: Math.round(scores[i]! * 1e4) / 1e4 }))
        .sort((a, b) => b.score - a.score || a.id - b.id)
        .slice(offset, offset + limit);
    }
    const cap = request.facets.length ? FACET_SAMPLE : TOTAL_CAP;
    const counted = request.facets.length ? await this.aggregates(hits, request.facets) : { total: newest.length, facets: {} };
    return {
      total: Math.min(counted.total, cap),
      totalExact: counted.total <= cap,
      hits: await this.describeHits(page, expression),
      facets: counted.facets,
    };
  }

  private async candidates(ids: readonly number[]): Promise<Map<number, Candidate>> {
    const found = new Map<number, Candidate>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.db.all(`SELECT id, text FROM paragraphs WHERE id IN (${placeholders(chunk)})`, chunk);
      for (const r of rows) {
        const text = String(r.text);
        found.set(Number(r.id), { text: text.slice(0, SCORED_PREFIX), length: text.length });
      }
    }
    return found;
  }

  private readonly termFrequencies = new Map<string, { frequency: number; at: number }>();
  private paragraphTotal = { count: 0, at: -Infinity };

  /**
   * Paragraph count and each term's match count (capped at FREQUENCY_CAP: beyond it a word no
   * longer tells paragraphs apart), cached for STATISTICS_TTL_MS and dropped on every write.
   */
  private async termStatistics(expression: SearchExpression, language: Language | undefined): Promise<TermStatistics> {
    const now = Date.now();
    if (now - this.paragraphTotal.at > STATISTICS_TTL_MS) {
      const [row] = await this.db.all("SELECT COUNT(*) AS n FROM paragraphs");
      this.paragraphTotal = { count: Number(row!.n), at: now };
    }
    const documentFrequency = new Map<string, number>();
    const terms = expression.all.flat();
    // One term's weight is the same for every candidate: it cannot change the order.
    if (terms.length === 1) return { paragraphs: 1, documentFrequency };
    for (const term of terms) {
      const key = termKey(term);
      const cacheKey = `${language ?? ""}\u0000${key}`;
      let cached = this.termFrequencies.get(cacheKey);
      if (!cached || now - cached.at > STATISTICS_TTL_MS) {
        const match = this.sql.matchParagraphs(await this.indexExpression({ all: [[term]], none: [] }, language), language)!;
        const [row] = await this.db.all(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM (${match.sql}) t LIMIT ?) x`, [...match.params, FREQUENCY_CAP]);
        cached = { frequency: Number(row!.n), at: now };
        if (this.termFrequencies.size >= 10_000) this.termFrequencies.clear();
        this.termFrequencies.set(cacheKey, cached);
      }
      documentFrequency.set(key, cached.frequency);
    }
    return { paragraphs: Math.max(this.paragraphTotal.count, 1), documentFrequency };
  }

  /**
   * The expression the full-text index is asked: prefixes expanded into the dictionary's words
   * (search-words.ts), or, where the engine's own prefix search is fast, into the prefix as the
   * words begin it and the words it would miss.
   */
  private async indexExpression(expression: SearchExpression, language: Language | undefined): Promise<SearchExpression> {
    const prefixes = prefixesOf(expression);
    if (!prefixes.length) return expression;
    const expansions = new Map<string, SearchTerm[]>();
    const asWords = (words: readonly string[]): SearchTerm[] => words.map((word) => ({ type: "word", word, prefix: false }));
    for (const prefix of prefixes) {
      const words = await wordsBeginning(this.db, prefix);
      if (!words) continue;
      expansions.set(prefix, this.sql.prefixTerms ? await this.sql.prefixTerms(this.db, prefix, words, language) : asWords(words));
    }
    return expandPrefixes(expression, expansions);
  }

  private async describeHits(page: { id: number; score: number }[], expression: SearchExpression | null): Promise<SearchHit[]> {
    if (!page.length) return [];
    const ids = page.map((r) => Number(r.id));
    const details = new Map(
      (
        await this.db.all(
          `SELECT p.id, p.phrase, p.text, ${PLACE_COLUMNS}
           FROM paragraphs p JOIN documents d ON d.id = p.document_id WHERE p.id IN (${placeholders(ids)})`,
          ids,
        )
      ).map((r) => [Number(r.id), r]),
    );
    return page.flatMap((hit) => {
      const r = details.get(Number(hit.id));
      if (!r) return []; // replaced by a newer version between the two reads
      return [{
        ...placeOf(r),
        phrase: str(r.phrase),
        snippet: excerpt(String(r.text), expression),
        score: Number(hit.score),
      }];
    });
  }

  /** Total and facet counts in one statement over the materialised newest hits. */
  private async aggregates(hits: Fragment, facets: readonly FacetName[]): Promise<{ total: number; facets: SearchResult["facets"] }> {
    // CROSS JOIN: the (few) hits drive every count; the planner would rather walk an index of the joined table.
    const byDocument = (facet: string, column: string) =>
      `SELECT '${facet}', ${column}, COUNT(*) FROM hits h CROSS JOIN documents d WHERE d.id = h.document_id AND ${column} IS NOT NULL GROUP BY ${column}`;
    const branches: Record<FacetName, string> = {
      body: byDocument("body", "d.body"),
      language: byDocument("language", "d.language"),
      session: byDocument("session", "CAST(d.session AS TEXT)"),
      year: byDocument("year", "CAST(d.year AS TEXT)"),
      committee: byDocument("committee", "d.committee"),
      agendaItem: byDocument("agendaItem", "d.agenda_item"),
      kind: "SELECT 'kind', p.kind, COUNT(*) FROM hits h CROSS JOIN paragraphs p WHERE p.id = h.id GROUP BY p.kind",
      verb: "SELECT 'verb', p.phrase, COUNT(*) FROM hits h CROSS JOIN paragraphs p WHERE p.id = h.id AND p.phrase IS NOT NULL GROUP BY p.phrase",
      actor:
        "SELECT 'actor', COALESCE(x.actor_canonical, x.actor), COUNT(DISTINCT h.id) FROM hits h CROSS JOIN mandates x WHERE x.paragraph_id = h.id GROUP BY COALESCE(x.actor_canonical, x.actor)",
      sdg: "SELECT 'sdg', g.goal, COUNT(*) FROM hits h CROSS JOIN document_goals g WHERE g.document_id = h.document_id GROUP BY g.goal",
      hasReportDue: `SELECT 'hasReportDue', CASE WHEN EXISTS (SELECT 1 FROM mandates x WHERE x.paragraph_id = h.id AND x.report = 1 AND x.due_session IS NOT NULL)
                       THEN 'true' ELSE 'false' END, COUNT(*) FROM hits h GROUP BY 2`,
    };
    const wanted = [...new Set(facets)];
    const union = ["SELECT 'total' AS facet, '' AS value, COUNT(*) AS n FROM hits", ...wanted.map((f) => branches[f])].join(" UNION ALL ");
    const rows = await this.db.all(
      `WITH hits AS MATERIALIZED (SELECT id, document_id FROM (${hits.sql}) h ORDER BY id LIMIT ${FACET_SAMPLE + 1})
       SELECT facet, value, n FROM (
         SELECT facet, value, n, ROW_NUMBER() OVER (PARTITION BY facet ORDER BY n DESC, value) AS rank FROM (${union}) counted
       ) ranked WHERE rank <= ${FACET_LIMIT} ORDER BY facet, rank`,
      hits.params,
    );
    const result: SearchResult["facets"] = {};
    for (const f of wanted) result[f] = [];
    let total = 0;
    for (const r of rows) {
      if (r.facet === "total") total = Number(r.n);
      else (result[r.facet as FacetName] as FacetCount[]).push({ value: String(r.value), count: Number(r.n) });
    }
    return { total, facets: result };
  }

  // --- mandates ------------------------------------------------------------------------------

  /** The mandate table's filters over `mandates x JOIN documents d`. */
  private mandateWhere(filter: MandateFilter): Fragment {
    const c: Fragment[] = [];
    if (filter.actor) c.push(this.actorCondition(filter.actor));
    if (filter.verb) c.push({ sql: "x.verb = ?", params: [filter.verb.toLowerCase()] });
    if (filter.dueSession !== undefined) c.push({ sql: "x.due_session = ?", params: [filter.dueSession] });
    if (filter.report !== undefined) c.push({ sql: "x.report = ?", params: [filter.report ? 1 : 0] });
    if (filter.session !== undefined) c.push({ sql: "d.session = ?", params: [filter.session] });
    if (filter.symbol) c.push({ sql: "d.symbol = ?", params: [canonicalSymbol(filter.symbol)] });
    if (filter.body) c.push({ sql: "d.body = ?", params: [filter.body] });
    if (filter.language) c.push({ sql: "d.language = ?", params: [filter.language] });
    if (filter.minForce !== undefined) c.push({ sql: "x.force >= ?", params: [filter.minForce] });
    if (filter.reviewOrEnd !== undefined) c.push({ sql: "x.has_review_or_end = ?", params: [filter.reviewOrEnd ? 1 : 0] });
    return where(c);
  }

  registryStamp(): Promise<string> {
    return registryStamp(this.db);
  }

  readReport(name: string): Promise<StoredReport | null> {
    return readReport(this.db, name);
  }

  writeReport(name: string, report: StoredReport): Promise<void> {
    return writeReport(this.db, name, report);
  }

  mandateGroups(filter: MandateFilter, by: readonly MandateGroup[], limit = 200): Promise<MandateGroupRow[]> {
    return groupMandates(this.db, this.mandateWhere(filter), by, limit);
  }

  async mandates(filter: MandateFilter, page: Page): Promise<Paged<MandateRecord>> {
    const w = this.mandateWhere(filter);
    const from = `FROM mandates x JOIN documents d ON d.id = x.document_id${w.sql}`;
    const newest = "d.session DESC NULLS LAST, d.number DESC NULLS LAST, d.symbol, x.paragraph_number, x.id";
    const order: Record<MandateSort, string> = {
      newest,
      oldest: "d.session ASC NULLS LAST, d.number ASC NULLS LAST, d.symbol, x.paragraph_number, x.id",
      due: `x.due_session ASC NULLS LAST, ${newest}`,
      actor: `COALESCE(x.actor_canonical, x.actor), ${newest}`,
      force: `x.force DESC, ${newest}`,
    };
    const [count] = await this.db.all(`SELECT COUNT(*) AS n ${from}`, w.params);
    const rows = await this.db.all(
      `SELECT d.symbol, d.language, d.title, d.session, x.* ${from} ORDER BY ${order[filter.sort ?? "newest"]} LIMIT ? OFFSET ?`,
      [...w.params, page.limit, page.offset],
    );
    return {
      total: Number(count!.n),
      limit: page.limit,
      offset: page.offset,
      items: rows.map((r) => ({
        symbol: String(r.symbol),
        language: r.language as Language,
        title: str(r.title),
        session: num(r.session),
        ref: String(r.ref),
        paragraph: num(r.paragraph_number),
        sub: str(r.sub),
        actor: String(r.actor),
        actorCanonical: str(r.actor_canonical),
        actorType: String(r.actor_type),
        verb: String(r.verb),
        category: String(r.category),
        force: Number(r.force),
        action: String(r.action),
        report: Number(r.report) === 1,
        reportTo: str(r.report_to),
        deliverable: str(r.deliverable),
        dueSession: num(r.due_session),
        deadline: str(r.deadline),
        recurrence: str(r.recurrence),
        hasReviewOrEnd: Number(r.has_review_or_end) === 1,
      })),
    };
  }

  // --- citations -----------------------------------------------------------------------------

  async citations(symbol: string, query: CitationQuery): Promise<CitationGraph | null> {
    const root = await this.findDocumentRow(symbol, query.language);
    if (!root) return null;
    const language = String(root.language);
    const maxNodes = query.maxNodes ?? MAX_CITATION_NODES;
    const nodes = new Map<string, CitationNode | null>([[String(root.symbol), null]]);
    const edges = new Map<string, CitationEdge>();
    let frontier = [String(root.symbol)];
    let truncated = false;
    const visited = new Set(frontier);
    for (let depth = 0; depth < query.depth && frontier.length && !truncated; depth++) {
      const found: Row[] = [];
      const select = "SELECT d.symbol AS source, c.symbol AS target, c.ref, c.kind, c.text FROM citations c JOIN documents d ON d.id = c.document_id";
      if (query.direction !== "in") {
        found.push(...(await this.db.all(`${select} WHERE d.language = ? AND d.symbol IN (${placeholders(frontier)})`, [language, ...frontier])));
      }
      if (query.direction !== "out") {
        found.push(...(await this.db.all(`${select} WHERE d.language = ? AND c.symbol IN (${placeholders(frontier)})`, [language, ...frontier])));
      }
      const reached: string[] = [];
      for (const r of found) {
        const from = String(r.source);
        const to = String(r.target);
        if (from === to) continue;
        for (const s of [from, to]) {
          if (nodes.has(s)) continue;
          if (nodes.size >= maxNodes) {
            truncated = true;
            continue;
          }
          nodes.set(s, null);
          reached.push(s);
        }
        if (nodes.has(from) && nodes.has(to)) {
          edges.set(`${from}\u0000${to}\u0000${r.ref}`, { from, to, ref: String(r.ref), kind: String(r.kind), text: String(r.text) });
        }
      }
      const known = await this.describeNodes(reached, language, nodes);
      frontier = reached.filter((s) => known.has(s) && !visited.has(s));
      for (const s of frontier) visited.add(s);
    }
    await this.describeNodes([String(root.symbol)], language, nodes);
    return { root: String(root.symbol), nodes: [...nodes.values()].filter((n): n is CitationNode => n !== null), edges: [...edges.values()], truncated };
  }

  /** Fills `nodes` for `symbols` from the registry; returns the symbols it holds. */
  private async describeNodes(symbols: string[], language: string, nodes: Map<string, CitationNode | null>): Promise<Set<string>> {
    const held = new Set<string>();
    for (let i = 0; i < symbols.length; i += 500) {
      const chunk = symbols.slice(i, i + 500);
      for (const r of await this.db.all(`SELECT symbol, title, session FROM documents WHERE language = ? AND symbol IN (${placeholders(chunk)})`, [language, ...chunk])) {
        held.add(String(r.symbol));
        nodes.set(String(r.symbol), { symbol: String(r.symbol), title: str(r.title), session: num(r.session), inRegistry: true });
      }
    }
    for (const s of symbols) if (!held.has(s)) nodes.set(s, { symbol: s, title: null, session: null, inRegistry: false });
    return held;
  }

  // --- series --------------------------------------------------------------------------------

  async series(symbolOrTitle: string, options: { language?: Language } = {}): Promise<SeriesRecord[]> {
    let ids: number[] = [];
    if (looksLikeSymbol(symbolOrTitle)) {
      const doc = await this.findDocumentRow(symbolOrTitle, options.language);
      if (doc) {
        ids = (await this.db.all("SELECT series_id FROM series_members WHERE document_id = ?", [doc.id])).map((r) => Number(r.series_id));
      }
    } else {
      const key = titleKey(symbolOrTitle) ?? "";
      const language = options.language ? " AND s.language = ?" : "";
      const lang = options.language ? [options.language] : [];
      ids = (
        await this.db.all(
          `SELECT DISTINCT s.id FROM series s JOIN series_members m ON m.series_id = s.id JOIN documents d ON d.id = m.document_id
           WHERE d.title_key = ?${language}`,
          [key, ...lang],
        )
      ).map((r) => Number(r.id));
      if (!ids.length) {
        ids = (
          await this.db.all(`SELECT s.id FROM series s WHERE s.title ${this.sql.ilike} ? ESCAPE '\\'${language} ORDER BY s.title LIMIT 50`, [
            `%${escapeLike(symbolOrTitle.trim())}%`,
            ...lang,
          ])
        ).map((r) => Number(r.id));
      }
    }
    if (!ids.length) return [];
    const series = await this.db.all(`SELECT id, key, title, body, language FROM series WHERE id IN (${placeholders(ids)}) ORDER BY title, key`, ids);
    const members = await this.db.all(
      `SELECT m.series_id, d.symbol, d.session, d.title, d.adoption_date FROM series_members m JOIN documents d ON d.id = m.document_id
       WHERE m.series_id IN (${placeholders(ids)}) ORDER BY m.series_id, m.position`,
      ids,
    );
    return series.map((s) => ({
      key: String(s.key),
      title: String(s.title),
      body: s.body as Body,
      language: s.language as Language,
      members: members
        .filter((m) => Number(m.series_id) === Number(s.id))
        .map((m) => ({ symbol: String(m.symbol), session: num(m.session), title: str(m.title), adoptionDate: str(m.adoption_date) })),
    }));
  }

  // --- statistics ----------------------------------------------------------------------------

  async statistics(): Promise<Statistics> {
    const count = async (table: string) => Number((await this.db.all(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
    const bySession = await this.db.all(
      `SELECT d.session, COUNT(*) AS documents, COALESCE(SUM(m.n), 0) AS mandates FROM documents d
         LEFT JOIN (SELECT document_id, COUNT(*) AS n FROM mandates GROUP BY document_id) m ON m.document_id = d.id
       WHERE d.session IS NOT NULL GROUP BY d.session ORDER BY d.session`,
    );
    const byActor = await this.db.all(
      `SELECT COALESCE(actor_canonical, actor) AS actor, COUNT(*) AS mandates, SUM(report) AS reports FROM mandates
       GROUP BY COALESCE(actor_canonical, actor) ORDER BY mandates DESC, actor LIMIT 100`,
    );
    const reports = await this.db.all(
      "SELECT due_session AS session, COUNT(*) AS reports FROM mandates WHERE report = 1 AND due_session IS NOT NULL GROUP BY due_session ORDER BY due_session",
    );
    return {
      documents: await this.countDocuments(),
      versions: await count("versions"),
      paragraphs: await count("paragraphs"),
      citations: await count("citations"),
      mandates: await count("mandates"),
      bySession: bySession.map((r) => ({ session: Number(r.session), documents: Number(r.documents), mandates: Number(r.mandates) })),
      byActor: byActor.map((r) => ({ actor: String(r.actor), mandates: Number(r.mandates), reports: Number(r.reports ?? 0) })),
      reportsDueBySession: reports.map((r) => ({ session: Number(r.session), reports: Number(r.reports) })),
    };
  }
}

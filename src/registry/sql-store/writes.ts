import { describeProblem } from "../../model/problems.js";
import type { Language, Resolution, SourceFormat } from "../../model/types.js";
import type { SqlExecutor } from "../dialect.js";
import { type DocumentRows, MANDATE_COLUMNS, mandateValues, PARAGRAPH_ID_SPAN, paragraphBase, type ParagraphRow, type PreparedDocument, prepareDocument, recencyOf } from "../rows.js";
import {
  type KnownSource,
  outranks,
  type PreparedWrite,
  type PutFailure,
  type PutResult,
  type SourceInfo,
  symbolRequired,
} from "../store.js";
import { insertWords } from "../word-rows.js";
import { num, type SqlContext, str } from "./context.js";

/** Documents written between turns of the event loop in a batch. */
const YIELD_EVERY = 8;

/** A document the registry cannot file: it has no symbol, so no identity. */
const unfiled = (): PutFailure => ({ status: "failed", reason: describeProblem(symbolRequired()) });

/**
 * Writes document versions: each in a transaction of its own or a batch in one, the words
 * their paragraphs hold added to the search dictionary first.
 */
export class DocumentWriter {
  constructor(
    private readonly context: SqlContext,
    /** Called whenever paragraphs are written: what the search has counted of them is stale. */
    private readonly paragraphsWritten: () => void,
  ) {}

  async findSource(sha256: string): Promise<KnownSource | null> {
    const [row] = await this.context.db.all(
      "SELECT d.symbol, d.language, v.number FROM versions v JOIN documents d ON d.id = v.document_id WHERE v.sha256 = ? LIMIT 1",
      [sha256],
    );
    return row ? { symbol: String(row.symbol), language: row.language as Language, version: Number(row.number) } : null;
  }

  async currentFormat(symbol: string, language: Language): Promise<SourceFormat | null> {
    const [row] = await this.context.db.all("SELECT format FROM documents WHERE symbol = ? AND language = ? AND version_count > 0", [symbol, language]);
    return row ? (row.format as SourceFormat) : null;
  }

  putDocument(document: Resolution, source: SourceInfo): Promise<PutResult | PutFailure> {
    return this.putPrepared(prepareDocument(document), source);
  }

  async putPrepared(prepared: PreparedDocument, source: SourceInfo): Promise<PutResult | PutFailure> {
    if (!prepared.symbol) return unfiled();
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
      if (!prepared.symbol) results.push(unfiled());
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
    this.committedWords ??= new Set((await this.context.db.all("SELECT word FROM search_words")).map((r) => String(r.word)));
    const committed = this.committedWords;
    const pending = [...this.pendingWords];
    const words = pending.filter((word) => !committed.has(word));
    const result = await this.context.driver.transaction(async (tx) => {
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
    const [existing] = await tx.all(`SELECT id, version_count, paragraph_base, format FROM documents WHERE symbol = ? AND language = ?${this.context.sql.lockRows}`, [
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
      `UPDATE documents SET body = ?, session = ?, year = ?, number = ?, title = ?, title_key = ?, series_facts = ?, committee = ?, committee_report = ?,
         agenda_item = ?, adoption_date = ?, plenary_meeting = ?, format = ?, problems = ?, current_version = ?, version_count = ?, updated_at = ?,
         paragraph_base = ?
       WHERE id = ?`,
      [d.body, d.session, d.year, d.number, d.title, d.title_key, d.series_facts, d.committee, d.committee_report, d.agenda_item, d.adoption_date,
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
    this.paragraphsWritten();
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
    const indexing = added.length ? this.context.sql.indexParagraphs(first + kept, first + PARAGRAPH_ID_SPAN) : null;
    if (indexing) await tx.run(indexing.sql, indexing.params);
    await tx.insertRows(
      "citations",
      ["document_id", "paragraph_id", "ref", "symbol", "kind", "text"],
      rows.citations.map((c) => [documentId, paragraphId(c.ordinal), c.ref, c.symbol, c.kind, c.text]),
    );
    await tx.insertRows("mandates", [...MANDATE_COLUMNS, "uid"], rows.mandates.map((m) => [...mandateValues(documentId, paragraphId(m.ordinal), m), m.uid]));
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
}

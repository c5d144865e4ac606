import { hash } from "node:crypto";
import { brotliCompressSync, brotliDecompressSync, constants, inflateSync } from "node:zlib";
import { mandateIds } from "../compare/mandate-id.js";
import { addresseeKey } from "../model/actors.js";
import { formatParagraphRef, type ParagraphKind, paragraphRef } from "../model/paragraphs.js";
import { sequenceNumber, symbolYear } from "../model/symbols.js";
import type { Language, Position, Resolution, SourceFormat } from "../model/types.js";
import { seriesFacts, titleKey } from "../compare/series-groups.js";
import { newWords, WordSet } from "./search-words.js";

/**
 * A document as the rows the registry stores: one per paragraph, citation, mandate and SDG
 * link, flattened from the tree so that searches and views are queries. Pure but for hashing
 * and compression.
 */

/**
 * Paragraph ids are `(((MAX_RECENCY - recency) * DOCUMENT_SPAN) + document id) * PARAGRAPH_ID_SPAN
 * + ordinal`, recency being the adoption year less 1900. So a document's paragraphs are one
 * contiguous id range (one range delete replaces them), the document of a full-text hit needs no
 * join (`documentOfParagraph`), and ascending ids are newest documents first, which lets an index
 * hand over "the newest matches" without sorting. Ascending, not descending: FTS5 walks its
 * postings backwards at a cost (phrases and word sets took 1.3 to 1.7 times as long at 50,000
 * documents). Ids stay below 2^53, exact in JavaScript.
 */
export const PARAGRAPH_ID_SPAN = 65536;
export const DOCUMENT_SPAN = 16_777_216;
export const MAX_RECENCY = 255;

/** SQL for the document id of a paragraph id in column `id`. */
export const documentOfParagraph = (id: string) => `((${id} / ${PARAGRAPH_ID_SPAN}) % ${DOCUMENT_SPAN})`;

export function recencyOf(document: Pick<DocumentRow, "year" | "session">): number {
  const year = document.year ?? (document.session !== null ? 1945 + document.session : 1900);
  return Math.max(0, Math.min(MAX_RECENCY, year - 1900));
}

export function paragraphBase(recency: number, documentId: number): number {
  if (documentId >= DOCUMENT_SPAN) throw new Error(`the registry holds at most ${DOCUMENT_SPAN} documents`);
  return ((MAX_RECENCY - recency) * DOCUMENT_SPAN + documentId) * PARAGRAPH_ID_SPAN;
}

export interface DocumentRow {
  symbol: string;
  language: string;
  body: string;
  session: number | null;
  year: number | null;
  number: number | null;
  title: string | null;
  title_key: string | null;
  /** What the series rule reads of the text (compare/series-groups.ts `SeriesFacts`) as JSON; null when it has nothing to read. */
  series_facts: string | null;
  committee: string | null;
  committee_report: string | null;
  agenda_item: string | null;
  adoption_date: string | null;
  plenary_meeting: number | null;
  format: string;
  problems: number;
}

/** The series facts of a document as stored: JSON, or null when it recalls nothing and renews no mandate (most documents). */
export function seriesFactsRow(doc: Resolution): string | null {
  const facts = seriesFacts(doc);
  return facts.recalls.length || facts.holders.length ? JSON.stringify(facts) : null;
}

export interface ParagraphRow {
  ordinal: number;
  ref: string;
  kind: ParagraphKind;
  number: number | null;
  phrase: string | null;
  part: string | null;
  text: string;
  text_hash: string;
  start_offset: number;
  end_offset: number;
}

export interface CitationRow {
  ordinal: number | null;
  ref: string;
  symbol: string;
  kind: string;
  text: string;
}

export interface MandateRow {
  ordinal: number;
  /** The mandate's stable id (src/compare/mandate-id.ts): what reviews are filed under. */
  uid: string;
  ref: string;
  paragraph_number: number;
  sub: string | null;
  actor: string;
  actor_canonical: string | null;
  actor_key: string;
  actor_type: string;
  verb: string;
  category: string;
  force: number;
  action: string;
  report: boolean;
  report_to: string | null;
  deliverable: string | null;
  due_session: number | null;
  deadline: string | null;
  recurrence: string | null;
  has_review_or_end: boolean;
  due_date: string | null;
  /** The kind of a decision about the actor's mandate: establish, extend, renew, modify, terminate. */
  decision: string | null;
  end_date: string | null;
  end_duration: string | null;
  end_text: string | null;
  review_session: number | null;
  review_date: string | null;
  review_recurrence: string | null;
  review_text: string | null;
}

/**
 * The mandates table's columns a write fills, in the order of `mandateValues`; a document's write
 * adds the stable id (`uid`, migration 17), which migration 16 rewrites rows without.
 */
export const MANDATE_COLUMNS = [
  "document_id", "paragraph_id", "ref", "paragraph_number", "sub", "actor", "actor_canonical", "actor_key", "actor_type", "verb", "category",
  "force", "action", "report", "report_to", "deliverable", "due_session", "deadline", "recurrence", "has_review_or_end",
  "due_date", "decision", "end_date", "end_duration", "end_text", "review_session", "review_date", "review_recurrence", "review_text",
] as const;

/** A mandate row's values in `MANDATE_COLUMNS` order. */
export function mandateValues(documentId: number, paragraphId: number | null, m: MandateRow): unknown[] {
  return [documentId, paragraphId, m.ref, m.paragraph_number, m.sub, m.actor, m.actor_canonical, m.actor_key, m.actor_type, m.verb,
    m.category, m.force, m.action, m.report, m.report_to, m.deliverable, m.due_session, m.deadline, m.recurrence, m.has_review_or_end,
    m.due_date, m.decision, m.end_date, m.end_duration, m.end_text, m.review_session, m.review_date, m.review_recurrence, m.review_text];
}

export interface SdgRow {
  ordinal: number | null;
  goal: string;
  target: string | null;
  origin: "document" | "paragraph" | "official";
}

export interface DocumentRows {
  document: DocumentRow;
  paragraphs: ParagraphRow[];
  citations: CitationRow[];
  mandates: MandateRow[];
  sdgs: SdgRow[];
  /** The distinct words of the paragraphs, for the registry's dictionary (search-words.ts), less those handed over already. */
  words: string[];
}

/** Hash of a paragraph's text up to case and spacing: equal for the same paragraph wherever it appears. */
function textHash(text: string): string {
  // the one-shot hash: a Hash object per paragraph cost a tenth of preparing a document
  // Runs of white space become one space; a lone space, most of them, is left alone rather than
  // replaced by itself (that replacing was two thirds of the hash's time).
  return hash("sha1", text.toLowerCase().replace(/\s{2,}|[^\S ]/g, " ").trim(), "base64url").slice(0, 22);
}

type Placed = { text: string; position: Position };

function goalOf(code: string): string {
  return code.split(".")[0]!.replace(/^0+(?=\d)/, "");
}

/** `seen`: words already handed over to the store, left out of `words` (an ingest worker's, across its documents). */
export function documentRows(doc: Resolution, seen: WordSet = new WordSet()): DocumentRows {
  const meta = doc.meta;
  const symbol = meta.symbol ?? "";
  const paragraphs: ParagraphRow[] = [];
  const citations: CitationRow[] = [];
  const mandates: MandateRow[] = [];
  const sdgs: SdgRow[] = [];
  const ids = mandateIds(doc);
  /** A paragraph row, as one object literal: spreading the caller's object was a third of flattening a document. */
  const add = (ref: string, kind: ParagraphKind, number: number | null, phrase: string | null, part: string | null, node: Placed): number | null => {
    if (paragraphs.length >= PARAGRAPH_ID_SPAN) return null;
    const ordinal = paragraphs.length;
    const { text, position } = node;
    paragraphs.push({
      ref,
      kind,
      number,
      phrase,
      part,
      text,
      start_offset: position.start.offset,
      end_offset: position.end.offset,
      ordinal,
      text_hash: textHash(text),
    });
    return ordinal;
  };

  // A paragraph's row, and the rows of its citations and mandates, name it within the whole
  // document (B.operative.1 in part B), where the model's `in` names it within its part.
  for (const p of doc.preamble) {
    const ref = formatParagraphRef(paragraphRef(p));
    const ordinal = add(ref, "preambular", p.index, p.starter || null, p.part ?? null, p);
    for (const c of p.citations) citations.push({ ordinal, ref, symbol: c.symbol, kind: c.kind, text: c.text });
    for (const s of p.sdgs) sdgs.push({ ordinal, goal: goalOf(s.goal), target: s.target, origin: "paragraph" });
  }
  for (const p of doc.operative) {
    const ref = formatParagraphRef(paragraphRef(p));
    const ordinal = add(ref, "operative", p.number, p.verb || null, p.part ?? null, p);
    for (const c of p.citations) citations.push({ ordinal, ref, symbol: c.symbol, kind: c.kind, text: c.text });
    for (const s of p.sdgs) sdgs.push({ ordinal, goal: goalOf(s.goal), target: s.target, origin: "paragraph" });
    if (ordinal === null) continue;
    for (const m of p.mandates) {
      mandates.push({
        ordinal,
        uid: ids.get(m)!,
        ref,
        paragraph_number: p.number,
        sub: m.sub,
        actor: m.actor,
        actor_canonical: m.actorCanonical,
        actor_key: addresseeKey(m),
        actor_type: m.actorType,
        verb: m.verb,
        category: m.category,
        force: m.force,
        action: m.action,
        report: m.report,
        report_to: m.reportTo,
        deliverable: m.deliverable,
        due_session: m.dueSession,
        deadline: m.deadline?.text ?? null,
        recurrence: m.recurrence,
        has_review_or_end: m.hasReviewOrEnd,
        // models stored before these facts were derived lack them
        due_date: m.dueDate ?? null,
        decision: m.decision?.kind ?? null,
        end_date: m.end?.date ?? null,
        end_duration: m.end?.duration ?? null,
        end_text: m.end?.text ?? null,
        review_session: m.review?.session ?? null,
        review_date: m.review?.date ?? null,
        review_recurrence: m.review?.recurrence ?? null,
        review_text: m.review?.text ?? null,
      });
    }
  }
  for (const f of doc.footnotes) {
    const ref = formatParagraphRef({ kind: "footnote", number: f.number });
    const ordinal = add(ref, "footnote", f.number, null, null, f);
    for (const c of f.citations) citations.push({ ordinal, ref, symbol: c.symbol, kind: c.kind, text: c.text });
  }
  doc.annexes.forEach((annex, a) => {
    annex.blocks.forEach((block, b) => {
      add(formatParagraphRef({ kind: "annex", number: a + 1, block: b + 1 }), "annex", b + 1, null, null, block);
    });
  });
  for (const c of doc.citations) citations.push({ ordinal: null, ref: c.in || "header", symbol: c.symbol, kind: c.kind, text: c.text });
  for (const s of doc.sdgs) sdgs.push({ ordinal: null, goal: goalOf(s.goal), target: s.target, origin: "document" });
  for (const code of meta.officialSdgs ?? []) sdgs.push({ ordinal: null, goal: goalOf(code), target: code.includes(".") ? code : null, origin: "official" });

  return {
    document: {
      symbol,
      language: meta.language,
      body: meta.body,
      session: meta.session,
      year: meta.adoptionDate ? Number(meta.adoptionDate.slice(0, 4)) : symbolYear(symbol),
      number: sequenceNumber(symbol),
      title: meta.title,
      title_key: titleKey(meta.title),
      series_facts: seriesFactsRow(doc),
      committee: meta.committee,
      committee_report: meta.committeeReport,
      agenda_item: meta.agendaItem,
      adoption_date: meta.adoptionDate,
      plenary_meeting: meta.plenaryMeeting,
      format: doc.source.format,
      problems: doc.problems.length,
    },
    paragraphs,
    citations,
    mandates,
    sdgs,
    words: newWords(paragraphs.map((p) => p.text), seen),
  };
}

/** Everything the store writes for one document, computed away from the database (in a worker thread when ingesting many). */
export interface PreparedDocument {
  symbol: string;
  language: Language;
  format: SourceFormat;
  /**
   * The rows a current version is indexed by; null for a rendition (`prepareRendition`), which
   * is stored but never indexed.
   */
  rows: DocumentRows | null;
  model: Uint8Array;
}

/** An enriched document, ready to become the current version. */
export function prepareDocument(doc: Resolution, seen?: WordSet): PreparedDocument {
  return prepared(doc, documentRows(doc, seen), encodeModel(doc));
}

/**
 * A parsed document known to become a rendition (the registry holds its symbol in a more
 * authoritative format): only its model is stored, and as parsed, for enrichment derives
 * nothing a rendition is queried by. `decodeModel` says so, and readers enrich it then. A
 * quarter of the corpus's files are renditions: enriching and flattening them was about a
 * tenth of preparing the corpus, and its load went from 250-255 to 264-281 documents/s.
 */
export function prepareRendition(parsed: Resolution): PreparedDocument {
  return prepared(parsed, null, encodeModel(parsed, "parsed"));
}

function prepared(doc: Resolution, rows: DocumentRows | null, model: Uint8Array): PreparedDocument {
  return { symbol: doc.meta.symbol ?? "", language: doc.meta.language, format: doc.source.format, rows, model };
}

/**
 * The stored form of the model: its JSON, compressed with brotli at its fastest setting, behind
 * a tag byte. Brotli's quality 0 compresses the corpus's models further than deflate's level 1
 * (18% of the bytes against 22%) and faster (0.2 against 0.5 ms per document).
 * Models stored before it are zlib streams, whose first byte always has 8 in its low four
 * bits (the deflate method); the tags cannot be mistaken for one.
 */
const BROTLI_MODEL = 0x42;
/** The same, of a model stored as parsed: its readers enrich it. */
const BROTLI_PARSED_MODEL = 0x50;

/** Whether a stored model holds enrichment's fields or only the parser's. */
export type ModelStage = "enriched" | "parsed";

export function encodeModel(doc: Resolution, stage: ModelStage = "enriched"): Buffer {
  const json = jsonBytes.of(doc);
  const compressed = brotliCompressSync(json, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_SIZE_HINT]: json.length },
  });
  const stored = Buffer.allocUnsafe(compressed.length + 1);
  stored[0] = stage === "enriched" ? BROTLI_MODEL : BROTLI_PARSED_MODEL;
  compressed.copy(stored, 1);
  return stored;
}

/**
 * `JSON.stringify(doc)` as UTF-8 bytes, stringified an element of each top-level array at a
 * time and each piece encoded straight into one growing buffer. The whole model's JSON as one
 * string, past 64K characters of UTF-16 (most models, as most hold a curly quote), goes to V8's
 * large-object space, and turning it into bytes cost 0.5 ms a model there: twice the
 * stringifying itself. The bytes are valid until the next call.
 */
class JsonBytes {
  private static readonly encoder = new TextEncoder();
  private buffer = new Uint8Array(1 << 18);
  private length = 0;

  of(doc: Resolution): Uint8Array {
    this.length = 0;
    this.byte(0x7b); // {
    let first = true;
    for (const [key, value] of Object.entries(doc)) {
      if (value === undefined) continue;
      if (!first) this.byte(0x2c); // ,
      first = false;
      this.text(JSON.stringify(key));
      this.byte(0x3a); // :
      if (!Array.isArray(value)) {
        this.text(JSON.stringify(value));
        continue;
      }
      this.byte(0x5b); // [
      for (let i = 0; i < value.length; i++) {
        if (i) this.byte(0x2c);
        this.text(JSON.stringify(value[i]) ?? "null");
      }
      this.byte(0x5d); // ]
    }
    this.byte(0x7d); // }
    return this.buffer.subarray(0, this.length);
  }

  private text(json: string): void {
    for (;;) {
      const { read, written } = JsonBytes.encoder.encodeInto(json, this.length ? this.buffer.subarray(this.length) : this.buffer);
      if (read === json.length) {
        this.length += written;
        return;
      }
      this.grow();
    }
  }

  private byte(b: number): void {
    if (this.length === this.buffer.length) this.grow();
    this.buffer[this.length++] = b;
  }

  private grow(): void {
    const larger = new Uint8Array(this.buffer.length * 2);
    larger.set(this.buffer.subarray(0, this.length));
    this.buffer = larger;
  }
}

const jsonBytes = new JsonBytes();

export function decodeModel(stored: Uint8Array): { document: Resolution; stage: ModelStage } {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const tag = bytes[0];
  const json = tag === BROTLI_MODEL || tag === BROTLI_PARSED_MODEL ? brotliDecompressSync(bytes.subarray(1)) : inflateSync(bytes);
  return { document: JSON.parse(json.toString("utf8")) as Resolution, stage: tag === BROTLI_PARSED_MODEL ? "parsed" : "enriched" };
}

import { create } from "xmlbuilder2";
import type { Citation, MandateEnd, MandateReview, Resolution } from "../model/types.js";
import { xmlSafe } from "./akn/xml.js";
import { toContractJson } from "./json.js";

/**
 * Open-data exports of a set of documents, as pure functions over arrays (docs/exports.md
 * describes each format): JSON Lines of documents, CSV of documents, CSV of mandates, CSV of
 * citations, and the citation network as GraphML.
 */

/** One JSON contract object per line (the `parse --json` shape), newline-terminated. */
export function toJsonLines(docs: Resolution[]): string {
  return docs.map((doc) => JSON.stringify(toContractJson(doc)) + "\n").join("");
}

export type Cell = string | number | boolean | null | undefined;

/** RFC 4180: a field with a comma, quote, CR or LF is quoted and its quotes doubled. */
function csvField(value: Cell): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header line and CRLF line breaks. */
export function csv(header: readonly string[], rows: Cell[][]): string {
  return csvLines([header, ...rows]);
}

/** Rows as CSV lines without a header (a download written page by page). */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/** The columns of when a mandate is due, ends or is reviewed: last in every mandate CSV, in this order. */
export const MANDATE_TIMING_COLUMNS = [
  "due_date", "decision", "end_date", "end_duration", "review_session", "review_date", "review_recurrence",
] as const;

/** A mandate's MANDATE_TIMING_COLUMNS cells; `decision` is the model's object or the store's kind. */
export function mandateTimingCells(m: {
  dueDate?: string | null;
  decision?: { kind: string } | string | null;
  end?: MandateEnd | null;
  review?: MandateReview | null;
}): Cell[] {
  const decision = typeof m.decision === "string" ? m.decision : (m.decision?.kind ?? null);
  return [
    m.dueDate ?? null, decision, m.end?.date ?? null, m.end?.duration ?? null, m.review?.session ?? null,
    m.review?.date ?? null, m.review?.recurrence ?? null,
  ];
}

export const MANDATE_COLUMNS = [
  "symbol", "adoption_date", "body", "session", "paragraph", "sub", "actor", "actor_canonical", "actor_type", "verb",
  "category", "force", "action", "report", "report_to", "deliverable", "due_session", "deadline", "recurrence",
  "has_review_or_end", "voting", "in_favour", "against", "abstaining", ...MANDATE_TIMING_COLUMNS,
] as const;

/** The vote that adopted a document, as four cells: outcome and counts (empty when no source gives them). */
function voteCells(doc: Resolution): Cell[] {
  const v = doc.meta.voting;
  return v ? [v.outcome, v.inFavour, v.against, v.abstaining] : [null, null, null, null];
}

/** Several values in one cell: "CUBA; MEXICO". */
const joined = (values: readonly string[] | undefined): string | null => (values?.length ? values.join("; ") : null);

export const DOCUMENT_COLUMNS = [
  "symbol", "language", "body", "session", "adoption_date", "title", "committee", "committee_report", "agenda_item",
  "agenda_item_title", "plenary_meeting", "meeting_record", "originating_document", "voting", "in_favour", "against",
  "abstaining", "sponsors", "additional_sponsors", "subjects", "paragraphs", "mandates",
] as const;

/** One row per document: its metadata and the official facts of its adoption (vote, sponsors, subjects). */
export function toDocumentsCsv(docs: Resolution[]): string {
  const rows: Cell[][] = docs.map((doc) => {
    const m = doc.meta;
    return [
      m.symbol, m.language, m.body, m.session, m.adoptionDate, m.title, m.committee, m.committeeReport, m.agendaItem,
      m.agendaItemTitle, m.plenaryMeeting, m.meetingRecord, m.originatingDocument, ...voteCells(doc), joined(m.sponsors),
      joined(m.additionalSponsors), joined(m.subjects?.map((s) => s.term)), doc.preamble.length + doc.operative.length,
      doc.operative.reduce((n, p) => n + p.mandates.length, 0),
    ];
  });
  return csv(DOCUMENT_COLUMNS, rows);
}

/** One row per mandate (operative clause and addressee) of every document. */
export function toMandatesCsv(docs: Resolution[]): string {
  const rows: Cell[][] = [];
  for (const doc of docs) {
    for (const p of doc.operative) {
      for (const m of p.mandates) {
        rows.push([
          doc.meta.symbol, doc.meta.adoptionDate, doc.meta.body, doc.meta.session, m.in, m.sub, m.actor, m.actorCanonical,
          m.actorType, m.verb, m.category, m.force, m.action, m.report, m.reportTo, m.deliverable, m.dueSession,
          m.deadline ? (m.deadline.date ?? m.deadline.years ?? m.deadline.text) : null, m.recurrence, m.hasReviewOrEnd,
          ...voteCells(doc),
          ...mandateTimingCells(m),
        ]);
      }
    }
  }
  return csv(MANDATE_COLUMNS, rows);
}

/** Every citation of a document: heading, preambular and operative paragraphs, footnotes. */
export function allCitations(doc: Resolution): Citation[] {
  return [
    ...doc.citations,
    ...doc.preamble.flatMap((p) => p.citations),
    ...doc.operative.flatMap((p) => p.citations),
    ...doc.footnotes.flatMap((f) => f.citations),
  ];
}

export const CITATION_COLUMNS = ["citing_symbol", "citing_date", "cited_symbol", "kind", "paragraph", "text", "line"] as const;

/** One row per citation: which document cites which, where, in which words. */
export function toCitationsCsv(docs: Resolution[]): string {
  const rows: Cell[][] = [];
  for (const doc of docs) {
    for (const c of allCitations(doc)) {
      rows.push([doc.meta.symbol, doc.meta.adoptionDate, c.symbol, c.kind, c.in, c.text, c.position.start.line]);
    }
  }
  return csv(CITATION_COLUMNS, rows);
}

const GRAPHML_NAMESPACE = "http://graphml.graphdrawing.org/xmlns";

/**
 * The citation network: one node per symbol (the documents given and every document they cite),
 * one directed edge per citation, from the citing to the cited symbol, with the paragraph it is
 * made in. Documents without a symbol are left out: a node needs an identity.
 */
export function toGraphMl(docs: Resolution[]): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(GRAPHML_NAMESPACE, "graphml");
  const keys: [string, string, string, string][] = [
    ["title", "node", "title", "string"],
    ["adoptionDate", "node", "adoptionDate", "string"],
    ["body", "node", "body", "string"],
    ["inCollection", "node", "inCollection", "boolean"],
    ["paragraph", "edge", "paragraph", "string"],
    ["kind", "edge", "kind", "string"],
    ["text", "edge", "text", "string"],
  ];
  for (const [id, domain, name, type] of keys) root.ele("key", { id, for: domain, "attr.name": name, "attr.type": type });
  const graph = root.ele("graph", { id: "citations", edgedefault: "directed" });

  const given = new Map<string, Resolution>();
  for (const doc of docs) if (doc.meta.symbol && !given.has(doc.meta.symbol)) given.set(doc.meta.symbol, doc);
  const nodes = new Set<string>();
  const edges: { from: string; to: string; citation: Citation }[] = [];
  for (const [symbol, doc] of given) {
    nodes.add(symbol);
    for (const c of allCitations(doc)) {
      nodes.add(c.symbol);
      edges.push({ from: symbol, to: c.symbol, citation: c });
    }
  }
  for (const symbol of nodes) {
    const node = graph.ele("node", { id: xmlSafe(symbol) });
    const doc = given.get(symbol);
    if (doc?.meta.title) node.ele("data", { key: "title" }).txt(xmlSafe(doc.meta.title));
    if (doc?.meta.adoptionDate) node.ele("data", { key: "adoptionDate" }).txt(doc.meta.adoptionDate);
    if (doc) node.ele("data", { key: "body" }).txt(doc.meta.body);
    node.ele("data", { key: "inCollection" }).txt(doc ? "true" : "false");
  }
  edges.forEach(({ from, to, citation }, i) => {
    const edge = graph.ele("edge", { id: `e${i + 1}`, source: xmlSafe(from), target: xmlSafe(to) });
    edge.ele("data", { key: "paragraph" }).txt(citation.in);
    edge.ele("data", { key: "kind" }).txt(citation.kind);
    edge.ele("data", { key: "text" }).txt(xmlSafe(citation.text));
  });
  return root.end({ prettyPrint: true }) + "\n";
}

import { compareResolutions } from "../compare/compare.js";
import { csvLines, MANDATE_TIMING_COLUMNS, mandateTimingCells } from "../export/opendata.js";
import { comparisonJson, seriesJson } from "../compare/format/json.js";
import { seriesView } from "../compare/series.js";
import type { Problem, Resolution } from "../model/types.js";
import type { MandateGroup } from "../registry/mandate-groups.js";
import { nearestSymbols } from "../registry/nearest-symbols.js";
import { searchResolutions } from "../registry/resolution-search.js";
import { seriesGaps } from "../compare/series-gaps.js";
import type { CitationQuery, DocumentFilter, Language, MandateFilter, MandateRecord, Page, SearchRequest, Store } from "../registry/store.js";
import { badInput } from "./guards.js";
import { symbolFromInput } from "../model/symbols.js";

/**
 * The reads whose cost grows with the registry or with the request (full-text search, facets,
 * mandate tables and counts, statistics, citation walks, series and comparisons): each is a
 * function of a store and one plain argument to a plain value, so that it runs the same in a
 * worker thread, on the worker's own connection (src/server/read-pool.ts), or in this thread.
 */

const MANDATE_CSV_COLUMNS = [
  "symbol", "language", "session", "paragraph", "sub", "actor", "actor_canonical", "actor_type", "verb", "category", "force", "action",
  "report", "report_to", "deliverable", "due_session", "deadline", "recurrence", "has_review_or_end",
  ...MANDATE_TIMING_COLUMNS,
] as const;

function csvRow(m: MandateRecord) {
  return [
    m.symbol, m.language, m.session, m.ref, m.sub, m.actor, m.actorCanonical, m.actorType, m.verb, m.category, m.force, m.action,
    m.report, m.reportTo, m.deliverable, m.dueSession, m.deadline, m.recurrence, m.hasReviewOrEnd,
    ...mandateTimingCells(m),
  ];
}

/** A page of the mandates CSV, as its text (the header line first when asked) and its row count. */
async function mandatesCsv(store: Store, { filter, page, header }: { filter: MandateFilter; page: Page; header: boolean }) {
  const { items } = await store.mandates(filter, page);
  const rows = items.map(csvRow);
  return { text: csvLines(header ? [MANDATE_CSV_COLUMNS, ...rows] : rows), rows: items.length };
}

/** The series around a document and what the series page shows of it; null when no series holds it. */
async function seriesPage(store: Store, { symbol }: { symbol: string }) {
  const [series] = await store.series(symbol);
  if (!series) return null;
  const docs: Resolution[] = [];
  for (const member of series.members) {
    const stored = await store.getDocument(member.symbol, { language: series.language });
    if (stored) docs.push(stored.document);
  }
  const held = new Set<string>();
  for (const doc of docs) {
    const graph = doc.meta.symbol ? await store.citations(doc.meta.symbol, { direction: "out", depth: 1, language: series.language }) : null;
    for (const node of graph?.nodes ?? []) if (node.inRegistry) held.add(node.symbol);
  }
  return { series, gaps: seriesGaps(docs, (s) => held.has(s)), view: seriesJson(seriesView(docs, series.title)) };
}

/** Two stored resolutions compared, or the symbol the registry does not hold. */
async function diff(store: Store, { from, to }: { from: string; to: string }) {
  const [a, b] = [await store.getDocument(from), await store.getDocument(to)];
  if (!a || !b) return { missing: symbolFromInput(a ? to : from) };
  return { comparison: comparisonJson(compareResolutions(a.document, b.document)) };
}

/** The result of a read that may be refused with problems; the problems thrown as a 400 (they cross a thread as an error). */
async function orRefused<T>(outcome: Promise<{ ok: true; result: T } | { ok: false; problems: Problem[] }>): Promise<T> {
  const settled = await outcome;
  if (!settled.ok) throw badInput(settled.problems);
  return settled.result;
}

export const READ_OPERATIONS = {
  search: (store: Store, request: SearchRequest) => orRefused(store.search(request)),
  searchResolutions: (store: Store, request: Parameters<typeof searchResolutions>[1]) => orRefused(searchResolutions(store, request)),
  listDocuments: (store: Store, { filter, page }: { filter: DocumentFilter; page: Page }) => store.listDocuments(filter, page),
  mandates: (store: Store, { filter, page }: { filter: MandateFilter; page: Page }) => store.mandates(filter, page),
  mandatesCsv,
  mandateGroups: async (store: Store, { filter, by, limit }: { filter: MandateFilter; by: MandateGroup[]; limit: number }) => ({
    groups: await store.mandateGroups(filter, by, limit),
  }),
  statistics: (store: Store, _: null) => store.statistics(),
  citations: (store: Store, { symbol, query }: { symbol: string; query: CitationQuery }) => store.citations(symbol, query),
  paragraphOccurrences: (store: Store, { symbol, ref, language, limit }: { symbol: string; ref: string; language?: Language; limit: number }) =>
    store.paragraphOccurrences(symbol, ref, { ...(language ? { language } : {}), limit }),
  series: async (store: Store, { q, language }: { q: string; language?: Language }) => ({ series: await store.series(q, language ? { language } : {}) }),
  seriesPage,
  diff,
  nearestSymbols: (store: Store, { near, limit }: { near: string; limit: number }) => nearestSymbols(store, near, limit),
};

export type ReadOperations = typeof READ_OPERATIONS;
export type ReadName = keyof ReadOperations;
export type ReadArgument<K extends ReadName> = Parameters<ReadOperations[K]>[1];
export type ReadResult<K extends ReadName> = Awaited<ReturnType<ReadOperations[K]>>;

export function runRead<K extends ReadName>(store: Store, name: K, argument: ReadArgument<K>): Promise<ReadResult<K>> {
  const operation = READ_OPERATIONS[name] as (store: Store, argument: ReadArgument<K>) => Promise<ReadResult<K>>;
  return operation(store, argument);
}

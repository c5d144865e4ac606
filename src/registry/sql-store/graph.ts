import { looksLikeSymbol } from "../../model/symbols.js";
import type { Body, Language } from "../../model/types.js";
import type { Row } from "../dialect.js";
import { titleKey } from "../../compare/series-groups.js";
import { recomputeSeries } from "../series-rows.js";
import type { CitationEdge, CitationGraph, CitationNode, CitationQuery, SeriesRecord } from "../store.js";
import { num, type SqlContext, str } from "./context.js";
import { findDocumentRow } from "./documents.js";
import { escapeLike, placeholders } from "./filters.js";

/** How resolutions link: the citation graph around one, and the series of recurring resolutions. */

const MAX_CITATION_NODES = 500;

export async function citations(context: SqlContext, symbol: string, query: CitationQuery): Promise<CitationGraph | null> {
  const root = await findDocumentRow(context, symbol, query.language);
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
      found.push(...(await context.db.all(`${select} WHERE d.language = ? AND d.symbol IN (${placeholders(frontier)})`, [language, ...frontier])));
    }
    if (query.direction !== "out") {
      found.push(...(await context.db.all(`${select} WHERE d.language = ? AND c.symbol IN (${placeholders(frontier)})`, [language, ...frontier])));
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
    const known = await describeNodes(context, reached, language, nodes);
    frontier = reached.filter((s) => known.has(s) && !visited.has(s));
    for (const s of frontier) visited.add(s);
  }
  await describeNodes(context, [String(root.symbol)], language, nodes);
  return { root: String(root.symbol), nodes: [...nodes.values()].filter((n): n is CitationNode => n !== null), edges: [...edges.values()], truncated };
}

/** Fills `nodes` for `symbols` from the registry; returns the symbols it holds. */
async function describeNodes(context: SqlContext, symbols: string[], language: string, nodes: Map<string, CitationNode | null>): Promise<Set<string>> {
  const held = new Set<string>();
  for (let i = 0; i < symbols.length; i += 500) {
    const chunk = symbols.slice(i, i + 500);
    for (const r of await context.db.all(`SELECT symbol, title, session FROM documents WHERE language = ? AND symbol IN (${placeholders(chunk)})`, [language, ...chunk])) {
      held.add(String(r.symbol));
      nodes.set(String(r.symbol), { symbol: String(r.symbol), title: str(r.title), session: num(r.session), inRegistry: true });
    }
  }
  for (const s of symbols) if (!held.has(s)) nodes.set(s, { symbol: s, title: null, session: null, inRegistry: false });
  return held;
}

export async function series(context: SqlContext, symbolOrTitle: string, options: { language?: Language } = {}): Promise<SeriesRecord[]> {
  let ids: number[] = [];
  if (looksLikeSymbol(symbolOrTitle)) {
    const doc = await findDocumentRow(context, symbolOrTitle, options.language);
    if (doc) {
      ids = (await context.db.all("SELECT series_id FROM series_members WHERE document_id = ?", [doc.id])).map((r) => Number(r.series_id));
    }
  } else {
    const key = titleKey(symbolOrTitle) ?? "";
    const language = options.language ? " AND s.language = ?" : "";
    const lang = options.language ? [options.language] : [];
    ids = (
      await context.db.all(
        `SELECT DISTINCT s.id FROM series s JOIN series_members m ON m.series_id = s.id JOIN documents d ON d.id = m.document_id
         WHERE d.title_key = ?${language}`,
        [key, ...lang],
      )
    ).map((r) => Number(r.id));
    if (!ids.length) {
      ids = (
        await context.db.all(`SELECT s.id FROM series s WHERE s.title ${context.sql.ilike} ? ESCAPE '\\'${language} ORDER BY s.title LIMIT 50`, [
          `%${escapeLike(symbolOrTitle.trim())}%`,
          ...lang,
        ])
      ).map((r) => Number(r.id));
    }
  }
  if (!ids.length) return [];
  const series = await context.db.all(`SELECT id, key, title, body, language FROM series WHERE id IN (${placeholders(ids)}) ORDER BY key`, ids);
  const members = await context.db.all(
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

export async function refreshSeries(context: SqlContext, options: { force?: boolean } = {}): Promise<{ series: number; refreshed: boolean }> {
  const [state] = await context.db.all("SELECT value FROM registry_state WHERE key = 'series_dirty'");
  if (!options.force && state?.value !== "1") {
    const [count] = await context.db.all("SELECT COUNT(*) AS n FROM series");
    return { series: Number(count!.n), refreshed: false };
  }
  // Read inside the write transaction: no document can change between reading and writing.
  return context.driver.transaction(async (tx) => ({ series: await recomputeSeries(tx), refreshed: true }));
}

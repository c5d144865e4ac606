import { groupSeries, type SeriesCandidate, type SeriesFacts } from "../compare/series-groups.js";
import type { Body, Language } from "../model/types.js";
import type { SqlExecutor } from "./dialect.js";

/**
 * The registry's series rows, computed by the one series rule (compare/series-groups.ts) from the
 * documents' rows: their metadata and the series facts stored with them when they were written
 * (`documents.series_facts`), so that no document model is read. Run inside a write transaction,
 * so that no document changes between reading and writing.
 */
export async function recomputeSeries(tx: SqlExecutor): Promise<number> {
  const rows = await tx.all(
    "SELECT id, symbol, body, language, session, adoption_date, title, series_facts FROM documents WHERE version_count > 0 AND (title_key IS NOT NULL OR series_facts IS NOT NULL)",
  );
  const candidates: (SeriesCandidate & { id: number })[] = rows.map((r) => {
    const facts: SeriesFacts = r.series_facts ? JSON.parse(String(r.series_facts)) : { recalls: [], holders: [] };
    return {
      id: Number(r.id),
      symbol: String(r.symbol),
      body: r.body as Body,
      language: r.language as Language,
      session: r.session === null ? null : Number(r.session),
      date: r.adoption_date === null ? null : String(r.adoption_date),
      title: r.title === null ? null : String(r.title),
      recalls: facts.recalls,
      holders: facts.holders,
    };
  });
  const groups = groupSeries(candidates);
  await tx.run("DELETE FROM series_members");
  await tx.run("DELETE FROM series");
  for (const group of groups) {
    const [created] = await tx.all("INSERT INTO series (key, title, body, language) VALUES (?, ?, ?, ?) RETURNING id", [group.key, group.title, group.body, group.language]);
    await tx.insertRows(
      "series_members",
      ["series_id", "document_id", "position"],
      group.members.map((m, i) => [Number(created!.id), m.id, i + 1]),
    );
  }
  await tx.run("INSERT INTO registry_state (key, value) VALUES ('series_dirty', '0') ON CONFLICT (key) DO UPDATE SET value = '0'");
  return groups.length;
}

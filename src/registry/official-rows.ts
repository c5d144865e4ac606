import type { OfficialRecord } from "../ingest/official-metadata.js";
import type { OfficialFacts } from "../model/official.js";
import type { SqlExecutor } from "./dialect.js";

/**
 * The registry's rows of official metadata (migration 12): one per resolution symbol, written
 * whenever ingest meets a file of them, before or after the documents they describe, and merged
 * into a document's metadata when it is read (`withOfficialFacts`). The SQL of the table lives
 * here; the store only delegates.
 */

/** What writing a file's records did: a symbol is added, updated when its facts changed, else unchanged. */
export interface OfficialWrite {
  added: number;
  updated: number;
  unchanged: number;
}

export interface StoredOfficialRecord {
  symbol: string;
  facts: OfficialFacts;
  /** The file and line the facts were last read from. */
  sourceName: string | null;
  line: number | null;
  updatedAt: string;
}

/** Symbols read per query, rows written per statement: well under both engines' parameter limits. */
const SYMBOLS_PER_QUERY = 500;
const ROWS_PER_STATEMENT = 100;
const COLUMNS = ["symbol", "session", "voting_outcome", "in_favour", "against", "abstaining", "facts", "source_name", "source_line", "updated_at"];

export async function writeOfficialRecords(tx: SqlExecutor, records: readonly OfficialRecord[], sourceName: string | null, now: string): Promise<OfficialWrite> {
  const latest = new Map(records.map((r) => [r.symbol, r]));
  const held = new Map<string, string>();
  const symbols = [...latest.keys()];
  for (let i = 0; i < symbols.length; i += SYMBOLS_PER_QUERY) {
    const chunk = symbols.slice(i, i + SYMBOLS_PER_QUERY);
    const rows = await tx.all(`SELECT symbol, facts FROM official_metadata WHERE symbol IN (${chunk.map(() => "?").join(", ")})`, chunk);
    for (const r of rows) held.set(String(r.symbol), String(r.facts));
  }
  const result: OfficialWrite = { added: 0, updated: 0, unchanged: 0 };
  const changed: (readonly unknown[])[] = [];
  for (const record of latest.values()) {
    const facts = JSON.stringify(record.facts);
    const before = held.get(record.symbol);
    if (before === facts) {
      result.unchanged++;
      continue;
    }
    if (before === undefined) result.added++;
    else result.updated++;
    const v = record.facts.voting;
    changed.push([record.symbol, record.facts.session ?? null, v?.outcome ?? null, v?.inFavour ?? null, v?.against ?? null, v?.abstaining ?? null, facts, sourceName, record.line, now]);
  }
  const updates = COLUMNS.filter((c) => c !== "symbol").map((c) => `${c} = excluded.${c}`).join(", ");
  for (let i = 0; i < changed.length; i += ROWS_PER_STATEMENT) {
    const chunk = changed.slice(i, i + ROWS_PER_STATEMENT);
    await tx.run(
      `INSERT INTO official_metadata (${COLUMNS.join(", ")}) VALUES ${chunk.map(() => `(${COLUMNS.map(() => "?").join(", ")})`).join(", ")}
       ON CONFLICT (symbol) DO UPDATE SET ${updates}`,
      chunk.flat(),
    );
  }
  return result;
}

export async function readOfficialRecord(db: SqlExecutor, symbol: string): Promise<StoredOfficialRecord | null> {
  const [row] = await db.all("SELECT symbol, facts, source_name, source_line, updated_at FROM official_metadata WHERE symbol = ?", [symbol]);
  if (!row) return null;
  return {
    symbol: String(row.symbol),
    facts: JSON.parse(String(row.facts)) as OfficialFacts,
    sourceName: row.source_name === null || row.source_name === undefined ? null : String(row.source_name),
    line: row.source_line === null || row.source_line === undefined ? null : Number(row.source_line),
    updatedAt: String(row.updated_at),
  };
}

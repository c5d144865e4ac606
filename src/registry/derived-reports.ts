import type { SqlExecutor } from "./dialect.js";

/**
 * Storage of reports derived from the whole registry (migration 13). The stamp names the
 * registry's state: it changes with every write (a document added, a version stored, a
 * current version replaced), so a report whose stamp differs from the registry's is stale.
 */

export interface StoredReport {
  stamp: string;
  computedAt: string;
  body: Uint8Array;
}

export async function registryStamp(db: SqlExecutor): Promise<string> {
  const [row] = await db.all(
    "SELECT COUNT(*) AS n, COALESCE(MAX(updated_at), '') AS u, COALESCE(SUM(version_count), 0) AS v, COALESCE(SUM(current_version), 0) AS c FROM documents",
  );
  return `${row!.n}/${row!.v}/${row!.c}/${row!.u}`;
}

export async function readReport(db: SqlExecutor, name: string): Promise<StoredReport | null> {
  const [row] = await db.all("SELECT stamp, computed_at, body FROM derived_reports WHERE name = ?", [name]);
  return row ? { stamp: String(row.stamp), computedAt: String(row.computed_at), body: row.body as Uint8Array } : null;
}

export async function writeReport(db: SqlExecutor, name: string, report: StoredReport): Promise<void> {
  await db.run(
    `INSERT INTO derived_reports (name, stamp, computed_at, body) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET stamp = excluded.stamp, computed_at = excluded.computed_at, body = excluded.body`,
    [name, report.stamp, report.computedAt, Buffer.from(report.body.buffer, report.body.byteOffset, report.body.byteLength)],
  );
}

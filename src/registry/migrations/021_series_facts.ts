import { titleKey } from "../../compare/series-groups.js";
import { enrich } from "../../enrich/index.js";
import type { SqlExecutor } from "../dialect.js";
import { decodeModel, seriesFactsRow } from "../rows.js";
import { recomputeSeries } from "../series-rows.js";
import type { Migration } from "./index.js";

/** Documents read per query while filling. */
const PAGE = 200;

/**
 * The one series rule (compare/series-groups.ts) reads, beside a document's title, the
 * resolutions it recalls and the mandates it renews: kept per document in `series_facts` when it
 * is written. Filled here from each document's current version, with the title keys written
 * again by the rule's own key (the registry's and the comparison's keys differed), and the series
 * recomputed.
 */
export const seriesFacts: Migration = {
  id: 21,
  name: "series facts per document (recalls, mandates renewed) and series recomputed by one rule",
  statements: () => ["ALTER TABLE documents ADD COLUMN series_facts TEXT"],
  async fill(tx: SqlExecutor) {
    for (let after = -1; ; ) {
      const rows = await tx.all(
        `SELECT d.id, d.title, v.model FROM documents d JOIN versions v ON v.document_id = d.id AND v.number = d.current_version
         WHERE d.id > ? ORDER BY d.id LIMIT ?`,
        [after, PAGE],
      );
      for (const row of rows) {
        const { document, stage } = decodeModel(row.model as Uint8Array);
        const facts = seriesFactsRow(stage === "parsed" ? enrich(document) : document);
        await tx.run("UPDATE documents SET title_key = ?, series_facts = ? WHERE id = ?", [titleKey(row.title === null ? null : String(row.title)), facts, row.id]);
      }
      if (rows.length < PAGE) break;
      after = Number(rows[rows.length - 1]!.id);
    }
    await recomputeSeries(tx);
  },
};

import { extractMandates } from "../../enrich/mandates.js";
import type { SqlExecutor } from "../dialect.js";
import { decodeModel, documentRows, encodeModel, MANDATE_COLUMNS, mandateValues } from "../rows.js";
import type { Migration } from "./index.js";

/** Documents re-derived per query while filling. */
const PAGE = 200;

/**
 * Dates and decisions of mandates: the date by which each is due, a decision about the actor's
 * own mandate (establish, extend, renew, modify, terminate), its end (date, ISO duration, the
 * words) and the review the resolution sets (session, date, recurrence, the words).
 *
 * A registry written before has mandates without them, and without the mandates that the
 * decisions about bodies' mandates are: every current version's mandates are derived again
 * from its stored model, whose mandates are replaced too, and the stored duplication report is
 * dropped (it counted the old ones) to be computed again.
 */
export const mandateDates: Migration = {
  id: 16,
  name: "mandates' due dates, decisions about mandates, ends and reviews",
  statements: () => [
    ...["due_date TEXT", "decision TEXT", "end_date TEXT", "end_duration TEXT", "end_text TEXT", "review_session INTEGER", "review_date TEXT",
      "review_recurrence TEXT", "review_text TEXT"].map((column) => `ALTER TABLE mandates ADD COLUMN ${column}`),
    "CREATE INDEX mandates_due_date ON mandates (due_date)",
    "DELETE FROM derived_reports",
  ],
  async fill(tx: SqlExecutor) {
    for (let after = -1; ; ) {
      const documents: Record<string, unknown>[] = await tx.all(
        "SELECT id, paragraph_base, current_version FROM documents WHERE id > ? AND current_version > 0 ORDER BY id LIMIT ?",
        [after, PAGE],
      );
      for (const d of documents) await rederive(tx, Number(d.id), Number(d.paragraph_base), Number(d.current_version));
      if (documents.length < PAGE) return;
      after = Number(documents[documents.length - 1]!.id);
    }
  },
};

async function rederive(tx: SqlExecutor, documentId: number, base: number, version: number): Promise<void> {
  const [stored] = await tx.all("SELECT model FROM versions WHERE document_id = ? AND number = ?", [documentId, version]);
  if (!stored) return;
  const { document, stage } = decodeModel(stored.model as Uint8Array);
  // a model stored as parsed is enriched when it is read, and has no mandate rows to replace
  if (stage !== "enriched") return;
  extractMandates(document);
  const rows = documentRows(document).mandates;
  await tx.run("DELETE FROM mandates WHERE document_id = ?", [documentId]);
  await tx.insertRows("mandates", MANDATE_COLUMNS, rows.map((m) => mandateValues(documentId, base + m.ordinal, m)));
  await tx.run("UPDATE versions SET model = ? WHERE document_id = ? AND number = ?", [encodeModel(document), documentId, version]);
}

import { mandateIdsInOrder } from "../../compare/mandate-id.js";
import { addresseeKey } from "../../model/actors.js";
import type { SqlExecutor } from "../dialect.js";
import type { Migration } from "./index.js";

/**
 * Every mandate row gets its stable id (src/compare/mandate-id.ts), the key its reviews are
 * filed under in the lifecycle tables (migrations 18-20). The id is derived, like the row: a new
 * version or a new extraction writes it again, from the text, the same wherever the mandate is
 * the same. A registry that already holds mandates gets theirs computed from the rows it holds
 * (symbol, part, paragraph, sub-paragraph, addressee, in row order), exactly as the writer would.
 */
export const mandateIds: Migration = {
  id: 17,
  name: "stable mandate ids, the key of their reviews",
  statements: () => ["ALTER TABLE mandates ADD COLUMN uid TEXT", "CREATE INDEX mandates_uid ON mandates (uid)"],
  async fill(tx: SqlExecutor) {
    const rows = await tx.all<{ id: number; document_id: number; symbol: string; part: string | null; ref: string; sub: string | null; actor: string; actor_canonical: string | null }>(
      `SELECT x.id, x.document_id, d.symbol, p.part, x.ref, x.sub, x.actor, x.actor_canonical
       FROM mandates x JOIN documents d ON d.id = x.document_id LEFT JOIN paragraphs p ON p.id = x.paragraph_id
       ORDER BY x.document_id, x.id`,
    );
    if (!rows.length) return;
    const filled: [number, string][] = [];
    for (let start = 0; start < rows.length; ) {
      let end = start;
      while (end < rows.length && Number(rows[end]!.document_id) === Number(rows[start]!.document_id)) end++;
      const ofDocument = rows.slice(start, end);
      const ids = mandateIdsInOrder(
        ofDocument.map((r) => ({
          symbol: String(r.symbol),
          part: r.part === null ? null : String(r.part),
          ref: String(r.ref),
          sub: r.sub === null ? null : String(r.sub),
          addressee: addresseeKey({ actor: String(r.actor), actorCanonical: r.actor_canonical === null ? null : String(r.actor_canonical) }),
        })),
      );
      ofDocument.forEach((r, i) => filled.push([Number(r.id), ids[i]!]));
      start = end;
    }
    // One multi-row insert into a scratch table and one UPDATE: a statement per row took
    // minutes on PostgreSQL for a large registry.
    await tx.run("CREATE TEMPORARY TABLE mandate_uid_fill (id INTEGER PRIMARY KEY, uid TEXT NOT NULL)");
    await tx.insertRows("mandate_uid_fill", ["id", "uid"], filled);
    await tx.run("UPDATE mandates SET uid = (SELECT f.uid FROM mandate_uid_fill f WHERE f.id = mandates.id)");
    await tx.run("DROP TABLE mandate_uid_fill");
  },
};

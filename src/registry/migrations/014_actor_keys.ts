import { actorKey } from "../../model/actors.js";
import type { SqlExecutor } from "../dialect.js";
import type { Migration } from "./index.js";

/**
 * Mandates' actor keys recomputed under the model's one rule (model/actors.ts, `addresseeKey`),
 * which the comparison used and the registry did not: punctuation is a space in a key, so
 * "Counter-Terrorism Committee" and "Counter Terrorism Committee", or a hyphen and a
 * non-breaking one, are one actor. Keys are rewritten per distinct name, each through the index
 * on the old key.
 */
export const actorKeys: Migration = {
  id: 14,
  name: "actor keys under the model's rule",
  statements: () => [],
  async fill(tx: SqlExecutor) {
    const names = await tx.all("SELECT DISTINCT actor_key, COALESCE(actor_canonical, actor) AS name FROM mandates");
    for (const r of names) {
      const key = actorKey(String(r.name));
      if (key === r.actor_key) continue;
      await tx.run("UPDATE mandates SET actor_key = ? WHERE actor_key = ? AND COALESCE(actor_canonical, actor) = ?", [key, r.actor_key, r.name]);
    }
  },
};

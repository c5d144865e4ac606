import type { SqlDialect, SqlExecutor } from "../dialect.js";
import type { MigrationResult, OpenOptions } from "../store.js";
import { schema } from "./001_schema.js";
import { fullText } from "./002_full_text.js";
import { recencyIds } from "./003_recency_ids.js";
import { paragraphTags } from "./004_paragraph_tags.js";
import { documentGoals } from "./005_document_goals.js";
import { leanIndexes } from "./006_lean_indexes.js";
import { indexPerDocument } from "./007_index_per_document.js";
import { paragraphHashIndex } from "./008_paragraph_hash_index.js";
import { verbIndex } from "./009_verb_index.js";
import { newestFirstIds } from "./010_newest_first_ids.js";
import { searchWords } from "./011_search_words.js";
import { officialMetadata } from "./012_official_metadata.js";
import { derivedReports } from "./013_derived_reports.js";
import { actorKeys } from "./014_actor_keys.js";
import { paragraphRefsWithPart } from "./015_paragraph_refs_with_part.js";
import { mandateDates } from "./016_mandate_dates.js";
import { seriesFacts } from "./021_series_facts.js";
import { mandateIds } from "./017_mandate_ids.js";
import { accounts } from "./018_accounts.js";
import { reviews } from "./019_reviews.js";
import { auditTrail } from "./020_audit_trail.js";

/**
 * Numbered migrations, one list for both databases. A migration's statements are the same SQL
 * for both, with `{id}`, `{key}` and `{blob}` standing for the type names that differ; the
 * full-text index is the one migration each dialect writes itself. Applied migrations are
 * recorded in `schema_migrations`; each runs in its own transaction, so a crash leaves the
 * schema at a numbered step.
 */
export interface Migration {
  id: number;
  name: string;
  statements(dialect: SqlDialect): string[];
  /** Work SQL alone cannot do (reading text into words), after the statements, in their transaction. */
  fill?(tx: SqlExecutor): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [schema, fullText, recencyIds, paragraphTags, documentGoals, leanIndexes, indexPerDocument, paragraphHashIndex, verbIndex, newestFirstIds, searchWords, officialMetadata, derivedReports, actorKeys, paragraphRefsWithPart, mandateDates,
  mandateIds, accounts, reviews, auditTrail, seriesFacts];

export function withTypes(dialect: SqlDialect, sql: string): string {
  return sql.replace(/\{(id|key|blob|binary_text|without_rowid)\}/g, (_, name: keyof SqlDialect["types"]) => dialect.types[name]);
}

export async function migrate(
  dialect: SqlDialect,
  transaction: <T>(work: (tx: SqlExecutor) => Promise<T>) => Promise<T>,
  options: OpenOptions = {},
): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  for (const migration of MIGRATIONS) {
    const upgrading = results.some((r) => r.status === "already-applied");
    const status = await transaction(async (tx) => {
      await tx.run("CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
      await dialect.lockForMigration(tx);
      const done = await tx.all("SELECT id FROM schema_migrations WHERE id = ?", [migration.id]);
      if (done.length) return "already-applied" as const;
      if (upgrading) options.onUpgrade?.({ id: migration.id, name: migration.name });
      for (const statement of migration.statements(dialect)) await tx.run(withTypes(dialect, statement));
      await migration.fill?.(tx);
      await tx.run("INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)", [migration.id, migration.name, new Date().toISOString()]);
      return "applied" as const;
    });
    results.push({ id: migration.id, name: migration.name, status });
  }
  return results;
}

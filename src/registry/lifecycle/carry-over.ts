import { inheritedMandates } from "../../compare/carry-over.js";
import type { Language } from "../../model/types.js";
import { getDocument } from "../sql-store/documents.js";
import type { SqlContext } from "../sql-store/context.js";
import { mandateTarget, reviewsOf, writeReview } from "./reviews.js";
import { CARRY_OVER_AUTHOR } from "./types.js";

/**
 * Decisions carried over to a new version of a recurring resolution: for each pair of consecutive
 * members of a series whose earlier member's mandates carry decisions, each mandate of the later
 * member that the comparison pairs with one of them (src/compare/carry-over.ts) inherits the
 * decisions it lacks, flagged for confirmation where the mandate changed. Runs after each ingest
 * (the series refreshed), once per pair: a pair done is recorded, and a version that inherited
 * passes its decisions on to the next in the same run.
 */

const MAX_ROUNDS = 50;

export async function carryOver(context: SqlContext): Promise<number> {
  const [any] = await context.db.all("SELECT 1 AS yes FROM reviews LIMIT 1");
  if (!any) return 0;
  let created = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const pairs = await context.db.all(
      `SELECT a.symbol AS earlier, b.symbol AS later, a.language FROM series_members sa
         JOIN series_members sb ON sb.series_id = sa.series_id AND sb.position = sa.position + 1
         JOIN documents a ON a.id = sa.document_id JOIN documents b ON b.id = sb.document_id
       WHERE EXISTS (SELECT 1 FROM mandates x JOIN reviews r ON r.mandate_id = x.uid WHERE x.document_id = a.id)
         AND NOT EXISTS (SELECT 1 FROM carried_over c WHERE c.earlier = a.symbol AND c.later = b.symbol AND c.language = a.language)
       ORDER BY sa.series_id, sa.position`,
    );
    if (!pairs.length) break;
    for (const pair of pairs) created += await carryPair(context, String(pair.earlier), String(pair.later), pair.language as Language);
  }
  return created;
}

async function carryPair(context: SqlContext, earlierSymbol: string, laterSymbol: string, language: Language): Promise<number> {
  const earlier = await getDocument(context, earlierSymbol, { language });
  const later = await getDocument(context, laterSymbol, { language });
  let created = 0;
  const now = new Date().toISOString();
  await context.driver.transaction(async (tx) => {
    if (earlier && later) {
      for (const inherited of inheritedMandates(earlier.document, later.document)) {
        const target = await mandateTarget(tx, inherited.to);
        if (!target) continue;
        for (const review of await reviewsOf(tx, inherited.from)) {
          const [has] = await tx.all("SELECT 1 AS yes FROM reviews WHERE mandate_id = ? AND entity = ?", [inherited.to, review.entity]);
          if (has) continue;
          const written = await writeReview(tx, target, review.entity, { ...review, version: 0 }, CARRY_OVER_AUTHOR, now, {
            carriedFrom: inherited.from,
            needsConfirmation: inherited.changed.length > 0,
            action: "review.carry-over",
          });
          if (written.ok && written.value.changed) created++;
        }
      }
    }
    await tx.run("INSERT INTO carried_over (earlier, later, language, reviews, carried_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (earlier, later, language) DO NOTHING", [
      earlierSymbol,
      laterSymbol,
      language,
      created,
      now,
    ]);
  });
  return created;
}

import type { SqlExecutor } from "./dialect.js";
import { MAX_PREFIX_WORDS, prefixRange, unaccented } from "./search-words.js";

/** Rows per INSERT: two parameters each, well under both engines' limits. */
const WORDS_PER_STATEMENT = 500;

/** Adds words to the registry's dictionary; words it holds already are left as they are. */
export async function insertWords(tx: SqlExecutor, words: readonly string[]): Promise<void> {
  for (let i = 0; i < words.length; i += WORDS_PER_STATEMENT) {
    const chunk = words.slice(i, i + WORDS_PER_STATEMENT);
    await tx.run(
      `INSERT INTO search_words (unaccented, word) VALUES ${chunk.map(() => "(?, ?)").join(", ")} ON CONFLICT DO NOTHING`,
      chunk.flatMap((word) => [unaccented(word), word]),
    );
  }
}

/** The words of the dictionary that begin with `prefix` (diacritics aside), or null when there are more than MAX_PREFIX_WORDS. */
export async function wordsBeginning(db: SqlExecutor, prefix: string): Promise<string[] | null> {
  const { from, to } = prefixRange(prefix);
  const rows = await db.all("SELECT word FROM search_words WHERE unaccented >= ? AND unaccented < ? LIMIT ?", [from, to, MAX_PREFIX_WORDS + 1]);
  return rows.length > MAX_PREFIX_WORDS ? null : rows.map((r) => String(r.word));
}

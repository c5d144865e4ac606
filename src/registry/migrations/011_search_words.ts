import type { SqlExecutor } from "../dialect.js";
import { newWords, WordSet } from "../search-words.js";
import { insertWords } from "../word-rows.js";
import type { Migration } from "./index.js";

/** Paragraphs read per query while filling the dictionary. */
const PAGE = 5000;

/**
 * The dictionary of the words paragraphs hold (search-words.ts), which prefix searches expand
 * into: filled here from the paragraphs already stored, and by every write after.
 */
export const searchWords: Migration = {
  id: 11,
  name: "dictionary of paragraph words for prefix search",
  statements: () => ["CREATE TABLE search_words (unaccented {binary_text} NOT NULL, word {binary_text} NOT NULL, PRIMARY KEY (unaccented, word)){without_rowid}"],
  async fill(tx: SqlExecutor) {
    const seen = new WordSet();
    for (let after: number | null = -1; after !== null; ) {
      const rows: Record<string, unknown>[] = await tx.all("SELECT id, text FROM paragraphs WHERE id > ? ORDER BY id LIMIT ?", [after, PAGE]);
      await insertWords(tx, newWords(rows.map((r) => String(r.text)), seen));
      after = rows.length === PAGE ? Number(rows[rows.length - 1]!.id) : null;
    }
  },
};

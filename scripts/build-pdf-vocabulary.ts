/**
 * Learns the English words and hyphenated compounds of UN resolutions from the corpus texts, for
 * the PDF decoder's line-end hyphen decisions ("seventy-\nfourth" keeps its hyphen, "devel-\nopment"
 * loses it) and its repair of words that a PDF text layer splits ("Confere nce"). Writes
 * src/ingest/pdf/vocabulary.json: lower-case words and compounds seen at least MIN times.
 *
 *   node --import tsx scripts/build-pdf-vocabulary.ts [TEXT_DIR]   (default: ../shared/corpus/ods)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "../shared/corpus/ods";
const MIN = 3;

const words = new Map<string, number>();
const compounds = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));
for (const f of files) {
  let text = readFileSync(join(dir, f), "utf8");
  const trailer = text.indexOf("<<ODS");
  if (trailer !== -1) text = text.slice(0, trailer);
  text = text.replace(/[\u2010\u2011]/g, "-").toLowerCase();
  for (const token of text.split(/[^a-z\u00e0-\u024f-]+/)) {
    const t = token.replace(/^-+|-+$/g, "");
    if (!t) continue;
    if (t.includes("-")) {
      if (/^[a-z\u00e0-\u024f]+(?:-[a-z\u00e0-\u024f]+)+$/.test(t)) bump(compounds, t);
      for (const part of t.split("-")) if (part) bump(words, part);
    } else {
      bump(words, t);
    }
  }
}

const keep = (m: Map<string, number>) => [...m].filter(([, n]) => n >= MIN).map(([w]) => w).sort();
const vocabulary = { source: `${files.length} corpus texts, entries seen at least ${MIN} times`, compounds: keep(compounds), words: keep(words) };
writeFileSync("src/ingest/pdf/vocabulary.json", JSON.stringify(vocabulary).replace(/","/g, '",\n"') + "\n");
console.log(`words ${vocabulary.words.length}, compounds ${vocabulary.compounds.length} from ${files.length} files`);

/**
 * Round trip for the PDF decoder on the whole text corpus: every ODS text is parsed, the
 * document is typeset as a PDF in the layout of UN resolutions (masthead, running headers and
 * footers, first-line and hanging indents, superscript call-outs, footnotes at the page bottoms,
 * compounds broken at line ends) and the PDF is written to OUT/NAME.pdf. Scoring OUT against the
 * gold then measures what the decoder loses, beside the score of the texts themselves:
 *
 *   node --import tsx bench/pdf-roundtrip.ts [OUT] [--limit N]
 *   node ../shared/gold/score.mjs --gold ../shared/gold --src OUT --cmd 'node dist/cli/main.js parse {files} --json'
 *
 * The typesetting (test/ingest/pdf-typeset.ts) uses Courier; letters outside WinAnsiEncoding
 * lose their accents, so a few paragraphs cannot match the gold.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readText } from "../src/ingest/read.js";
import { typesetResolution } from "../test/ingest/pdf-typeset.js";

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith("--")) ?? "/tmp/pdf-roundtrip";
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
const GOLD = "../shared/gold";
const ODS = "../shared/corpus/ods";

mkdirSync(out, { recursive: true });
const golds = readdirSync(GOLD).filter((f) => f.endsWith(".gold.json")).sort();
let written = 0;
for (const g of golds) {
  if (written >= limit) break;
  const name = g.replace(/\.gold\.json$/, "");
  let raw: string;
  try {
    raw = readFileSync(join(ODS, `${name}.txt`), "utf8");
  } catch {
    continue;
  }
  const parsed = readText(new TextEncoder().encode(raw), { name: `${name}.txt` });
  if (!parsed.ok) continue;
  writeFileSync(join(out, `${name}.pdf`), typesetResolution(parsed.document, raw));
  written++;
}
console.log(`${written} PDFs in ${out}`);

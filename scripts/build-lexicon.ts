/**
 * Learns the English opening phrases of preambular and operative paragraphs from the UN's own
 * Akoma Ntoso files, which set every opening phrase in italics. Writes
 * src/parse/lexicon/en.json: phrases normalised as the parser emits them, with their counts.
 *
 *   node --import tsx scripts/build-lexicon.ts [AKN_EN_DIR]   (default: .corpus/akn/en)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { normalisePhrase, opensWithClosedClassWord } from "../src/parse/lexicon/normalise.js";

const dir = process.argv[2] ?? ".corpus/akn/en";
const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false });

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

function children(node: Node): Node[] {
  for (const [key, value] of Object.entries(node)) if (key !== ":@" && Array.isArray(value)) return value as Node[];
  return [];
}
function tag(node: Node): string {
  return Object.keys(node).find((k) => k !== ":@") ?? "";
}
function textOf(node: Node): string {
  if ("#text" in node) return String(node["#text"]);
  return children(node).map(textOf).join("");
}
/** The italic span that opens the first <p> below `node`, if the paragraph opens with one. */
function openingItalic(node: Node): string | undefined {
  let found: string | undefined;
  let decided = false;
  const visit = (n: Node, inP: boolean): void => {
    if (decided) return;
    const t = tag(n);
    if (t === "#text") {
      if (inP && String(n["#text"]).trim()) decided = true;
      return;
    }
    if (t === "num" || t === "authorialNote") return;
    if (t === "span" && inP && n[":@"]?.["@_class"] === "italic") {
      found = textOf(n).trim();
      decided = true;
      return;
    }
    for (const c of children(n)) visit(c, inP || t === "p");
  };
  visit(node, false);
  return found;
}

const counts = { preamble: new Map<string, number>(), operative: new Map<string, number>() };
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

function walk(node: Node, inPreamble: boolean, inBody: boolean): void {
  const t = tag(node);
  if (t === "container" && inPreamble) {
    const phrase = openingItalic(node);
    if (phrase) bump(counts.preamble, normalisePhrase(phrase, "preamble"));
    return;
  }
  if (t === "paragraph" && inBody) {
    const phrase = openingItalic(node);
    if (phrase) bump(counts.operative, normalisePhrase(phrase, "operative"));
    // sub-paragraphs of a paragraph carry no opening phrase of their own
    return;
  }
  for (const c of children(node)) walk(c, inPreamble || t === "preamble", inBody || t === "mainBody");
}

const files = readdirSync(dir).filter((f) => f.endsWith(".xml"));
for (const f of files) walk({ root: parser.parse(readFileSync(join(dir, f), "utf8")) } as Node, false, false);

const FUNCTION_WORDS = new Set(["of", "to", "the", "with", "in", "on", "for", "that", "a", "an", "at", "by", "its", "their", "and", "from", "about"]);
/**
 * A phrase that is a far more common one plus function words only ("takes note of", 10 times,
 * beside "takes note", 1,477) is italics run over into the object, not a phrase of its own.
 * "calls upon" stays: it is more common than "calls".
 */
function overrun(phrase: string, n: number, m: Map<string, number>): boolean {
  const words = phrase.split(" ");
  for (let k = words.length - 1; k >= 1 && FUNCTION_WORDS.has(words[k]!); k--) {
    const shorter = m.get(words.slice(0, k).join(" "));
    if (shorter !== undefined && n * 20 < shorter) return true;
  }
  return false;
}
const keep = (m: Map<string, number>) =>
  [...m]
    // italics over a part letter ("A") or a subject ("The States Parties to this Convention") are not phrases
    .filter(([phrase, n]) => n >= 2 && phrase && phrase.split(" ").length <= 8 && !opensWithClosedClassWord(phrase) && !overrun(phrase, n, m))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const lexicon = { source: `${files.length} AKN files`, preamble: keep(counts.preamble), operative: keep(counts.operative) };
writeFileSync("src/parse/lexicon/en.json", JSON.stringify(lexicon, null, 0).replace(/\],\[/g, "],\n[") + "\n");
console.log(`preamble phrases ${lexicon.preamble.length}, operative phrases ${lexicon.operative.length} from ${files.length} files`);

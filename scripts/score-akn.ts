/**
 * Scores the AKN decoder against the gold annotations: every English AKN file that has a gold
 * file is decoded, turned into the JSON contract and compared field by field with the same
 * rules as ../shared/gold/score.mjs (normalised texts compared without white space, phrases
 * matching as word prefixes, symbols without spaces). Prints F1 per part.
 *
 *   node --import tsx scripts/score-akn.ts [--verbose] [--only NAME] [--akn DIR] [--gold DIR]
 *   node --import tsx scripts/score-akn.ts --eosg [DIR]   (the same comparison for the EOSG paragraph JSON)
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { toContractJson, type ContractJson } from "../src/export/json.js";
import { readResolution } from "../src/ingest/read.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const root = resolve(import.meta.dirname, "..");
const eosg = args.includes("--eosg");
const sourceDir = eosg ? (args[args.indexOf("--eosg") + 1]?.startsWith("--") === false ? args[args.indexOf("--eosg") + 1]! : join(root, ".corpus/eosg")) : option("--akn", join(root, ".corpus/akn/en"));
const sourceName = (name: string) => join(sourceDir, eosg ? `${name}.paragraphs.json` : `${name}.xml`);
const goldDir = option("--gold", join(root, "../shared/gold"));
const only = option("--only", "");
const verbose = args.includes("--verbose");

const norm = (s: unknown) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
const textKey = (s: unknown) => norm(s).replace(/\s+/g, "");
const symbolKey = (s: unknown) => textKey(s).toUpperCase();
const phraseMatch = (a: unknown, b: unknown) => {
  const x = norm(a).toLowerCase();
  const y = norm(b).toLowerCase();
  return x === y || (x !== "" && y !== "" && (x.startsWith(y + " ") || y.startsWith(x + " ")));
};

interface Match {
  f: number;
  hit: number;
  gold: number;
  got: number;
  missed: string[];
}

/** Precision/recall/F1 matching gold items greedily to returned ones. */
function prf<G, X>(gold: G[], got: X[], same: (g: G, x: X) => boolean, show: (g: G) => string): Match {
  const used = new Set<number>();
  const missed: string[] = [];
  for (const g of gold) {
    const j = got.findIndex((x, i) => !used.has(i) && same(g, x));
    if (j >= 0) used.add(j);
    else missed.push(show(g));
  }
  const hit = used.size;
  const p = got.length ? hit / got.length : gold.length ? 0 : 1;
  const r = gold.length ? hit / gold.length : 1;
  return { f: p + r ? (2 * p * r) / (p + r) : 0, hit, gold: gold.length, got: got.length, missed };
}

const META = ["symbol", "title", "adoptionDate", "session", "committee", "committeeReport", "agendaItem",
  "plenaryMeeting", "distributionDate", "jobNumber", "language"] as const;

type Gold = Record<string, any>;

function score(gold: Gold, out: ContractJson & { sdgs: string[] }): Record<string, Match> {
  const metaKeys = META.filter((k) => k in gold);
  const wrong = metaKeys.filter((k) => norm(gold[k]) !== norm(out[k]));
  const parts: Record<string, Match> = {
    metadata: { f: metaKeys.length ? 1 - wrong.length / metaKeys.length : 1, hit: metaKeys.length - wrong.length, gold: metaKeys.length, got: metaKeys.length,
      missed: wrong.map((k) => `${k}: gold ${JSON.stringify(gold[k])} got ${JSON.stringify(out[k])}`) },
  };
  const indexed = <T>(xs: T[]) => xs.map((x, i) => ({ ...x, i }));
  parts.preamble = prf(indexed(gold.preamble as Gold[]), indexed(out.preamble),
    (g, x) => g.i === x.i && textKey(g.text) === textKey(x.text) && phraseMatch(g.starter, x.starter),
    (g) => `#${g.i + 1} [${g.starter}] ${String(g.text).slice(0, 160)}`);
  parts.operative = prf(gold.operative as Gold[], out.operative,
    (g, x) => Number(g.number) === Number(x.number) && textKey(g.text) === textKey(x.text) && phraseMatch(g.verb, x.verb),
    (g) => `${g.number} [${g.verb}] ${String(g.text).slice(0, 160)}`);
  const calls = (c: unknown) => [...((c as string[]) ?? [])].sort().join();
  parts.footnotes = prf(gold.footnotes as Gold[], out.footnotes,
    (g, x) => Number(g.number) === Number(x.number) && textKey(g.text) === textKey(x.text) && calls(g.calledFrom) === calls(x.calledFrom),
    (g) => `${g.number} ${JSON.stringify(g.calledFrom)} ${String(g.text).slice(0, 100)}`);
  const unique = (xs: { symbol: string }[]) => [...new Set(xs.map((c) => symbolKey(c.symbol)))];
  parts.citations = prf(unique(gold.citations ?? []), unique(out.citations), (g, x) => g === x, (g) => g);
  if (gold.sdgs?.length) parts.sdgs = prf((gold.sdgs as unknown[]).map(String), [...new Set(out.sdgs.map((g) => g.split(".")[0]!))], (g, x) => g === x, (g) => g);
  return parts;
}

function explain(out: ContractJson, part: string): string[] {
  if (part === "preamble") return out.preamble.map((p, i) => `   got #${i + 1} [${p.starter}] ${p.text.slice(0, 160)}`);
  if (part === "operative") return out.operative.map((p) => `   got ${p.number} [${p.verb}] ${p.text.slice(0, 160)}`);
  if (part === "footnotes") return out.footnotes.map((f) => `   got ${f.number} ${JSON.stringify(f.calledFrom)} ${f.text.slice(0, 100)}`);
  if (part === "citations") return [`   got ${[...new Set(out.citations.map((c) => c.symbol))].join(", ")}`];
  return [];
}

const totals = new Map<string, number[]>();
let documents = 0;
let failed = 0;
const golds = readdirSync(goldDir).filter((f) => f.endsWith(".en.gold.json")).sort();
for (const goldFile of golds) {
  const name = goldFile.replace(/\.gold\.json$/, "");
  if (only && name !== only) continue;
  const xmlPath = sourceName(name);
  if (!existsSync(xmlPath)) continue;
  documents++;
  const gold = JSON.parse(readFileSync(join(goldDir, goldFile), "utf8")) as Gold;
  const parsed = await readResolution(new Uint8Array(readFileSync(xmlPath)), { name: xmlPath });
  if (!parsed.ok) {
    failed++;
    console.log(`${name}: FAILED ${parsed.problems.map((p) => p.message).join("; ")}`);
    for (const part of ["metadata", "preamble", "operative", "footnotes", "citations"]) totals.set(part, [...(totals.get(part) ?? []), 0]);
    continue;
  }
  const contract = toContractJson(parsed.document);
  // The UN's own SDG classification stands in for the enrichment stage in this comparison.
  const out = { ...contract, sdgs: parsed.document.meta.officialSdgs ?? [] };
  const parts = score(gold, out);
  for (const [part, m] of Object.entries(parts)) totals.set(part, [...(totals.get(part) ?? []), m.f]);
  const imperfect = Object.entries(parts).filter(([, m]) => m.f < 1);
  if (verbose && imperfect.length) {
    console.log(`${name}: ${imperfect.map(([k, m]) => `${k} ${m.f.toFixed(3)}`).join("  ")}`);
    for (const [part, m] of imperfect) {
      for (const miss of m.missed.slice(0, 6)) console.log(`  ${part} missed: ${miss}`);
      if (part !== "metadata") for (const line of explain(out, part).slice(0, only ? 200 : 6)) console.log(line);
    }
  }
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
console.log(`documents ${documents}, failed ${failed}`);
for (const [part, scores] of totals) {
  const perfect = scores.filter((s) => s === 1).length;
  console.log(`${part} F1 ${mean(scores).toFixed(4)} over ${scores.length} documents (${perfect} perfect)`);
}

/**
 * Learns the SDG lexicon (src/enrich/sdg-lexicon.json) from the UN's own classification of the
 * General Assembly's resolutions of sessions 75-80: the goals in ../shared/corpus/metadata/*.json
 * (the same classification as the gold's `sdgs` and the AKN files' SDG keywords), the texts in
 * ../shared/corpus/ods, and the EuroVoc/UNBIS keywords of the AKN files and the metadata's
 * subjects: these are kept as candidate phrases and are the terms shown as evidence, and the
 * keywords that are the SDG ontology's concepts of one goal join the curated seed.
 *
 * The model is one logistic regression per goal over the presence of terms (words and phrases
 * of up to three words) in a resolution's title and paragraphs, on a vocabulary chosen per goal
 * by chi-square; a curated seed of each goal's own key terms is always in the vocabulary. The
 * threshold and the cap on goals per resolution are tuned on out-of-fold predictions, never on
 * the texts a model was trained on. The lexicon holds derived weights, not corpus text.
 *
 *   node --import tsx scripts/build-sdg-lexicon.ts                 # learn from 75-80, write the lexicon
 *   node --import tsx scripts/build-sdg-lexicon.ts --train 75-78 --test 79-80   # measure on later sessions
 *        [--out FILE]  also write that model's lexicon (the committed one is learned from all sessions)
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { readResolution } from "../src/ingest/read.js";
import { candidateTerms, chooseGoals, clauses, GOALS, STOPWORDS, type SdgLexicon } from "../src/enrich/sdgs.js";
import { symbolFileName } from "../src/model/symbols.js";

const CORPUS = join(import.meta.dirname, "../../shared/corpus");
const AKN = join(import.meta.dirname, "../.corpus/akn/en");
const LEXICON = join(import.meta.dirname, "../src/enrich/sdg-lexicon.json");

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const sessions = (range: string | undefined, fallback: number[]) => {
  if (!range) return fallback;
  const [a, b] = range.split("-").map(Number);
  return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
};
const trainSessions = sessions(option("--train"), [75, 76, 77, 78, 79, 80]);
const testSessions = sessions(option("--test"), []);

// --- curated seed: each goal's own key terms, and phrases that name one target ----------------

const SEED: Record<string, string[]> = {
  "1": ["poverty", "poverty eradication", "extreme poverty", "social protection", "poor"],
  "2": ["hunger", "food security", "nutrition", "agriculture", "agricultural", "malnutrition", "food systems", "smallholder farmers"],
  "3": ["health", "disease", "diseases", "universal health coverage", "maternal mortality", "hiv", "vaccines", "mental health", "pandemic"],
  "4": ["education", "learning", "schools", "literacy", "teachers", "lifelong learning", "vocational training"],
  "5": ["gender equality", "empowerment of women", "women and girls", "violence against women", "girls", "gender"],
  "6": ["water", "sanitation", "drinking water", "water resources", "hygiene"],
  "7": ["energy", "renewable energy", "energy efficiency", "electricity", "clean energy"],
  "8": ["employment", "decent work", "economic growth", "labour", "unemployment", "tourism", "migrant workers"],
  "9": ["industrialization", "infrastructure", "innovation", "industrial development", "industry", "connectivity"],
  "10": ["inequality", "inequalities", "migration", "migrants", "remittances", "discrimination"],
  "11": ["cities", "urban", "human settlements", "housing", "urbanization", "disaster risk reduction"],
  "12": ["sustainable consumption", "consumption and production", "waste", "chemicals", "natural resources"],
  "13": ["climate change", "climate", "greenhouse gas", "global warming", "paris agreement"],
  "14": ["oceans", "seas", "marine", "fisheries", "coastal", "oceans and seas", "marine biodiversity"],
  "15": ["biodiversity", "forests", "desertification", "land degradation", "ecosystems", "wildlife", "biological diversity"],
  "16": ["peace", "justice", "rule of law", "human rights", "violence", "corruption", "institutions", "terrorism", "disarmament"],
  "17": ["partnership", "international cooperation", "means of implementation", "capacity-building", "technology transfer",
    "official development assistance", "financing for development", "trade", "debt"],
};

/** Phrases that name one target unambiguously; the link carries the target when a text uses one. */
const TARGETS: Record<string, string> = {
  "extreme poverty": "1.1",
  "social protection systems": "1.3",
  "maternal mortality": "3.1",
  "neonatal mortality": "3.2",
  "tuberculosis": "3.3",
  "malaria": "3.3",
  "neglected tropical diseases": "3.3",
  "non-communicable diseases": "3.4",
  "noncommunicable diseases": "3.4",
  "road traffic": "3.6",
  "road safety": "3.6",
  "reproductive health": "3.7",
  "universal health coverage": "3.8",
  "tobacco control": "3.a",
  "early childhood development": "4.2",
  "female genital mutilation": "5.3",
  "child marriage": "5.3",
  "unpaid care": "5.4",
  "sanitation and hygiene": "6.2",
  "transboundary cooperation": "6.5",
  "renewable energy": "7.2",
  "energy efficiency": "7.3",
  "child labour": "8.7",
  "forced labour": "8.7",
  "sustainable tourism": "8.9",
  "sustainable industrialization": "9.2",
  "small-scale industrial": "9.3",
  "remittances": "10.c",
  "responsible migration": "10.7",
  "disaster risk reduction": "11.b",
  "food loss": "12.3",
  "food waste": "12.3",
  "fossil-fuel subsidies": "12.c",
  "marine pollution": "14.1",
  "marine debris": "14.1",
  "ocean acidification": "14.3",
  "unregulated fishing": "14.4",
  "artisanal fishers": "14.b",
  "desertification": "15.3",
  "poaching": "15.7",
  "protected species": "15.7",
  "invasive alien species": "15.8",
  "illicit financial flows": "16.4",
  "small arms": "16.4",
  "illicit arms flows": "16.4",
  "bribery": "16.5",
  "birth registration": "16.9",
  "legal identity": "16.9",
  "official development assistance": "17.2",
  "debt sustainability": "17.4",
  "technology bank": "17.8",
};

/** Whether the matcher can find a term as written: up to three words, within one clause ("women's rights" cannot). */
function matchable(term: string): boolean {
  const words = clauses(term);
  return words.length === 1 && words[0]!.length <= 3 && words[0]!.join(" ") === term;
}

function checkCurated(): void {
  for (const term of [...Object.values(SEED).flat(), ...Object.keys(TARGETS)]) {
    if (!matchable(term)) throw new Error(`curated term "${term}" cannot be matched`);
  }
}

// --- the data -----------------------------------------------------------------------------------

interface Example {
  symbol: string;
  session: number;
  goals: Set<string>;
  terms: Set<string>;
}

function labels(): Map<string, { symbol: string; goals: Set<string>; subjects: string[] }> {
  const byFile = new Map<string, { symbol: string; goals: Set<string>; subjects: string[] }>();
  for (const f of readdirSync(join(CORPUS, "metadata"))) {
    for (const line of readFileSync(join(CORPUS, "metadata", f), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { symbol: string; SDGs: string[]; subjects: [string, string][] };
      const goals = new Set(row.SDGs.map((s) => s.split(".")[0]!));
      byFile.set(symbolFileName(row.symbol), { symbol: row.symbol, goals, subjects: row.subjects.map(([s]) => s.toLowerCase()) });
    }
  }
  return byFile;
}

/**
 * The AKN files' EuroVoc and UNBIS keywords: subject terms ("civil_society" -> "civil society").
 * Most are the SDG ontology's own concepts for the goals the file is classified under ("public
 * hygiene", "use of water" for goal 6): a keyword that comes with one goal only, in every file
 * that has it, is that goal's concept, and joins the seed.
 */
function aknKeywords(): { terms: Set<string>; concepts: Record<string, string[]> } {
  const terms = new Set<string>();
  const count = new Map<string, number>();
  const goalsOf = new Map<string, Map<string, number>>();
  if (existsSync(AKN)) {
    for (const f of readdirSync(AKN)) {
      const xml = readFileSync(join(AKN, f), "utf8");
      const classification = xml.slice(0, xml.indexOf("</classification>") + 1);
      const goals = new Set([...classification.matchAll(/<keyword value="(\d{1,2})(?:\.[0-9a-z]{1,2})?" href="http:\/\/metadata\.un\.org\/sdg\//g)].map((m) => m[1]!));
      const keywords = new Set(
        [...classification.matchAll(/<keyword value="([a-z][^"&]+)"[^>]*dictionary="(?:EuroVoc|UNBIS Thesaurus)"/g)].map((m) => m[1]!.replace(/_/g, " ").toLowerCase()),
      );
      for (const k of keywords) {
        terms.add(k);
        count.set(k, (count.get(k) ?? 0) + 1);
        const byGoal = goalsOf.get(k) ?? new Map<string, number>();
        for (const g of goals) byGoal.set(g, (byGoal.get(g) ?? 0) + 1);
        goalsOf.set(k, byGoal);
      }
    }
  }
  const concepts: Record<string, string[]> = {};
  for (const [k, byGoal] of goalsOf) {
    const [goal, n] = [...byGoal].sort((x, y) => y[1] - x[1])[0] ?? ["", 0];
    if (goal && n === count.get(k) && byGoal.size === 1 && matchable(k)) (concepts[goal] ??= []).push(k);
  }
  return { terms: new Set([...terms].filter(matchable)), concepts };
}

async function examples(): Promise<{ examples: Example[]; subjects: string[] }> {
  const byFile = labels();
  const out: Example[] = [];
  const subjects: string[] = [];
  const dir = join(CORPUS, "ods");
  for (const f of readdirSync(dir).sort()) {
    const label = byFile.get(f.replace(/\.en\.txt$/, ""));
    if (!label || label.goals.size === 0) continue;
    const parsed = await readResolution(new Uint8Array(readFileSync(join(dir, f))), { name: f });
    if (!parsed.ok) continue;
    const doc = parsed.document;
    const texts = [doc.meta.title ?? "", ...doc.preamble.map((p) => p.text), ...doc.operative.map((p) => p.text)];
    const terms = new Set<string>();
    for (const t of texts) for (const term of candidateTerms(t)) terms.add(term);
    out.push({ symbol: label.symbol, session: Number(label.symbol.split("/")[2]), goals: label.goals, terms });
    subjects.push(...label.subjects);
  }
  return { examples: out, subjects };
}

// --- the model ----------------------------------------------------------------------------------

interface Model {
  vocabulary: string[];
  /** weights[goal][term index] */
  weights: Float64Array[];
  bias: number[];
}

const PER_GOAL_TERMS = Number(option("--per-goal") ?? 400);
const MIN_DOCS = 4;
const EPOCHS = Number(option("--epochs") ?? 60);
const L2 = Number(option("--l2") ?? 0.02);
const RATE = 0.3;

/** Terms that tell each goal apart (chi-square on document presence), with the seed. */
function chooseVocabulary(train: Example[], keep: Set<string>): string[] {
  const df = new Map<string, number>();
  const dfGoal = GOALS.map(() => new Map<string, number>());
  for (const e of train) {
    for (const t of e.terms) {
      df.set(t, (df.get(t) ?? 0) + 1);
      GOALS.forEach((g, i) => {
        if (e.goals.has(g)) dfGoal[i]!.set(t, (dfGoal[i]!.get(t) ?? 0) + 1);
      });
    }
  }
  const n = train.length;
  const vocabulary = new Set<string>();
  GOALS.forEach((g, i) => {
    const ng = train.filter((e) => e.goals.has(g)).length;
    const scored: [string, number][] = [];
    for (const [t, d] of df) {
      if (d < MIN_DOCS || d > 0.95 * n) continue;
      const a = dfGoal[i]!.get(t) ?? 0;
      const b = d - a;
      const c = ng - a;
      const dd = n - ng - b;
      const chi = (n * (a * dd - b * c) ** 2) / ((a + b) * (c + dd) * (a + c) * (b + dd) || 1);
      scored.push([t, a * dd - b * c > 0 ? chi : chi / 2]);
    }
    scored.sort((x, y) => y[1] - x[1]);
    for (const [t] of scored.slice(0, PER_GOAL_TERMS)) vocabulary.add(t);
  });
  for (const t of keep) if ((df.get(t) ?? 0) >= 2) vocabulary.add(t);
  return [...vocabulary].sort();
}

function featureRows(examples: Example[], vocabulary: string[]): Int32Array[] {
  const position = new Map(vocabulary.map((t, i) => [t, i]));
  return examples.map((e) => Int32Array.from([...e.terms].map((t) => position.get(t) ?? -1).filter((i) => i >= 0)));
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** One logistic regression per goal, by Adagrad over the examples. */
function train(examples: Example[], keep: Set<string>): Model {
  const vocabulary = chooseVocabulary(examples, keep);
  const rows = featureRows(examples, vocabulary);
  const weights = GOALS.map(() => new Float64Array(vocabulary.length));
  const squares = GOALS.map(() => new Float64Array(vocabulary.length).fill(1e-8));
  const bias = GOALS.map((g) => {
    const p = (examples.filter((e) => e.goals.has(g)).length + 1) / (examples.length + 2);
    return Math.log(p / (1 - p));
  });
  const biasSquares = GOALS.map(() => 1e-8);
  const order = examples.map((_, i) => i);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const row = rows[k]!;
      GOALS.forEach((g, gi) => {
        const w = weights[gi]!;
        const sq = squares[gi]!;
        let z = bias[gi]!;
        for (const f of row) z += w[f]!;
        const error = sigmoid(z) - (examples[k]!.goals.has(g) ? 1 : 0);
        biasSquares[gi]! += error * error;
        bias[gi]! -= (RATE * error) / Math.sqrt(biasSquares[gi]!);
        for (const f of row) {
          const grad = error + L2 * w[f]!;
          sq[f]! += grad * grad;
          w[f]! -= (RATE * grad) / Math.sqrt(sq[f]!);
        }
      });
    }
  }
  return { vocabulary, weights, bias };
}

function predict(model: Model, e: Example): Map<string, number> {
  const position = new Map(model.vocabulary.map((t, i) => [t, i]));
  const row = [...e.terms].map((t) => position.get(t)).filter((i): i is number => i !== undefined);
  return new Map(GOALS.map((g, gi) => [g, sigmoid(row.reduce((z, f) => z + model.weights[gi]![f]!, model.bias[gi]!))]));
}

// --- choosing goals and measuring -----------------------------------------------------------------

function f1(gold: Set<string>, got: string[]): number {
  const hit = got.filter((g) => gold.has(g)).length;
  const p = got.length ? hit / got.length : 0;
  const r = gold.size ? hit / gold.size : 1;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function meanF1(predicted: { e: Example; p: Map<string, number> }[], threshold: number, maxGoals: number): number {
  return predicted.reduce((s, { e, p }) => s + f1(e.goals, chooseGoals(p, threshold, maxGoals)), 0) / (predicted.length || 1);
}

/** Threshold and cap that do best on predictions for texts the model did not see (k-fold). */
function tuneSelection(examples: Example[], keep: Set<string>, folds = 5): { threshold: number; maxGoals: number; f1: number } {
  const predicted: { e: Example; p: Map<string, number> }[] = [];
  for (let k = 0; k < folds; k++) {
    const model = train(examples.filter((_, i) => i % folds !== k), keep);
    for (const [i, e] of examples.entries()) if (i % folds === k) predicted.push({ e, p: predict(model, e) });
  }
  let best = { threshold: 0.5, maxGoals: 5, f1: -1 };
  for (let threshold = 0.1; threshold <= 0.7; threshold += 0.025) {
    for (let maxGoals = 2; maxGoals <= 8; maxGoals++) {
      const f = meanF1(predicted, threshold, maxGoals);
      if (f > best.f1) best = { threshold: Math.round(threshold * 1000) / 1000, maxGoals, f1: f };
    }
  }
  return best;
}

/** Summed positive evidence a paragraph needs: the weight of about two strong terms of a goal. */
function paragraphThreshold(model: Model): number {
  const strong = model.weights.flatMap((w) => [...w].filter((x) => x > 0)).sort((a, b) => b - a);
  return Math.round(strong[Math.floor(strong.length * 0.05)]! * 2 * 1000) / 1000;
}

function toLexicon(
  model: Model,
  selection: { threshold: number; maxGoals: number },
  about: string,
  seed: Record<string, string[]>,
  topical: Set<string>,
): SdgLexicon {
  const terms: Record<string, [string, number][]> = {};
  model.vocabulary.forEach((t, i) => {
    const pairs = GOALS.map((g, gi) => [g, Math.round(model.weights[gi]![i]! * 1000) / 1000] as [string, number]).filter(([, w]) => Math.abs(w) >= 0.05);
    if (pairs.length) terms[t] = pairs;
  });
  return {
    about,
    bias: Object.fromEntries(GOALS.map((g, gi) => [g, Math.round(model.bias[gi]! * 1000) / 1000])),
    threshold: selection.threshold,
    maxGoals: selection.maxGoals,
    paragraphThreshold: paragraphThreshold(model),
    terms,
    seed,
    targets: TARGETS,
    topical: model.vocabulary.filter((t) => topical.has(t) && terms[t]),
  };
}

async function main(): Promise<void> {
  checkCurated();
  const { examples: all, subjects } = await examples();
  const keywords = aknKeywords();
  const seed = Object.fromEntries(GOALS.map((g) => [g, [...new Set([...(SEED[g] ?? []), ...(keywords.concepts[g] ?? [])])].sort()]));
  const topical = new Set([...Object.values(seed).flat(), ...Object.keys(TARGETS), ...keywords.terms, ...subjects]
    .filter((t) => matchable(t) && !STOPWORDS.has(t)));
  const keep = topical;
  const trainSet = all.filter((e) => trainSessions.includes(e.session));
  const testSet = all.filter((e) => testSessions.includes(e.session));
  console.log(`examples: ${all.length}; training on sessions ${trainSessions.join(",")} (${trainSet.length})` +
    (testSet.length ? `, testing on ${testSessions.join(",")} (${testSet.length})` : ""));
  const selection = tuneSelection(trainSet, keep);
  console.log(`selection: threshold ${selection.threshold}, at most ${selection.maxGoals} goals; out-of-fold F1 ${selection.f1.toFixed(3)}`);
  const model = train(trainSet, keep);
  const trainF1 = meanF1(trainSet.map((e) => ({ e, p: predict(model, e) })), selection.threshold, selection.maxGoals);
  console.log(`vocabulary ${model.vocabulary.length} terms; F1 on the training sessions ${trainF1.toFixed(3)}`);
  if (testSet.length) {
    const testF1 = meanF1(testSet.map((e) => ({ e, p: predict(model, e) })), selection.threshold, selection.maxGoals);
    console.log(`F1 on the held-out sessions ${testSessions.join(",")}: ${testF1.toFixed(3)}`);
  }
  const out = option("--out") ?? (testSet.length ? undefined : LEXICON);
  if (!out) return;
  const about = `Derived by scripts/build-sdg-lexicon.ts from the UN's SDG classification of ${trainSet.length} resolutions of sessions ` +
    `${trainSessions[0]}-${trainSessions.at(-1)} (logistic regression per goal on term presence); seed curated and completed with the SDG ontology's concepts ` +
    `found in the AKN keywords; targets curated.`;
  writeFileSync(out, JSON.stringify(toLexicon(model, selection, about, seed, topical)) + "\n");
  console.log(`wrote ${out}`);
}

await main();

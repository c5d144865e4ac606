import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { test } from "node:test";
import { readResolution } from "../../src/ingest/read.js";
import { type ActiveCode, PROBLEM_ORIGINS, type ProblemDefinition, type ProblemOrigin, PROBLEMS, problem } from "../../src/model/problems.js";
import { PROBLEMS_PAGE, problemsPage } from "../../scripts/problems-page.js";
import { CORPUS, ROOT } from "../helpers/corpus.js";
import { type ProblemScan, scanProblemCodes, type SourceText } from "./problem-scan.js";

const CATALOGUE = Object.entries(PROBLEMS) as [string, ProblemDefinition][];
const ACTIVE = CATALOGUE.filter(([, d]) => d.retired === undefined).map(([code]) => code);
const RETIRED = CATALOGUE.filter(([, d]) => d.retired !== undefined).map(([code]) => code);
const CATALOGUE_FILE = "src/model/problems.ts";

function walk(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : []));
}

test("the catalogue: stable kebab-case codes, each with a severity, one line of meaning and where it arises", () => {
  assert.ok(CATALOGUE.length >= 30, `${CATALOGUE.length} codes`);
  for (const [code, d] of CATALOGUE) {
    assert.match(code, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, code);
    assert.ok(d.severity === "error" || d.severity === "warning", code);
    assert.match(d.meaning, /^[A-Z][^\n]{10,160}\.$/, `${code}: one line, a sentence`);
    assert.ok(d.where.length > 0 && d.where.every((w) => PROBLEM_ORIGINS.includes(w)), code);
    assert.equal(new Set(d.where).size, d.where.length, code);
    if (d.retired !== undefined) assert.ok(d.retired.length > 10, `${code}: say when and why it was retired`);
  }
});

test("problem() takes the severity from the catalogue, and a position only when it has one", () => {
  assert.deepEqual(problem("no-formula", "no formula"), { code: "no-formula", severity: "warning", message: "no formula" });
  assert.deepEqual(problem("empty", "the file is empty"), { code: "empty", severity: "error", message: "the file is empty" });
  const position = { start: { line: 3, column: 1, offset: 40 }, end: { line: 3, column: 9, offset: 48 } };
  assert.deepEqual(problem("operative-numbering", "operative paragraph 3 follows 1", position).position, position);
});

test("a retired or unknown code is a type error (checked by npm run typecheck)", () => {
  const catalogue = {
    current: { severity: "warning", where: ["parser"], meaning: "Raised today." },
    old: { severity: "error", where: ["decoder"], meaning: "No longer raised.", retired: "replaced by current" },
  } as const satisfies Record<string, ProblemDefinition>;
  const raised: ActiveCode<typeof catalogue> = "current";
  // @ts-expect-error a retired code is no longer a code that can be raised
  const retired: ActiveCode<typeof catalogue> = "old";
  // @ts-expect-error nor is a code the catalogue does not hold
  const unknown = () => problem("no-such-code", "a message");
  assert.deepEqual([raised, retired, typeof unknown], ["current", "old", "function"]);
});

test("the problems of real documents are the catalogue's, with its severities (Security Council texts)", async () => {
  // the corpus's Security Council texts carry these warnings (gaps in numbering, footnotes never called, ...)
  const expected = ["operative-numbering", "footnote-uncalled", "no-operative", "no-formula"];
  const seen = new Map<string, number>();
  for (const file of walk(join(CORPUS, "sc"), ".txt")) {
    if (expected.every((code) => seen.has(code))) break;
    const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: file });
    const problems = parsed.ok ? parsed.document.problems : parsed.problems;
    for (const p of problems) {
      assert.equal(p.severity, PROBLEMS[p.code].severity, `${file}: ${p.code}`);
      if (p.code === "operative-numbering") assert.ok(p.position && p.position.start.line > 1, `${file}: the paragraph out of order is located`);
      seen.set(p.code, (seen.get(p.code) ?? 0) + 1);
    }
  }
  for (const code of expected) assert.ok(seen.has(code), `${code} seen`);
});

// --- the page -------------------------------------------------------------------------------

/** The codes a page lists, in its tables. */
function pageCodes(page: string): string[] {
  return [...page.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
}

/** Codes on one side and not the other. */
function drift(page: string): { undocumented: string[]; unknown: string[] } {
  const listed = new Set(pageCodes(page));
  const codes = new Set(CATALOGUE.map(([code]) => code));
  return { undocumented: [...codes].filter((c) => !listed.has(c)), unknown: [...listed].filter((c) => !codes.has(c)) };
}

test("docs/problems.md is generated from the catalogue and equal to it (npm run docs:problems)", () => {
  const generated = problemsPage();
  assert.deepEqual(pageCodes(generated), CATALOGUE.map(([code]) => code));
  // drift is caught both ways: a code missing from the page, a code the catalogue does not hold
  const row = generated.split("\n").find((line) => line.startsWith("| `no-formula` |"))!;
  assert.deepEqual(drift(generated.replace(`${row}\n`, "")), { undocumented: ["no-formula"], unknown: [] });
  assert.deepEqual(drift(generated.replace(row, `${row}\n| \`no-preamble\` | warning | Gone. | parser |`)), { undocumented: [], unknown: ["no-preamble"] });

  const committed = readFileSync(PROBLEMS_PAGE, "utf8");
  assert.deepEqual(drift(committed), { undocumented: [], unknown: [] }, "docs/problems.md lists other codes than the catalogue: run npm run docs:problems");
  assert.equal(committed, generated, "docs/problems.md differs from the catalogue: run npm run docs:problems");
});

// --- the source -----------------------------------------------------------------------------

/** Which stage raises the problems of a source file; null outside the pipeline's stages. */
function originOf(file: string): ProblemOrigin | null {
  if (file.startsWith("src/ingest/")) return "decoder";
  if (file.startsWith("src/parse/")) return "parser";
  if (file.startsWith("src/enrich/")) return "enrichment";
  if (file.startsWith("src/compare/")) return "comparison";
  if (file === "src/registry/search-query.ts" || file === "src/registry/sql-store/search.ts") return "search input";
  if (file.startsWith("src/registry/")) return "registry input";
  return null;
}

const scanOptions = { catalogueFile: CATALOGUE_FILE, codes: new Set(CATALOGUE.map(([code]) => code)), raisesProblems: (file: string) => originOf(file) !== null };

function sourceTree(): SourceText[] {
  return walk(join(ROOT, "src"), ".ts").map((path) => ({ file: relative(ROOT, path).split(sep).join("/"), text: readFileSync(path, "utf8") }));
}

const where = (scan: ProblemScan, code: string) => scan.uses.filter((u) => u.code === code).map((u) => `${u.file}:${u.line}`);

test("the source scan catches a code outside the catalogue however it is written", () => {
  const sources: SourceText[] = [
    { file: CATALOGUE_FILE, text: 'export function problem(code: ProblemCode, message: string) { return { code, severity: PROBLEMS[code].severity, message }; }' },
    {
      file: "src/ingest/example.ts",
      text: [
        'import { problem } from "../model/problems.js";',
        "function fail(code: ProblemCode, message: string) { return problem(code, message); }",
        'const a = problem("made-up", "a code the catalogue lacks");',
        'const b = fail("too-large", "through a helper that takes a code");',
        'const c = problem(big ? "too-large" : "empty", "either");',
        "const d = problem(codes[0], 'computed');",
        'const e = { code: "hand-made", severity: "warning", message: "built by hand" };',
        'const f = [`internal-error: ${reason}`];',
        'const g = "made-up-too: a code-like word and a colon where problems arise";',
      ].join("\n"),
    },
    {
      file: "src/server/example.ts",
      text: ['const h = { description: "comma-separated: a list, not a problem" };', 'const i = `no-symbol: ${message}`;'].join("\n"),
    },
  ];
  const scan = scanProblemCodes(sources, scanOptions);
  assert.deepEqual(scan.raisers, [`${CATALOGUE_FILE}:problem`, "src/ingest/example.ts:fail"]);
  assert.deepEqual(
    scan.uses.map((u) => `${u.code} ${u.line}`),
    ["made-up 3", "too-large 4", "too-large 5", "empty 5", "hand-made 7"],
  );
  assert.deepEqual(
    scan.violations.map((v) => `${v.file.split("/")[1]} ${v.line} ${v.what.split(" (")[0]}`),
    [
      "ingest 6 a problem code computed at the call",
      "ingest 7 a problem built by hand",
      "ingest 7 a severity written by hand",
      "ingest 8 a code written into a message",
      "ingest 9 a code written into a message",
      "server 2 a code written into a message",
    ],
  );
});

test("every problem code in src/ is in the catalogue, every catalogued code is raised, where the catalogue says", () => {
  const sources = sourceTree();
  const scan = scanProblemCodes(sources, scanOptions);
  assert.ok(scan.files > 100, `${scan.files} source files read`);
  assert.deepEqual(scan.violations, [], scan.violations.map((v) => `${v.file}:${v.line} ${v.what}`).join("\n"));
  assert.ok(scan.raisers.includes(`${CATALOGUE_FILE}:problem`), "problem() is found as the function that raises problems");

  const found = new Set(scan.uses.map((u) => u.code));
  // A scan that finds nothing fails here, not silently: the codes found are exactly the catalogue's.
  assert.ok(found.size >= 30, `${found.size} codes found in src/`);
  const unknown = [...found].filter((code) => !ACTIVE.includes(code));
  assert.deepEqual(unknown, [], unknown.map((c) => `${c} (${RETIRED.includes(c) ? "retired" : "not in the catalogue"}) at ${where(scan, c).join(", ")}`).join("\n"));
  assert.deepEqual(ACTIVE.filter((code) => !found.has(code)), [], "catalogued codes that nothing raises: retire them");

  for (const code of ACTIVE) {
    const origins = new Set(scan.uses.filter((u) => u.code === code).map((u) => originOf(u.file) ?? `outside the pipeline (${u.file})`));
    const listed = PROBLEMS[code as keyof typeof PROBLEMS].where as readonly string[];
    assert.deepEqual([...origins].sort(), [...listed].sort(), `${code} is raised at ${where(scan, code).join(", ")}`);
  }
});

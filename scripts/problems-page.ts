/**
 * docs/problems.md from the catalogue of problem codes (src/model/problems.ts): the page is
 * generated, never edited, and test/model/problems.test.ts fails when the two differ.
 *
 *   npm run docs:problems     # writes docs/problems.md
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PROBLEM_ORIGINS, PROBLEMS, type ProblemDefinition } from "../src/model/problems.js";

export const PROBLEMS_PAGE = join(import.meta.dirname, "../docs/problems.md");

const cell = (text: string) => text.replaceAll("|", "\\|");

function row(code: string, definition: ProblemDefinition, withRetired: boolean): string {
  const cells = [`\`${code}\``, definition.severity, cell(definition.meaning), definition.where.join(", ")];
  if (withRetired) cells.push(cell(definition.retired ?? ""));
  return `| ${cells.join(" | ")} |`;
}

/** The page, as the catalogue stands. */
export function problemsPage(): string {
  const entries = Object.entries(PROBLEMS) as [string, ProblemDefinition][];
  const active = entries.filter(([, d]) => d.retired === undefined);
  const retired = entries.filter(([, d]) => d.retired !== undefined);
  const lines = [
    "# Problems",
    "",
    "<!-- Generated from src/model/problems.ts by `npm run docs:problems`: edit the catalogue, not this page. -->",
    "",
    "Every problem Mandate Registry reports has a code from one catalogue, `PROBLEMS` in",
    "[src/model/problems.ts](../src/model/problems.ts), which gives its severity, its meaning and where it",
    "arises. A problem is a value, `{code, severity, message, position?}`: the message gives the",
    "particulars of each occurrence (a line and column, a page count, a limit), the position, when",
    "there is one, points into the document's text.",
    "",
    "- **error**: the input is refused: the file is not read or not stored, the search is not run.",
    "  `parse --json` prints `{\"file\", \"error\"}` for the file; `ingest` lists `code: message` in its",
    "  summary; the HTTP API answers 400 with `code: message`; the CLI's search exits with code 2.",
    "- **warning**: the document is read, with something missing or guessed; it carries the warning",
    "  in its `problems` (`parse --json`, `parse --text`), and `diff` prints those of a comparison.",
    "",
    `Where a problem arises: ${PROBLEM_ORIGINS.map((o) => `*${o}*`).join(", ")}.`,
    "",
    "Codes are stable identifiers that scripts and clients may match on: a code is never renamed",
    "and never given to another problem. A code no longer raised stays in the catalogue as retired.",
    "",
    "**Adding a problem** is one entry in `PROBLEMS` (code, severity, meaning, where); raise it",
    'with `problem("the-code", message, position?)` where it arises, which takes the severity from',
    "the catalogue, and run `npm run docs:problems` to regenerate this page. The `Problem` type accepts",
    "no code outside the catalogue, and the tests fail while this page differs from the catalogue or",
    "when the source raises a code the catalogue lacks (or the catalogue lists one nothing raises).",
    "",
    `## Codes (${active.length})`,
    "",
    "| code | severity | meaning | where |",
    "|---|---|---|---|",
    ...active.map(([code, d]) => row(code, d, false)),
    "",
    `## Retired codes (${retired.length})`,
    "",
  ];
  if (retired.length) {
    lines.push("| code | severity | meaning | where | retired |", "|---|---|---|---|---|", ...retired.map(([code, d]) => row(code, d, true)));
  } else {
    lines.push("None yet.");
  }
  return lines.join("\n") + "\n";
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(PROBLEMS_PAGE, problemsPage());
  console.log("wrote docs/problems.md");
}

import type { Command } from "commander";
import { describeProblems } from "../model/problems.js";
import { commandOnStore, DB_OPTION_HELP, databaseLocation } from "../registry/open.js";
import { PARAGRAPH_KINDS, type ParagraphKind } from "../model/paragraphs.js";
import { FACETS, type FacetName, type SearchFilter, type SearchResult } from "../registry/store.js";
import type { CliIO } from "./io.js";

export interface SearchFlags {
  db?: string;
  json?: boolean;
  limit?: string;
  offset?: string;
  session?: string;
  year?: string;
  body?: string;
  committee?: string;
  kind?: string;
  verb?: string;
  actor?: string;
  sdg?: string;
  reportDue?: boolean;
  facets?: boolean;
}

const BODIES = ["GA", "SC", "ECOSOC", "HRC", "other"];

/** A snippet's `<mark>` elements as bold on a terminal, as *stars* elsewhere; entities decoded. */
export function terminalSnippet(snippet: string, tty: boolean): string {
  const [on, off] = tty ? ["\u001b[1m", "\u001b[22m"] : ["*", "*"];
  return snippet
    .replaceAll("<mark>", on)
    .replaceAll("</mark>", off)
    .replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[e]!);
}

export function formatSearch(result: SearchResult, tty: boolean): string {
  const lines = [`${result.total} paragraph${result.total === 1 ? "" : "s"}`];
  for (const h of result.hits) {
    lines.push("", `${h.symbol} ${h.ref}${h.title ? `  ${h.title}` : ""}`, `  ${terminalSnippet(h.snippet, tty)}`);
  }
  for (const [facet, counts] of Object.entries(result.facets)) {
    if (counts?.length) lines.push("", `${facet}: ${counts.map((c) => `${c.value} (${c.count})`).join(", ")}`);
  }
  return lines.join("\n") + "\n";
}

/** A whole number from a flag, or an error message. */
export function wholeNumber(name: string, value: string | undefined, min: number, max: number): number | undefined | string {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : `--${name} takes a whole number from ${min} to ${max}, not "${value}"`;
}

export async function searchCommand(words: string[], flags: SearchFlags, io: CliIO): Promise<number> {
  const numbers = {
    limit: wholeNumber("limit", flags.limit, 1, 1000),
    offset: wholeNumber("offset", flags.offset, 0, 1_000_000),
    session: wholeNumber("session", flags.session, 1, 200),
    year: wholeNumber("year", flags.year, 1945, 2200),
  };
  const problems = Object.values(numbers).filter((v): v is string => typeof v === "string");
  if (flags.body && !BODIES.includes(flags.body)) problems.push(`--body is one of ${BODIES.join(", ")}`);
  if (flags.kind && !PARAGRAPH_KINDS.includes(flags.kind as ParagraphKind)) problems.push(`--kind is one of ${PARAGRAPH_KINDS.join(", ")}`);
  if (problems.length) {
    io.stderr(problems.map((p) => `mandates search: ${p}\n`).join(""));
    return 2;
  }
  const n = numbers as Record<keyof typeof numbers, number | undefined>;
  const filter: SearchFilter = {
    ...(n.session !== undefined ? { session: n.session } : {}),
    ...(n.year !== undefined ? { year: n.year } : {}),
    ...(flags.body ? { body: flags.body as SearchFilter["body"] & string } : {}),
    ...(flags.committee ? { committee: flags.committee } : {}),
    ...(flags.kind ? { kind: flags.kind as ParagraphKind } : {}),
    ...(flags.verb ? { verb: flags.verb } : {}),
    ...(flags.actor ? { actor: flags.actor } : {}),
    ...(flags.sdg ? { sdg: flags.sdg } : {}),
    ...(flags.reportDue ? { hasReportDue: true } : {}),
  };
  const facets: FacetName[] = flags.facets ? [...FACETS] : [];
  return commandOnStore("search", databaseLocation(flags.db, io.env), io.stderr, async (store) => {
    const outcome = await store.search({ query: words.join(" "), filter, page: { limit: n.limit ?? 10, offset: n.offset ?? 0 }, facets });
    if (!outcome.ok) {
      io.stderr(`mandates search: ${describeProblems(outcome.problems)}\n`);
      return 2;
    }
    io.stdout(flags.json ? JSON.stringify(outcome.result) + "\n" : formatSearch(outcome.result, io.isTTY));
    return 0;
  });
}

export function registerSearch(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("search")
    .description('full-text search over the registry\'s paragraphs: words, "phrases", prefix*, -excluded, OR')
    .argument("[words...]", "what to look for (none: every paragraph the filters select)")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--json", "print the result as JSON")
    .option("--limit <n>", "hits to show (default 10)")
    .option("--offset <n>", "hits to skip")
    .option("--session <n>", "General Assembly session")
    .option("--year <n>", "year of adoption")
    .option("--body <body>", `issuing body (${BODIES.join(", ")})`)
    .option("--committee <name>", 'Main Committee ("Second Committee")')
    .option("--kind <kind>", `paragraph kind (${PARAGRAPH_KINDS.join(", ")})`)
    .option("--verb <verb>", "operative verb or preambular starter (requests, recalling)")
    .option("--actor <actor>", "paragraphs with a mandate to this actor (UNIDO, Secretary-General)")
    .option("--sdg <goal>", "documents linked to this Sustainable Development Goal")
    .option("--report-due", "only paragraphs asking for a report due at a named session")
    .option("--facets", "count hits by body, session, year, committee, agenda item, kind, verb, actor, SDG, report due")
    .action(async (words: string[], flags: SearchFlags) => setExit(await searchCommand(words, flags, io)));
}

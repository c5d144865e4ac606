import type { Command } from "commander";
import { commandOnStore, DB_OPTION_HELP, databaseLocation } from "../registry/open.js";
import type { MandateFilter, MandateRecord, Paged } from "../registry/store.js";
import type { CliIO } from "./io.js";
import { wholeNumber } from "./search.js";

export interface MandatesFlags {
  db?: string;
  json?: boolean;
  actor?: string;
  verb?: string;
  due?: string;
  session?: string;
  symbol?: string;
  report?: boolean;
  limit?: string;
  offset?: string;
}

export function formatMandates(page: Paged<MandateRecord>): string {
  const lines = [`${page.total} mandate${page.total === 1 ? "" : "s"}${page.total > page.items.length ? ` (showing ${page.offset + 1}-${page.offset + page.items.length})` : ""}`];
  for (const m of page.items) {
    const due = m.dueSession ? `, due at session ${m.dueSession}` : m.dueDate ? `, due ${m.dueDate}` : "";
    const report = m.report ? ` [report${due}]` : due ? ` [${due.slice(2)}]` : "";
    const decision = m.decision ? ` (${m.decision})` : "";
    lines.push(`${m.symbol} ${m.ref}${m.sub ? `(${m.sub})` : ""}  ${m.actorCanonical ?? m.actor}: ${m.verb}${decision}${report}`, `  ${m.action}`);
  }
  return lines.join("\n") + "\n";
}

/** `mandates mandates --actor UNIDO --due 81`: what resolutions ask of whom, newest first. */
export async function mandatesCommand(flags: MandatesFlags, io: CliIO): Promise<number> {
  const numbers = {
    due: wholeNumber("due", flags.due, 1, 200),
    session: wholeNumber("session", flags.session, 1, 200),
    limit: wholeNumber("limit", flags.limit, 1, 10_000),
    offset: wholeNumber("offset", flags.offset, 0, 1_000_000),
  };
  const problems = Object.values(numbers).filter((v): v is string => typeof v === "string");
  if (problems.length) {
    io.stderr(problems.map((p) => `mandates mandates: ${p}\n`).join(""));
    return 2;
  }
  const n = numbers as Record<keyof typeof numbers, number | undefined>;
  const filter: MandateFilter = {
    ...(flags.actor ? { actor: flags.actor } : {}),
    ...(flags.verb ? { verb: flags.verb } : {}),
    ...(n.due !== undefined ? { dueSession: n.due } : {}),
    ...(n.session !== undefined ? { session: n.session } : {}),
    ...(flags.symbol ? { symbol: flags.symbol } : {}),
    ...(flags.report ? { report: true } : {}),
  };
  return commandOnStore("mandates", databaseLocation(flags.db, io.env), io.stderr, async (store) => {
    const page = await store.mandates(filter, { limit: n.limit ?? 50, offset: n.offset ?? 0 });
    io.stdout(flags.json ? JSON.stringify(page) + "\n" : formatMandates(page));
    return 0;
  });
}

export function registerMandates(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("mandates")
    .description("mandates in the registry: who is asked to do what, by when")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--json", "print the page as JSON")
    .option("--actor <actor>", "addressee, as written or canonical (UNIDO, Secretary-General)")
    .option("--verb <verb>", "requests, calls upon, invites ...")
    .option("--due <session>", "session by which the action or report is due")
    .option("--session <n>", "session of the resolution giving the mandate")
    .option("--symbol <symbol>", "one resolution")
    .option("--report", "only mandates asking for a report")
    .option("--limit <n>", "mandates to show (default 50)")
    .option("--offset <n>", "mandates to skip")
    .action(async (flags: MandatesFlags) => setExit(await mandatesCommand(flags, io)));
}

import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { type IngestSummary, ingestPaths } from "../registry/ingest.js";
import { commandOnStore, DB_OPTION_HELP, databaseLocation } from "../registry/open.js";
import { DEFAULT_FILE_TIMEOUT_SECONDS } from "../registry/worker-pool.js";
import type { CliIO } from "./io.js";

export interface IngestFlags {
  db?: string;
  json?: boolean;
  workers?: string;
  fileTimeout?: string;
}

export function formatSummary(summary: IngestSummary): string {
  const rate = summary.seconds > 0 ? ` (${summary.seconds.toFixed(1)} s, ${Math.round(summary.files / summary.seconds)} files/s)` : "";
  const { metadata } = summary;
  const official = metadata.files ? `; ${count(metadata.files, "metadata file")}, ${count(metadata.rows, "row")}` : "";
  const lines = [
    `${summary.files} files: ${summary.added} added, ${summary.updated} updated, ${summary.renditions} kept as renditions, ${summary.unchanged} unchanged, ${summary.failed.length} failed${official}${rate}; ${summary.series} series`,
  ];
  for (const f of summary.failed) lines.push(`  failed ${f.file}: ${f.reasons.join("; ")}`);
  for (const p of metadata.problems) lines.push(`  ${p.file} line ${p.line}: ${p.message}`);
  return lines.join("\n") + "\n";
}

/** "7 metadata files", "1,931 rows". */
function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

/** 0 when every file was stored or already there (rows of official metadata included), 3 when some files or lines were not, 1 when nothing was. */
export function ingestExitCode(summary: IngestSummary): number {
  if (summary.failed.length === 0 && summary.metadata.problems.length === 0) return 0;
  return summary.files - summary.failed.length === 0 ? 1 : 3;
}

/**
 * `mandates ingest PATH...`: files and folders (recursively) into the registry, with a progress
 * bar on a terminal and a closing summary. Files of rows of official metadata are stored as such.
 * Exit 0 when every file was stored or already there, 3 when some failed (or some lines of a
 * metadata file), 1 when all failed, 2 for bad arguments.
 */
export async function ingestCommand(paths: string[], flags: IngestFlags, io: CliIO): Promise<number> {
  const workers = flags.workers === undefined ? undefined : Number(flags.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 64)) {
    io.stderr(`mandates ingest: --workers takes a whole number from 0 to 64, not "${flags.workers}"\n`);
    return 2;
  }
  const fileTimeout = flags.fileTimeout === undefined ? undefined : Number(flags.fileTimeout);
  if (fileTimeout !== undefined && !(fileTimeout > 0 && fileTimeout <= 86_400)) {
    io.stderr(`mandates ingest: --file-timeout takes a number of seconds above 0 and up to 86400, not "${flags.fileTimeout}"\n`);
    return 2;
  }
  if (fileTimeout !== undefined && workers === 0) {
    io.stderr("mandates ingest: --file-timeout needs worker threads; --workers 0 prepares files in the command's own thread, which cannot be stopped\n");
    return 2;
  }
  const location = databaseLocation(flags.db, io.env);
  const bar = io.isTTY && process.stderr.isTTY && !flags.json ? new SingleBar({ stream: process.stderr, format: "ingest [{bar}] {value}/{total} files | {eta_formatted} left | {file}", hideCursor: true }) : null;
  return commandOnStore("ingest", location, io.stderr, async (store) => {
    const summary = await ingestPaths(store, paths, {
      ...(workers !== undefined ? { workers } : {}),
      ...(fileTimeout !== undefined ? { fileTimeout } : {}),
      onStart: (total) => bar?.start(total, 0, { file: "" }),
      onProgress: ({ done, outcome }) => bar?.update(done, { file: outcome.file.split("/").pop() }),
    }).finally(() => bar?.stop());
    if (flags.json) io.stdout(JSON.stringify(summary) + "\n");
    else io.stdout(formatSummary(summary));
    return ingestExitCode(summary);
  });
}

export function registerIngest(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("ingest")
    .description("load resolution files and folders (ODS text, PDF, Akoma Ntoso XML, EOSG JSON; recursively) and rows of official metadata (JSON Lines) into the registry")
    .argument("<paths...>", "files or folders")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--json", "print the summary as JSON")
    .option("--workers <n>", "worker threads parsing documents (0: none; default: one per core for large loads)")
    .option("--file-timeout <seconds>", `seconds a worker may spend on one file before it fails alone (default ${DEFAULT_FILE_TIMEOUT_SECONDS}; applies to worker threads: loads of under 40 files run in this thread unless it is given)`)
    .action(async (paths: string[], flags: IngestFlags) => setExit(await ingestCommand(paths, flags, io)));
}

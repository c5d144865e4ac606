import type { Command } from "commander";
import type { SourceFormat } from "../model/types.js";
import { toContractJson } from "../export/json.js";
import { enrich } from "../enrich/index.js";
import { toOutline } from "../export/outline.js";
import { toMandateTable } from "../export/mandate-table.js";
import { type CliIO, readInputFile } from "./io.js";

const FORMATS: SourceFormat[] = ["ods", "text", "pdf", "akn", "eosg"];

export interface ParseFlags {
  json?: boolean;
  text?: boolean;
  mandates?: boolean;
  format?: string;
}

/**
 * `mandates parse FILE...`: one JSON object per document (JSON lines for several files) with
 * --json, an outline with --text (the default on a terminal). A file that cannot be read as a
 * resolution prints an error naming it and the problem; with --json its line is
 * `{"file": ..., "error": ...}` so that line i still belongs to file i.
 */
export async function parseCommand(files: string[], flags: ParseFlags, io: CliIO): Promise<number> {
  if (flags.format && !FORMATS.includes(flags.format as SourceFormat)) {
    io.stderr(`mandates parse: unknown format "${flags.format}" (one of ${FORMATS.join(", ")})\n`);
    return 2;
  }
  const asJson = !flags.mandates && (flags.json || (!flags.text && !io.isTTY));
  let failures = 0;
  for (const file of files) {
    const input = await readInputFile(file, io, flags.format as SourceFormat | undefined);
    if (!input.ok) {
      failures++;
      report(file, input.message);
      continue;
    }
    const document = enrich(input.document);
    if (flags.mandates) io.stdout(toMandateTable(document) + (files.length > 1 ? "\n" : ""));
    else if (asJson) io.stdout(JSON.stringify(toContractJson(document)) + "\n");
    else io.stdout(toOutline(document) + (files.length > 1 ? "\n" : ""));
  }
  return failures === 0 ? 0 : failures === files.length ? 1 : 3;

  function report(file: string, message: string): void {
    io.stderr(`${file}: ${message}\n`);
    if (asJson) io.stdout(JSON.stringify({ file, error: message }) + "\n");
  }
}

export function registerParse(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("parse")
    .description("parse resolution files (ODS text, PDF, Akoma Ntoso XML, EOSG JSON) into the document model")
    .argument("<files...>", "files to parse")
    .option("--json", "print the JSON contract (one object per line)")
    .option("--text", "print a readable outline")
    .option("--mandates", "print a table of the mandates (actor, verb, action, deadline, report)")
    .option("--format <format>", `force the input format (${FORMATS.join(", ")})`)
    .action(async (files: string[], flags: ParseFlags) => setExit(await parseCommand(files, flags, io)));
}

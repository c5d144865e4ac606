import type { Command } from "commander";
import { findDuplication } from "../compare/duplicates.js";
import { duplicationJson } from "../compare/format/json.js";
import { renderDuplicationText } from "../compare/format/terminal.js";
import type { Resolution } from "../model/types.js";
import { databaseLocation, maskedLocation } from "../registry/open.js";
import { DocumentLoader, type OpenLookup, registryLookup, useColor } from "./diff.js";
import type { CliIO } from "./io.js";

/**
 * `mandates duplicates FILES...` or `mandates duplicates --db [LOCATION]`: the ranked report of
 * duplicated and stale mandates (compare/duplicates.ts) over the files given, or over every
 * document in the registry.
 */

export interface DuplicatesFlags {
  db?: string | boolean;
  json?: boolean;
  limit?: string;
  minVersions?: string;
  similarity?: string;
  color?: boolean;
}

export async function duplicatesCommand(files: string[], flags: DuplicatesFlags, io: CliIO, openLookup: OpenLookup): Promise<number> {
  const limit = positiveInteger(flags.limit ?? "50");
  const minVersions = positiveInteger(flags.minVersions ?? "3");
  const similarity = Number(flags.similarity ?? "0.8");
  if (limit === null || minVersions === null || !(similarity > 0 && similarity <= 1)) {
    io.stderr("mandates duplicates: --limit and --min-versions take positive integers, --similarity a number in (0, 1]\n");
    return 2;
  }
  const useRegistry = flags.db !== undefined && flags.db !== false;
  if (useRegistry === files.length > 0) {
    io.stderr("mandates duplicates: give either files or --db\n");
    return 2;
  }
  const dbLocation = typeof flags.db === "string" ? flags.db : undefined;
  const loader = new DocumentLoader(io, openLookup, dbLocation);
  try {
    let docs: Resolution[] = [];
    let failures = 0;
    if (useRegistry) {
      const registry = await loader.registry();
      if (!registry) {
        io.stderr(`mandates duplicates: no registry at ${maskedLocation(databaseLocation(dbLocation, io.env))}\n`);
        return 1;
      }
      docs = await registry.all();
    } else {
      for (const file of files) {
        const loaded = (await loader.fromFile(file)) ?? { ok: false as const, message: `${file}: cannot read` };
        if (loaded.ok) docs.push(loaded.document);
        else {
          failures++;
          io.stderr(`mandates duplicates: ${loaded.message}\n`);
        }
      }
    }
    const report = findDuplication(docs, { minVersions, similarity });
    if (flags.json) io.stdout(JSON.stringify(duplicationJson(report)) + "\n");
    else io.stdout(renderDuplicationText(report, { color: useColor(io, flags.color), limit }));
    return failures === 0 ? 0 : docs.length === 0 ? 1 : 3;
  } finally {
    await loader.close();
  }
}

function positiveInteger(text: string): number | null {
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

export function registerDuplicates(program: Command, io: CliIO, setExit: (code: number) => void, openLookup: OpenLookup = registryLookup(io)): void {
  program
    .command("duplicates")
    .description("ranked report of duplicated mandates, verbatim renewals, reports asked every session, and mandates without review or end date")
    .argument("[files...]", "resolution files to scan (or --db for the whole registry)")
    .option("--db [location]", "scan every document of the registry (default: DATABASE_URL or ./data/registry.db)")
    .option("--json", "the whole report as one JSON object")
    .option("--limit <n>", "findings to print as text (default 50)")
    .option("--min-versions <n>", "versions renewed verbatim, or sessions of reports, worth flagging (default 3)")
    .option("--similarity <x>", "Jaccard similarity of action wording for near-identical mandates (default 0.8)")
    .option("--color", "colour the text even when stdout is not a terminal")
    .option("--no-color", "never colour the text")
    .action(async (files: string[], flags: DuplicatesFlags) => setExit(await duplicatesCommand(files, flags, io, openLookup)));
}

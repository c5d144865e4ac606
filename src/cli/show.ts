import type { Command } from "commander";
import { toContractJson } from "../export/json.js";
import { toOutline } from "../export/outline.js";
import { formatParagraphRef, paragraphRefFromInput } from "../model/paragraphs.js";
import { symbolFromInput } from "../model/symbols.js";
import type { Language } from "../model/types.js";
import { commandOnStore, DB_OPTION_HELP, databaseLocation } from "../registry/open.js";
import type { StoredDocument } from "../registry/store.js";
import type { CliIO } from "./io.js";
import { wholeNumber } from "./search.js";

export interface ShowFlags {
  db?: string;
  json?: boolean;
  text?: boolean;
  language?: string;
  version?: string;
  elsewhere?: string;
}

const LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh"];

function versionsLine(stored: StoredDocument): string {
  return `versions: ${stored.versions.map((v) => `${v.number} ${v.format} ${v.ingestedAt.slice(0, 10)}${v.current ? " (current)" : ""}`).join(", ")}`;
}

/** `mandates show SYMBOL`: an outline (default), the JSON contract with the versions (--json), or the source text (--text). */
export async function showCommand(symbol: string, flags: ShowFlags, io: CliIO): Promise<number> {
  const version = wholeNumber("version", flags.version, 1, 1_000_000);
  const problems = [
    ...(typeof version === "string" ? [version] : []),
    ...(flags.json && flags.text ? ["choose one of --json and --text"] : []),
    ...(flags.language && !LANGUAGES.includes(flags.language) ? [`--language is one of ${LANGUAGES.join(", ")}`] : []),
  ];
  if (problems.length) {
    io.stderr(problems.map((p) => `mandates show: ${p}\n`).join(""));
    return 2;
  }
  if (flags.elsewhere !== undefined) return elsewhereCommand(symbol, flags.elsewhere, flags, io);
  return commandOnStore("show", databaseLocation(flags.db, io.env), io.stderr, async (store) => {
    const stored = await store.getDocument(symbol, {
      ...(flags.language ? { language: flags.language as Language } : {}),
      ...(typeof version === "number" ? { version } : {}),
    });
    if (!stored) {
      io.stderr(`mandates show: no document ${symbolFromInput(symbol)} in the registry\n`);
      return 1;
    }
    if (flags.json) io.stdout(JSON.stringify({ summary: stored.summary, versions: stored.versions, document: toContractJson(stored.document) }) + "\n");
    else if (flags.text) io.stdout(stored.document.source.text);
    else io.stdout(`${toOutline(stored.document)}\n${versionsLine(stored)}\n`);
    return 0;
  });
}

/** `mandates show SYMBOL --elsewhere REF`: the other places the paragraph's words appear. */
async function elsewhereCommand(symbol: string, ref: string, flags: ShowFlags, io: CliIO): Promise<number> {
  if (flags.text || flags.version) {
    io.stderr("mandates show: --elsewhere reads the current version's paragraphs; it takes neither --text nor --version\n");
    return 2;
  }
  const read = paragraphRefFromInput(ref);
  if (!read.ok) {
    io.stderr(`mandates show: --elsewhere: ${read.message}\n`);
    return 2;
  }
  const paragraph = formatParagraphRef(read.ref);
  return commandOnStore("show", databaseLocation(flags.db, io.env), io.stderr, async (store) => {
    const found = await store.paragraphOccurrences(symbol, paragraph, flags.language ? { language: flags.language as Language } : {});
    if (!found) {
      io.stderr(`mandates show: no paragraph ${paragraph} of ${symbolFromInput(symbol)} in the registry\n`);
      return 1;
    }
    if (flags.json) {
      io.stdout(JSON.stringify(found) + "\n");
      return 0;
    }
    const lines = [`${found.symbol} ${found.ref}: ${found.text.length > 160 ? `${found.text.slice(0, 157)}...` : found.text}`];
    if (found.occurrences.length === 0) lines.push("  appears nowhere else in the registry");
    for (const o of found.occurrences) lines.push(`  ${o.symbol} ${o.ref}${o.language !== found.language ? ` (${o.language})` : ""}${o.title ? `  ${o.title}` : ""}`);
    io.stdout(lines.join("\n") + "\n");
    return 0;
  });
}

export function registerShow(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("show")
    .description("one document from the registry: an outline, its JSON, or its source text")
    .argument("<symbol>", "document symbol (A/RES/79/222, 79/222, A_RES_79_222)")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--json", "the JSON contract, with the stored versions")
    .option("--text", "the source text of the version")
    .option("--language <code>", "language version (default: English, else any)")
    .option("--version <n>", "a stored version (default: the current one)")
    .option("--elsewhere <ref>", "where else the paragraph REF (operative.12, preamble.3, B.operative.1 in part B) appears, word for word")
    .action(async (symbol: string, flags: ShowFlags) => setExit(await showCommand(symbol, flags, io)));
}

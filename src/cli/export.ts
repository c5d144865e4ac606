import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { enrich } from "../enrich/index.js";
import { toAkn } from "../export/akn.js";
import { toCitationsCsv, toDocumentsCsv, toGraphMl, toJsonLines, toMandatesCsv } from "../export/opendata.js";
import type { Resolution } from "../model/types.js";
import { commandOnStore, DB_OPTION_HELP, databaseLocation } from "../registry/open.js";
import type { Store } from "../registry/store.js";
import { type CliIO, readInputFile } from "./io.js";

export interface ExportFlags {
  akn?: boolean;
  jsonl?: boolean;
  documentsCsv?: boolean;
  mandatesCsv?: boolean;
  citationsCsv?: boolean;
  graphml?: boolean;
  out?: string;
  /** `--db` alone: the default registry; `--db LOCATION`: that one. */
  db?: string | boolean;
}

/** Writes one output file; the CLI writes to disk, tests keep the files in memory. */
export type WriteOutput = (path: string, content: string) => Promise<void>;

const writeToDisk: WriteOutput = async (path, content) => {
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, content, "utf8");
};

/** The collection formats and the file each is written to under --out. */
const COLLECTIONS = [
  { flag: "jsonl", file: "documents.jsonl", render: toJsonLines },
  { flag: "documentsCsv", file: "documents.csv", render: toDocumentsCsv },
  { flag: "mandatesCsv", file: "mandates.csv", render: toMandatesCsv },
  { flag: "citationsCsv", file: "citations.csv", render: toCitationsCsv },
  { flag: "graphml", file: "citations.graphml", render: toGraphMl },
] as const;

/** `A/RES/75/100` -> `A_RES_75_100.en.akn.xml`, as the corpus names its files. */
export function aknFileName(doc: Resolution, fallback: string): string {
  const stem = doc.meta.symbol ? doc.meta.symbol.replace(/[/\s]+/g, "_").replace(/[^A-Za-z0-9_.()\-]/g, "") : fallback.replace(/\.[^.]+$/, "");
  return `${stem}.${doc.meta.language}.akn.xml`;
}

/**
 * `mandates export FILE... --akn|--jsonl|--documents-csv|--mandates-csv|--citations-csv|--graphml [--out DIR]`,
 * or with `--db` the registry's documents (all of them, or the SYMBOLs given). Without --out one
 * format goes to stdout (AKN of one document only); with --out every format asked for is
 * written into DIR: one `.akn.xml` per document, and documents.jsonl, documents.csv, mandates.csv,
 * citations.csv, citations.graphml for the collection.
 */
export async function exportCommand(inputs: string[], flags: ExportFlags, io: CliIO, write: WriteOutput = writeToDisk): Promise<number> {
  const collections = COLLECTIONS.filter((c) => flags[c.flag]);
  const formats = collections.length + (flags.akn ? 1 : 0);
  const usage = (message: string) => {
    io.stderr(`mandates export: ${message}\n`);
    return 2;
  };
  if (formats === 0) return usage("choose a format: --akn, --jsonl, --documents-csv, --mandates-csv, --citations-csv or --graphml");
  if (!flags.out && formats > 1) return usage("several formats need --out DIR");
  if (!flags.db && inputs.length === 0) return usage("give the files to export, or --db to export the registry");

  const loaded = flags.db
    ? await storeDocuments(inputs, typeof flags.db === "string" ? flags.db : undefined, io)
    : await readFiles(inputs, io);
  if (typeof loaded === "number") return loaded;
  const { documents, failures } = loaded;
  if (!documents.length) return 1;
  if (flags.akn && !flags.out && documents.length > 1) return usage(`${documents.length} documents: AKN of several documents needs --out DIR`);

  if (!flags.out) {
    const only = collections[0];
    io.stdout(only ? only.render(documents.map((d) => d.document)) : toAkn(documents[0]!.document));
    return failures ? 3 : 0;
  }
  const written: string[] = [];
  const names = new Set<string>();
  if (flags.akn) {
    for (const { document, name } of documents) {
      let file = aknFileName(document, name);
      // two inputs with one symbol (versions, copies) must not overwrite each other
      for (let k = 2; names.has(file); k++) file = aknFileName(document, name).replace(/\.akn\.xml$/, `.${k}.akn.xml`);
      names.add(file);
      await write(join(flags.out, file), toAkn(document));
      written.push(file);
    }
  }
  for (const c of collections) {
    await write(join(flags.out, c.file), c.render(documents.map((d) => d.document)));
    written.push(c.file);
  }
  io.stderr(`mandates export: ${documents.length} documents, ${written.length} files written to ${flags.out}\n`);
  return failures ? 3 : 0;
}

interface Loaded {
  documents: { document: Resolution; name: string }[];
  failures: number;
}

/**
 * Files are read and enriched as `mandates parse` does. Citations read from AKN markup (the
 * UN's own links) are kept: enrichment would replace them by those found in the text.
 */
async function readFiles(files: string[], io: CliIO): Promise<Loaded> {
  const documents: Loaded["documents"] = [];
  let failures = 0;
  for (const file of files) {
    const input = await readInputFile(file, io);
    if (!input.ok) {
      failures++;
      io.stderr(`${file}: ${input.message}\n`);
      continue;
    }
    documents.push({ document: enrichKeepingMarkupLinks(input.document), name: basename(file) });
  }
  return { documents, failures };
}

function enrichKeepingMarkupLinks(doc: Resolution): Resolution {
  if (doc.source.format !== "akn") return enrich(doc);
  const paragraphs = [...doc.preamble, ...doc.operative, ...doc.footnotes];
  const linked = paragraphs.map((p) => p.citations);
  const heading = doc.citations;
  enrich(doc);
  paragraphs.forEach((p, i) => (p.citations = linked[i]!));
  doc.citations = heading;
  return doc;
}

const REGISTRY_PAGE = 200;

/** The registry's documents: those named, or every document (current versions). */
async function storeDocuments(symbols: string[], db: string | undefined, io: CliIO): Promise<Loaded | number> {
  let loaded: Loaded = { documents: [], failures: 0 };
  const code = await commandOnStore("export", databaseLocation(db, io.env), io.stderr, async (store) => {
    loaded = await registryDocuments(store, symbols, io);
    return 0;
  });
  return code === 0 ? loaded : code;
}

async function registryDocuments(store: Store, symbols: string[], io: CliIO): Promise<Loaded> {
  const documents: Loaded["documents"] = [];
  let failures = 0;
  const wanted: { symbol: string; language?: Resolution["meta"]["language"] }[] = symbols.map((symbol) => ({ symbol }));
  if (!symbols.length) {
    for (let offset = 0; ; offset += REGISTRY_PAGE) {
      const page = await store.listDocuments({}, { limit: REGISTRY_PAGE, offset });
      wanted.push(...page.items.map((s) => ({ symbol: s.symbol, language: s.language })));
      if (page.items.length < REGISTRY_PAGE || offset + REGISTRY_PAGE >= page.total) break;
    }
  }
  for (const { symbol, language } of wanted) {
    const stored = await store.getDocument(symbol, language ? { language } : {});
    if (!stored) {
      failures++;
      io.stderr(`mandates export: no document ${symbol} in the registry\n`);
      continue;
    }
    documents.push({ document: stored.document, name: symbol });
  }
  return { documents, failures };
}

export function registerExport(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("export")
    .description("export resolutions as Akoma Ntoso (AKN4UN) XML or open data (JSON Lines, CSV, GraphML)")
    .argument("[inputs...]", "files to export (ODS text, PDF, AKN, EOSG JSON); with --db, symbols (none: the whole registry)")
    .option("--akn", "Akoma Ntoso 3.0 XML, one file per document")
    .option("--jsonl", "JSON Lines: one JSON contract object per document")
    .option("--documents-csv", "CSV: one row per document, with its vote, sponsors and subjects")
    .option("--mandates-csv", "CSV: one row per mandate")
    .option("--citations-csv", "CSV: one row per citation")
    .option("--graphml", "GraphML: the citation network")
    .option("--out <dir>", "write into this folder (needed for several formats, or AKN of several documents)")
    .option("--db [location]", `export from the ${DB_OPTION_HELP}`)
    .action(async (inputs: string[], flags: ExportFlags) => setExit(await exportCommand(inputs, flags, io)));
}

import { existsSync } from "node:fs";
import type { Command } from "commander";
import { compareResolutions } from "../compare/compare.js";
import { comparisonJson, seriesJson } from "../compare/format/json.js";
import { renderComparisonHtml } from "../compare/format/html.js";
import { renderComparisonText, renderSeriesText } from "../compare/format/terminal.js";
import { seriesView } from "../compare/series.js";
import { seriesOfDocuments } from "../compare/series-groups.js";
import { enrich } from "../enrich/index.js";
import { looksLikeSymbol, symbolFromInput } from "../model/symbols.js";
import type { Resolution } from "../model/types.js";
import { databaseLocation, isPostgresUrl, maskedLocation, openStore, upgradeNotice } from "../registry/open.js";
import type { Store } from "../registry/store.js";
import { type CliIO, readInputFile } from "./io.js";
import { allDocuments } from "../registry/all-documents.js";

/**
 * `mandates diff A B` and `mandates series ...`: A and B are files, or symbols of documents in
 * the registry (`A/RES/63/231`, `63/231`). A readable file always wins over a symbol; the
 * registry is opened only when an argument is not a file.
 */

/** Where symbols and titles are looked up: the registry, or a stand-in in tests. */
export interface DocumentLookup {
  /** The current version of a stored document, or null. */
  document(symbol: string): Promise<Resolution | null>;
  /** Series holding the document with this symbol, or whose title matches the words; each oldest first. */
  series(symbolOrTitle: string): Promise<{ title: string; documents: Resolution[] }[]>;
  /** Every stored document. */
  all(): Promise<Resolution[]>;
  close(): Promise<void>;
}

/** Opens the lookup for a `--db` flag (or the default location); null when there is no registry there. */
export type OpenLookup = (db: string | undefined) => Promise<DocumentLookup | null>;

/** The registry as a lookup; an SQLite path that does not exist is no registry (not created by a read). */
export function registryLookup(io: CliIO): OpenLookup {
  return async (db) => {
    const location = databaseLocation(db, io.env);
    if (!isPostgresUrl(location) && !existsSync(location)) return null;
    return storeLookup(await openStore(location, upgradeNotice(io.stderr)));
  };
}


export function storeLookup(store: Store): DocumentLookup {
  const document = async (symbol: string) => (await store.getDocument(symbol))?.document ?? null;
  return {
    document,
    async series(symbolOrTitle) {
      const records = await store.series(symbolOrTitle);
      const out: { title: string; documents: Resolution[] }[] = [];
      for (const record of records) {
        // The registry lists the members in version order.
        const documents: Resolution[] = [];
        for (const member of record.members) {
          const doc = (await store.getDocument(member.symbol, { language: record.language }))?.document;
          if (doc) documents.push(doc);
        }
        out.push({ title: record.title, documents });
      }
      return out;
    },
    all: () => allDocuments(store),
    close: () => store.close(),
  };
}

export type Loaded = { ok: true; document: Resolution } | { ok: false; message: string };

/** Reads files and registry symbols the same way for every command of this module. */
export class DocumentLoader {
  private lookup: Promise<DocumentLookup | null> | null = null;

  constructor(
    private readonly io: CliIO,
    private readonly openLookup: OpenLookup,
    private readonly db: string | undefined,
  ) {}

  registry(): Promise<DocumentLookup | null> {
    this.lookup ??= this.openLookup(this.db);
    return this.lookup;
  }

  /** A document from a file; null when the argument names no readable file. */
  async fromFile(argument: string): Promise<Loaded | null> {
    const input = await readInputFile(argument, this.io);
    if (!input.ok) return input.unreadable ? null : { ok: false, message: `${argument}: ${input.message}` };
    return { ok: true, document: enrich(input.document) };
  }

  /** A document from a file, or from the registry when the argument is no file but reads as a symbol. */
  async load(argument: string): Promise<Loaded> {
    const file = await this.fromFile(argument);
    if (file) return file;
    if (!looksLikeSymbol(argument)) return { ok: false, message: `${argument}: no such file` };
    const registry = await this.registry();
    if (!registry) return { ok: false, message: `${argument}: no such file, and no registry at ${maskedLocation(databaseLocation(this.db, this.io.env))} to look the symbol up` };
    const symbol = symbolFromInput(argument);
    const document = await registry.document(symbol);
    return document ? { ok: true, document } : { ok: false, message: `${argument}: no such file, and no document ${symbol} in the registry` };
  }

  async close(): Promise<void> {
    const registry = await this.lookup;
    await registry?.close();
  }
}

export interface DiffFlags {
  json?: boolean;
  html?: boolean;
  text?: boolean;
  color?: boolean;
  db?: string;
}

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org); --color/--no-color decide otherwise. */
export function useColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  return io.isTTY && !io.env.NO_COLOR && io.env.TERM !== "dumb";
}

export async function diffCommand(a: string, b: string, flags: DiffFlags, io: CliIO, openLookup: OpenLookup): Promise<number> {
  if ([flags.json, flags.html, flags.text].filter(Boolean).length > 1) {
    io.stderr("mandates diff: choose one of --json, --html, --text\n");
    return 2;
  }
  const loader = new DocumentLoader(io, openLookup, flags.db);
  try {
    const [from, to] = [await loader.load(a), await loader.load(b)];
    const failed = [from, to].filter((r) => !r.ok);
    if (!from.ok || !to.ok) {
      for (const r of failed) if (!r.ok) io.stderr(`mandates diff: ${r.message}\n`);
      return 1;
    }
    const comparison = compareResolutions(from.document, to.document);
    for (const problem of comparison.problems) io.stderr(`mandates diff: ${problem.severity}: ${problem.message}\n`);
    if (flags.json) io.stdout(JSON.stringify(comparisonJson(comparison)) + "\n");
    else if (flags.html) io.stdout(renderComparisonHtml(comparison));
    else io.stdout(renderComparisonText(comparison, { color: useColor(io, flags.color) }));
    return 0;
  } finally {
    await loader.close();
  }
}

export interface SeriesFlags {
  json?: boolean;
  text?: boolean;
  color?: boolean;
  db?: string;
}

/**
 * `mandates series FILES...` groups the files into series by the one series rule
 * (compare/series-groups.ts), versions in order, then shows each file that belongs to none on its
 * own; `mandates series TITLE|SYMBOL` asks the registry for the series.
 */
export async function seriesCommand(inputs: string[], flags: SeriesFlags, io: CliIO, openLookup: OpenLookup): Promise<number> {
  const loader = new DocumentLoader(io, openLookup, flags.db);
  try {
    const docs: Resolution[] = [];
    const words: string[] = [];
    let failures = 0;
    for (const input of inputs) {
      const loaded = await loader.fromFile(input);
      if (!loaded) words.push(looksLikeSymbol(input) ? symbolFromInput(input) : input);
      else if (loaded.ok) docs.push(loaded.document);
      else {
        failures++;
        io.stderr(`mandates series: ${loaded.message}\n`);
      }
    }
    const grouped = seriesOfDocuments(docs);
    const groups = [
      ...grouped.series.map((s) => ({ title: s.title, documents: s.members.map((m) => m.document) })),
      ...grouped.alone.map((d) => ({ title: d.meta.title ?? d.meta.symbol ?? "", documents: [d] })),
    ];
    if (words.length) {
      const registry = await loader.registry();
      const query = words.join(" ");
      if (!registry) {
        io.stderr(`mandates series: "${query}" is not a file, and there is no registry at ${maskedLocation(databaseLocation(flags.db, io.env))} to look it up\n`);
        return 1;
      }
      const found = await registry.series(query);
      if (found.length === 0) {
        io.stderr(`mandates series: no series in the registry for "${query}"\n`);
        return 1;
      }
      groups.push(...found);
    }
    if (groups.length === 0) return failures ? 1 : 0;
    const views = groups.map((g) => seriesView(g.documents, g.title));
    if (flags.json) for (const v of views) io.stdout(JSON.stringify(seriesJson(v)) + "\n");
    else io.stdout(views.map((v) => renderSeriesText(v, { color: useColor(io, flags.color) })).join("\n"));
    return failures ? 3 : 0;
  } finally {
    await loader.close();
  }
}

export function registerDiff(program: Command, io: CliIO, setExit: (code: number) => void, openLookup: OpenLookup = registryLookup(io)): void {
  program
    .command("diff")
    .description("compare two versions of a resolution: aligned paragraphs with track changes, and mandate changes")
    .argument("<a>", "older version: a file, or a symbol in the registry (A/RES/63/231, 63/231)")
    .argument("<b>", "newer version: a file or a symbol")
    .option("--json", "one JSON object with one entry per aligned paragraph pair")
    .option("--html", "a standalone track-changes page")
    .option("--text", "terminal text (the default)")
    .option("--color", "colour the text even when stdout is not a terminal")
    .option("--no-color", "never colour the text")
    .option("--db <location>", "registry for symbols: SQLite file or postgres:// URL (default: DATABASE_URL or ./data/registry.db)")
    .action(async (a: string, b: string, flags: DiffFlags) => setExit(await diffCommand(a, b, flags, io, openLookup)));
  program
    .command("series")
    .description("the life of every paragraph and mandate across the versions of a recurring resolution")
    .argument("<inputs...>", "files of the versions (grouped into series by title, recalls and the mandate they renew), or a title or symbol in the registry")
    .option("--json", "one JSON object per series")
    .option("--text", "a grid of paragraph lives (the default)")
    .option("--color", "colour the text even when stdout is not a terminal")
    .option("--no-color", "never colour the text")
    .option("--db <location>", "registry for titles and symbols (default: DATABASE_URL or ./data/registry.db)")
    .action(async (inputs: string[], flags: SeriesFlags) => setExit(await seriesCommand(inputs, flags, io, openLookup)));
}

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { ingestPaths } from "../registry/ingest.js";
import { DB_OPTION_HELP, databaseLocation, maskedLocation, openStore, upgradeNotice } from "../registry/open.js";
import type { Store } from "../registry/store.js";
import type { CliIO } from "./io.js";
import { formatSummary } from "./ingest.js";
import { wholeNumber } from "./search.js";

export interface ServeFlags {
  db?: string;
  port?: string;
  host?: string;
  loadCorpus?: boolean;
  corpus?: string;
}

/** The checkout (src/cli or dist/cli, two levels up), beside which ../shared/corpus lies. */
const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The corpus folders in loading order (the rows of official metadata last: they complete the
 * documents whenever they come). Several folders hold the same resolution (the UN's Akoma
 * Ntoso XML, the ODS-layout text, EOSG paragraphs); the most authoritative rendition is current
 * whatever the order (`FORMAT_AUTHORITY`), and loading it first means the others are only kept
 * as versions, not written over it and indexed again.
 */
export function corpusFolders(corpus: string, unpacked: string | null): string[] {
  const archived = (folder: string) => (unpacked ? [join(unpacked, folder)] : []);
  return [...archived("akn"), join(corpus, "seeds"), join(corpus, "ods"), join(corpus, "pdf"), join(corpus, "sc"), ...archived("eosg"), join(corpus, "metadata")];
}

/** Unpacks the corpus's AKN and EOSG archives beside the checkout; null when there are none or unpacking failed. */
function unpackArchives(corpus: string, io: CliIO): string | null {
  const script = join(corpus, "unpack");
  if (!existsSync(script)) return null;
  const unpacked = join(PACKAGE_ROOT, ".corpus");
  try {
    execFileSync(script, [unpacked], { stdio: "ignore" });
    return unpacked;
  } catch (e) {
    io.stderr(`mandates serve: could not unpack the AKN and EOSG archives (${e instanceof Error ? e.message : String(e)}); loading the rest\n`);
    return null;
  }
}

async function loadCorpus(store: Store, corpus: string, io: CliIO): Promise<void> {
  const unpacked = unpackArchives(corpus, io);
  const folders = corpusFolders(corpus, unpacked).filter((f) => existsSync(f));
  io.stderr(`mandates serve: the registry is empty; loading ${folders.join(", ")}\n`);
  let lastReport = 0;
  const summary = await ingestPaths(store, folders, {
    onProgress: ({ done, total }) => {
      if (done - lastReport >= 500 || done === total) {
        lastReport = done;
        io.stderr(`  ${done}/${total} files\n`);
      }
    },
  });
  io.stderr(formatSummary(summary));
}

/** `mandates serve`: the HTTP API on the registry, after loading the corpus into an empty one with --load-corpus. */
export async function serveCommand(flags: ServeFlags, io: CliIO): Promise<number> {
  const port = wholeNumber("port", flags.port ?? io.env.PORT ?? "8080", 0, 65535);
  if (typeof port !== "number") {
    io.stderr(`mandates serve: ${port}\n`);
    return 2;
  }
  const location = databaseLocation(flags.db, io.env);
  let store: Store;
  try {
    store = await openStore(location, upgradeNotice(io.stderr));
  } catch (e) {
    io.stderr(`mandates serve: cannot open the registry ${maskedLocation(location)}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  const corpus = flags.corpus ?? join(PACKAGE_ROOT, "..", "shared", "corpus");
  if (flags.loadCorpus && (await store.countDocuments()) === 0) {
    if (existsSync(corpus)) await loadCorpus(store, corpus, io);
    else io.stderr(`mandates serve: no corpus at ${corpus}; serving the empty registry\n`);
  }
  // Loaded here so that other commands do not pay for the HTTP stack.
  const { buildApp } = await import("../server/app.js");
  const app = await buildApp(store, { logger: { level: "warn" }, warmReports: true });
  const host = flags.host ?? "127.0.0.1";
  try {
    await app.listen({ port, host });
  } catch (e) {
    io.stderr(`mandates serve: cannot listen on ${host}:${port}: ${e instanceof Error ? e.message : String(e)}\n`);
    await store.close();
    return 1;
  }
  const address = app.server.address();
  const url = typeof address === "object" && address ? `http://${host}:${address.port}` : `http://${host}:${port}`;
  io.stdout(`Mandate Registry on ${url} (${await store.countDocuments()} documents in ${store.location}; API description at ${url}/api/openapi.json)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await app.close();
  await store.close();
  return 0;
}

export function registerServe(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command("serve")
    .description("serve the web pages and the HTTP JSON API (under /api; OpenAPI description at /api/openapi.json)")
    .option("--db <location>", DB_OPTION_HELP)
    .option("--port <n>", "port to listen on (default: PORT or 8080; 0 picks a free one)")
    .option("--host <address>", "address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    .option("--load-corpus", "when the registry is empty, load ../shared/corpus first (seeds, ODS, PDF, SC, AKN, EOSG and the rows of official metadata)")
    .option("--corpus <dir>", "the corpus folder for --load-corpus (default: ../shared/corpus beside the checkout)")
    .action(async (flags: ServeFlags) => setExit(await serveCommand(flags, io)));
}

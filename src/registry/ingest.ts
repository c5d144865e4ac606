import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import { isOfficialMetadata, type LineProblem } from "../ingest/official-metadata.js";
import { languageFromName, tooLarge } from "../ingest/read.js";
import { describeProblem, problem } from "../model/problems.js";
import { symbolFromFileName } from "../model/symbols.js";
import type { Problem } from "../model/types.js";
import { type StagedOfficial, stageOfficial, writeOfficial } from "./official-ingest.js";
import type { HeldVersion } from "./prepare.js";
import { readFailure, readFileWithin } from "./read-file.js";
import type { PreparedDocument } from "./rows.js";
import { fileName, type PutFailure, type PutResult, type PutStatus, type SourceInfo, type Store } from "./store.js";
import { inProcessPreparer, type Preparer, WorkerPreparer } from "./worker-pool.js";

/**
 * Files and folders into the registry: every file is read, hashed, skipped when the registry
 * already holds its bytes, else parsed, enriched and stored, in batches of documents that each
 * commit whole. A file that cannot be read as a resolution is reported with its reasons and the
 * walk goes on; an interrupted run leaves every stored document whole, and running it again
 * completes it.
 */

/** Extensions picked up when walking a folder (a file named on the command line is always tried). */
export const INGESTED_EXTENSIONS = new Set([".txt", ".pdf", ".xml", ".json", ".docx", ".html", ".htm"]);

export type FileOutcome =
  | { file: string; status: PutStatus; symbol: string; language: string; version: number }
  | { file: string; status: "failed"; reasons: string[] }
  /** Rows of official metadata stored (`rows` lines read; `problems`: lines that could not be). */
  | { file: string; status: "metadata"; rows: number; problems: LineProblem[] };

export interface IngestProgress {
  done: number;
  total: number;
  outcome: FileOutcome;
}

export interface IngestSummary {
  files: number;
  added: number;
  updated: number;
  /** New versions kept beside a current one in a more authoritative format. */
  renditions: number;
  unchanged: number;
  failed: { file: string; reasons: string[] }[];
  /** Files of rows of official metadata stored, the rows read from them, and the lines that could not be read. */
  metadata: { files: number; rows: number; problems: { file: string; line: number; message: string }[] };
  /** Number of series after the closing refresh. */
  series: number;
  seconds: number;
}

export interface IngestOptions {
  /** Called once the files are listed, before the first is read. */
  onStart?: (total: number) => void;
  onProgress?: (progress: IngestProgress) => void;
  /** Worker threads preparing documents; 0 prepares in this thread. Default: one per core for large ingests, or with `fileTimeout`. */
  workers?: number;
  /**
   * Seconds a worker thread may spend on one file (default 30): a file still at work then fails
   * alone ("took longer than N s"), its worker is replaced and the load goes on. This thread,
   * preparing small loads, cannot be stopped: giving a limit prepares them in a worker thread too.
   */
  fileTimeout?: number;
  /** Where documents are prepared, instead of the workers above; closed when the ingest ends. */
  preparer?: Preparer;
  /** Documents written per transaction (default 256); a batch is also written every 2 s. */
  batchSize?: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Every file under `paths`, folders walked recursively in name order. What cannot be read is
 * reported with the reason and the walk goes on beside it: a path that does not exist, a folder
 * that cannot be listed, a symbolic link that leads nowhere or back into a folder being walked
 * (a loop), a FIFO, socket or device named like a resolution (reading one could wait forever).
 * Symbolic links are followed, and a folder reached by several is walked once.
 */
export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; missing: { file: string; reasons: string[] }[] }> {
  const files: string[] = [];
  const missing: { file: string; reasons: string[] }[] = [];
  const unreadable = (file: string, why: Problem) => missing.push({ file, reasons: [describeProblem(why)] });
  // folders by device and inode: those being walked (a link to one is a loop), and all walked
  const walking = new Map<string, string>();
  const walked = new Set<string>();
  const walk = async (dir: string, id: string): Promise<void> => {
    walking.set(id, dir);
    walked.add(id);
    try {
      let entries;
      try {
        entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (e) {
        unreadable(dir, problem("unreadable", readFailure(e)));
        return;
      }
      for (const entry of entries) {
        if (entry.name.startsWith(".")) continue;
        const path = join(dir, entry.name);
        const named = INGESTED_EXTENSIONS.has(extname(entry.name).toLowerCase());
        if (entry.isFile()) {
          if (named) files.push(path);
          continue;
        }
        if (!entry.isDirectory() && !entry.isSymbolicLink()) {
          if (named) unreadable(path, problem("not-a-file", "it is not a regular file (a FIFO, socket or device)"));
          continue;
        }
        let info;
        try {
          info = await stat(path);
        } catch (e) {
          unreadable(path, entry.isSymbolicLink() ? problem("broken-link", `a symbolic link to nothing readable: ${readFailure(e)}`) : problem("unreadable", readFailure(e)));
          continue;
        }
        if (info.isDirectory()) {
          const target = `${info.dev}:${info.ino}`;
          const ancestor = walking.get(target);
          if (ancestor !== undefined) unreadable(path, problem("link-loop", `a symbolic link loop: it leads back to ${ancestor}, which holds it`));
          else if (!walked.has(target)) await walk(path, target);
        } else if (named) {
          if (info.isFile()) files.push(path);
          else unreadable(path, problem("not-a-file", "it is not a regular file (a FIFO, socket or device)"));
        }
      }
    } finally {
      walking.delete(id);
    }
  };
  for (const path of paths) {
    try {
      const s = await stat(path);
      if (s.isDirectory()) await walk(path, `${s.dev}:${s.ino}`);
      else files.push(path);
    } catch (e) {
      unreadable(path, problem("unreadable", readFailure(e)));
    }
  }
  return { files, missing };
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Below this many files the worker threads' start-up costs more than they save. */
const WORKER_THRESHOLD = 40;

/**
 * The registry's current version of the document a file's name says it is (corpus files are
 * named after their symbol, as ODS texts or EOSG paragraphs). Only a hint: the file is
 * prepared as a rendition only if it proves to be that document.
 */
async function heldVersion(store: Store, file: string): Promise<HeldVersion | undefined> {
  const symbol = symbolFromFileName(file);
  const language = languageFromName(file);
  if (!symbol || !language) return undefined;
  const format = await store.currentFormat(symbol, language);
  return format ? { symbol, language, format } : undefined;
}

/** What a file needs from the database: nothing (known bytes, failure) or a prepared write. */
type Staged = FileOutcome | StagedOfficial | { file: string; status: "prepared"; prepared: PreparedDocument; source: SourceInfo };

async function stage(store: Store, preparer: Preparer, file: string): Promise<Staged> {
  const failed = (...reasons: string[]): FileOutcome => ({ file, status: "failed", reasons });
  try {
    const read = await readFileWithin(file);
    if (!read.ok) return failed(describeProblem(tooLarge(read.tooLarge.bytes)));
    const bytes = read.bytes;
    if (isOfficialMetadata(bytes, file)) return stageOfficial(file, bytes);
    const hash = sha256(bytes);
    const known = await store.findSource(hash);
    if (known) return { file, status: "unchanged", symbol: known.symbol, language: known.language, version: known.version };
    // the name without its folders: it tells the format, language and symbol, and is stored
    const name = fileName(file);
    const outcome = await preparer.prepare(bytes, name, await heldVersion(store, file));
    if (!outcome.ok) return failed(...outcome.problems.map(describeProblem));
    return { file, status: "prepared", prepared: outcome.prepared, source: { sha256: hash, format: outcome.format, name, byteLength: bytes.length } };
  } catch (e) {
    return failed(describeProblem(problem("unreadable", readFailure(e))));
  }
}

/**
 * Documents written per transaction: a bulk load then commits, and SQLite's full-text index
 * flushes a segment and merges, once per batch rather than once per file (256 rather than 64
 * took the corpus load's commits from 7 to 4 s and its index inserts from 8 to 6.7 s). A batch
 * that cannot be written is written again one document at a time, so one bad document fails alone.
 */
const DEFAULT_BATCH_SIZE = 256;
/** A batch is also written at least this often, so that progress shows and readers see new documents. */
const BATCH_MILLISECONDS = 2000;

async function commitBatch(store: Store, batch: Staged[]): Promise<FileOutcome[]> {
  const writes = batch.filter((s) => s.status === "prepared");
  let results: (PutResult | PutFailure)[];
  try {
    results = await store.putPreparedMany(writes.map(({ prepared, source }) => ({ prepared, source })));
  } catch (e) {
    results = writes.map(() => ({ status: "failed", reason: message(e) }));
  }
  const official = new Map<Staged, FileOutcome>();
  for (const staged of batch) if (staged.status === "official") official.set(staged, await writeOfficial(store, staged));
  let k = 0;
  return batch.map((staged) => {
    if (staged.status === "official") return official.get(staged)!;
    if (staged.status !== "prepared") return staged;
    const result = results[k++]!;
    return result.status === "failed" ? { file: staged.file, status: "failed", reasons: [`not stored: ${result.reason}`] } : { file: staged.file, ...result };
  });
}

/**
 * Files are prepared ahead (in parallel when a worker pool runs) and written strictly in file
 * order, so which of two files of one symbol becomes the current version never depends on timing.
 */
export async function ingestPaths(store: Store, paths: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const { files, missing } = await collectFiles(paths);
  const summary: IngestSummary = { files: files.length + missing.length, added: 0, updated: 0, renditions: 0, unchanged: 0, failed: [], series: 0, seconds: 0, metadata: { files: 0, rows: 0, problems: [] } };
  options.onStart?.(summary.files);
  let done = 0;
  const record = (outcome: FileOutcome) => {
    if (outcome.status === "failed") summary.failed.push({ file: outcome.file, reasons: outcome.reasons });
    else if (outcome.status === "metadata") {
      summary.metadata.files++;
      summary.metadata.rows += outcome.rows;
      for (const p of outcome.problems) summary.metadata.problems.push({ file: outcome.file, ...p });
    } else if (outcome.status === "rendition") summary.renditions++;
    else summary[outcome.status]++;
    options.onProgress?.({ done: ++done, total: summary.files, outcome });
  };
  for (const m of missing) record({ file: m.file, status: "failed", reasons: m.reasons });

  const workers = options.workers ?? (files.length >= WORKER_THRESHOLD || options.fileTimeout !== undefined ? undefined : 0);
  const preparer: Preparer =
    options.preparer ?? (workers === 0 ? inProcessPreparer : new WorkerPreparer(workers, options.fileTimeout !== undefined ? { fileTimeout: options.fileTimeout } : {}));
  // A whole batch staged, and the workers' queues full behind it while it is written.
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const ahead = preparer === inProcessPreparer ? 1 : batchSize + preparer.capacity;
  try {
    const staged: Promise<Staged>[] = [];
    for (let i = 0; i < Math.min(ahead, files.length); i++) staged.push(stage(store, preparer, files[i]!));
    let batch: Staged[] = [];
    let batchStarted = performance.now();
    const flush = async () => {
      const outcomes = await commitBatch(store, batch);
      batch = [];
      batchStarted = performance.now();
      for (const outcome of outcomes) record(outcome);
    };
    for (let i = 0; i < files.length; i++) {
      const next = i + ahead;
      if (next < files.length) staged.push(stage(store, preparer, files[next]!));
      batch.push(await staged[i]!);
      delete staged[i];
      if (batch.length >= batchSize || performance.now() - batchStarted >= BATCH_MILLISECONDS) await flush();
    }
    await flush();
  } finally {
    await preparer.close();
  }
  summary.series = (await store.refreshSeries()).series;
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

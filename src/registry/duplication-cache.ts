import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { type DuplicationReport, findDuplication } from "../compare/duplicates.js";
import { allDocuments } from "./all-documents.js";
import { startWorker } from "./start-worker.js";
import type { Store } from "./store.js";

/**
 * The duplication report (compare/duplicates.ts) computed once per state of the registry, not
 * per request: scanning every document takes 20-40 s on the corpus. The report is kept in
 * memory and in the registry (derived_reports) with the registry's stamp; a request reads the
 * stamp (one aggregate query), and only a changed stamp starts a new scan. While a scan runs,
 * the previous report is served, marked stale; a registry that never had one has none to show
 * until the first scan ends (`current` says so and how long to wait; `get` waits).
 *
 * Where the scan runs is the caller's choice: in this thread (the default: commands, tests), or
 * in a worker thread on its own connection (`scanInWorker`: the server, whose requests the scan
 * would otherwise stop for its whole length).
 */

const REPORT = "duplication";
/** How long a first scan is assumed to take, before one has been timed. */
const FIRST_SCAN_ESTIMATE_MS = 40_000;

export interface CachedDuplication {
  report: DuplicationReport;
  computedAt: string;
  /** True while a newer report is being computed after a write. */
  stale: boolean;
}

/** No report exists yet: one is being computed, expected in about this many seconds. */
export interface DuplicationPending {
  computing: true;
  retryAfterSeconds: number;
}

/** Scans the registry as it is and stores the report under `stamp`. */
export type DuplicationScan = (stamp: string) => Promise<void>;

/** The scan itself: every current document read, the report computed, compressed and stored. */
export async function scanDuplication(store: Store, stamp: string): Promise<void> {
  const report = findDuplication(await allDocuments(store));
  const computedAt = new Date().toISOString();
  const body = brotliCompressSync(Buffer.from(JSON.stringify(report)), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  await store.writeReport(REPORT, { stamp, computedAt, body });
}

const WORKER_URL = new URL(`./duplication-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

/** A scan in a worker thread that opens the registry at `location` itself (a file, or a URL with its password). */
export function scanInWorker(location: string): DuplicationScan {
  return (stamp) =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker(WORKER_URL, { location, stamp });
      let answered = false;
      worker.once("message", (answer: { ok: boolean; message?: string }) => {
        answered = true;
        if (answer.ok) resolve();
        else reject(new Error(`the duplication scan failed: ${answer.message}`));
      });
      worker.once("error", (e) => reject(new Error(`the duplication scan failed: ${e.message}`)));
      worker.once("exit", (code) => {
        if (!answered) reject(new Error(`the duplication scan stopped (exit code ${code})`));
      });
    });
}

export class DuplicationCache {
  private latest: { stamp: string; computedAt: string; report: DuplicationReport } | null = null;
  private running: { stamp: string; startedAt: number; done: Promise<Error | null> } | null = null;
  private lastScanMs: number | null = null;
  /** Scans run so far (one per registry state). */
  scans = 0;
  private readonly scan: DuplicationScan;

  constructor(
    private readonly store: Store,
    options: { scan?: DuplicationScan } = {},
  ) {
    this.scan = options.scan ?? ((stamp) => scanDuplication(store, stamp));
  }

  /** The report as fresh as the registry allows, or how long until the first one exists; never waits for a scan. */
  async current(): Promise<CachedDuplication | DuplicationPending> {
    const stamp = await this.store.registryStamp();
    if (this.latest?.stamp !== stamp && this.running?.stamp !== stamp) {
      await this.loadStored(stamp);
      if (this.latest?.stamp !== stamp) this.refresh(stamp);
    }
    if (this.latest) return { report: this.latest.report, computedAt: this.latest.computedAt, stale: this.latest.stamp !== stamp };
    const expected = this.lastScanMs ?? FIRST_SCAN_ESTIMATE_MS;
    const elapsed = this.running ? Date.now() - this.running.startedAt : 0;
    return { computing: true, retryAfterSeconds: Math.max(1, Math.ceil((expected - elapsed) / 1000)) };
  }

  /** The report, waiting for the scan when none exists yet (once, on a registry never scanned). */
  async get(): Promise<CachedDuplication> {
    const found = await this.current();
    if (!("computing" in found)) return found;
    const failure = await this.running?.done;
    if (failure) throw failure;
    return this.get();
  }

  /** Brings the report up to date with the registry (the server calls it at start, so the first page view does not wait). */
  async warm(): Promise<void> {
    await this.current();
    const failure = await this.running?.done;
    if (failure) throw failure;
  }

  private async loadStored(stamp: string): Promise<void> {
    const stored = await this.store.readReport(REPORT);
    if (!stored || stored.stamp !== stamp) return;
    const report = JSON.parse(brotliDecompressSync(stored.body).toString("utf8")) as DuplicationReport;
    this.latest = { stamp, computedAt: stored.computedAt, report };
  }

  /** Starts a scan of the registry as it is at `stamp`; its promise gives the error when it failed, never rejects. */
  private refresh(stamp: string): void {
    const startedAt = Date.now();
    const done = (async (): Promise<Error | null> => {
      try {
        // Tagged with the state the scan started from: a write during the scan makes the next request scan again.
        await this.scan(stamp);
        this.scans++;
        this.lastScanMs = Date.now() - startedAt;
        await this.loadStored(stamp);
        return null;
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      } finally {
        if (this.running?.stamp === stamp) this.running = null;
      }
    })();
    this.running = { stamp, startedAt, done };
  }
}

import { brotliCompressSync, brotliDecompressSync, constants } from "node:zlib";
import { type DuplicationReport, findDuplication } from "../compare/duplicates.js";
import { allDocuments } from "./all-documents.js";
import type { Store } from "./store.js";

/**
 * The duplication report (compare/duplicates.ts) computed once per state of the registry, not
 * per request: scanning every document takes about 20 s on the corpus. The report is kept in
 * memory and in the registry (derived_reports) with the registry's stamp; a request reads the
 * stamp (one aggregate query), and only a changed stamp starts a new scan. While a scan runs,
 * the previous report is served, marked stale; only a registry that never had one waits.
 */

const REPORT = "duplication";

export interface CachedDuplication {
  report: DuplicationReport;
  computedAt: string;
  /** True while a newer report is being computed after a write. */
  stale: boolean;
}

export class DuplicationCache {
  private current: { stamp: string; computedAt: string; report: DuplicationReport } | null = null;
  private running: { stamp: string; done: Promise<Error | null> } | null = null;
  /** Scans run so far (one per registry state). */
  scans = 0;

  constructor(private readonly store: Store) {}

  async get(): Promise<CachedDuplication> {
    const stamp = await this.store.registryStamp();
    if (this.current?.stamp !== stamp && this.running?.stamp !== stamp) {
      await this.loadStored(stamp);
      if (this.current?.stamp !== stamp) this.refresh(stamp);
    }
    if (this.current?.stamp === stamp) return { report: this.current.report, computedAt: this.current.computedAt, stale: false };
    if (this.current) return { report: this.current.report, computedAt: this.current.computedAt, stale: true };
    // Nothing to show yet: this request waits for the scan (once, on a registry never scanned).
    const failure = await this.running!.done;
    if (failure) throw failure;
    return { report: this.current!.report, computedAt: this.current!.computedAt, stale: false };
  }

  /** Brings the report up to date with the registry (the server calls it at start, so the first page view does not wait). */
  async warm(): Promise<void> {
    await this.get();
    const failure = await this.running?.done;
    if (failure) throw failure;
  }

  private async loadStored(stamp: string): Promise<void> {
    const stored = await this.store.readReport(REPORT);
    if (!stored || stored.stamp !== stamp) return;
    const report = JSON.parse(brotliDecompressSync(stored.body).toString("utf8")) as DuplicationReport;
    this.current = { stamp, computedAt: stored.computedAt, report };
  }

  /** Starts a scan of the registry as it is at `stamp`; its promise gives the error when it failed, never rejects. */
  private refresh(stamp: string): void {
    const done = (async (): Promise<Error | null> => {
      try {
        const report = findDuplication(await allDocuments(this.store));
        this.scans++;
        // Tagged with the state the scan started from: a write during the scan makes the next request scan again.
        const computedAt = new Date().toISOString();
        const body = brotliCompressSync(Buffer.from(JSON.stringify(report)), { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
        await this.store.writeReport(REPORT, { stamp, computedAt, body });
        this.current = { stamp, computedAt, report };
        return null;
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      } finally {
        if (this.running?.stamp === stamp) this.running = null;
      }
    })();
    this.running = { stamp, done };
  }
}

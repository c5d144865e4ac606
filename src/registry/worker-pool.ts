import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { problem } from "../model/problems.js";
import { type HeldVersion, type PrepareOutcome, prepareSource } from "./prepare.js";
import type { PrepareTask } from "./prepare-worker.js";
import { startWorker } from "./start-worker.js";

/**
 * Where documents are prepared: in this thread (small batches, tests) or in a pool of worker
 * threads (large ingests: parsing and enrichment use every core while the main thread writes).
 */
export interface Preparer {
  /** Files it prepares or holds queued at once. */
  readonly capacity: number;
  prepare(bytes: Uint8Array, name: string, held?: HeldVersion): Promise<PrepareOutcome>;
  close(): Promise<void>;
}

export const inProcessPreparer: Preparer = {
  capacity: 1,
  prepare: prepareSource,
  close: async () => undefined,
};

/** Same extension as this module: `.ts` under tsx, `.js` once built. */
const WORKER_URL = new URL(`./prepare-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

interface Pending {
  resolve: (outcome: PrepareOutcome) => void;
  worker: Worker;
  task: PrepareTask;
}

/**
 * Tasks queued in each worker at once: enough to keep it busy while the main thread writes a
 * batch of documents synchronously (half a second for 256). With 8 the workers idled a third
 * of a corpus load; 64 took the load from 159 to 177 documents/s.
 */
const QUEUE_PER_WORKER = 64;

export class WorkerPreparer implements Preparer {
  /** Tasks sent to each live worker and not yet answered. */
  private readonly load = new Map<Worker, number>();
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly workers = new Set<Worker>();
  private nextId = 0;
  readonly capacity: number;
  private closed = false;

  constructor(readonly size = Math.max(1, availableParallelism())) {
    this.capacity = size * QUEUE_PER_WORKER;
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Set when a worker dies before finishing any task: threads do not work here, so this thread prepares. */
  private broken = false;
  private readonly proven = new WeakSet<Worker>();

  private spawn(): void {
    const worker = startWorker(WORKER_URL);
    worker.unref();
    worker.on("message", ({ id, outcome }: { id: number; outcome: PrepareOutcome }) => {
      this.proven.add(worker);
      this.pending.get(id)?.resolve(outcome);
      this.pending.delete(id);
      this.release(worker);
    });
    // A worker that dies fails its task, not the ingest: the file is reported and a new worker takes its place.
    worker.on("error", (e) => this.replace(worker, `the worker thread failed: ${e.message}`));
    worker.on("exit", (code) => this.replace(worker, `the worker thread exited with code ${code}`));
    this.workers.add(worker);
    this.load.set(worker, 0);
  }

  private replace(worker: Worker, reason: string): void {
    if (!this.workers.delete(worker)) return;
    if (!this.closed && !this.proven.has(worker)) this.broken = true;
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      if (this.broken) prepareSource(p.task.bytes, p.task.name, p.task.held).then(p.resolve);
      else p.resolve({ ok: false, problems: [problem("internal-error", reason)] });
    }
    this.load.delete(worker);
    if (this.closed) return;
    if (!this.broken) this.spawn();
    // Wake every waiter: a new worker is idle, or the pool is broken and they prepare here.
    for (const wake of this.waiting.splice(0)) wake();
  }

  private release(worker: Worker): void {
    const queued = this.load.get(worker);
    if (queued !== undefined) this.load.set(worker, queued - 1);
    this.waiting.shift()?.();
  }

  /** The live worker with the fewest queued tasks, when one has room. */
  private leastLoaded(): Worker | null {
    let best: Worker | null = null;
    for (const [worker, queued] of this.load) if (queued < QUEUE_PER_WORKER && (best === null || queued < this.load.get(best)!)) best = worker;
    return best;
  }

  async prepare(bytes: Uint8Array, name: string, held?: HeldVersion): Promise<PrepareOutcome> {
    let worker = this.leastLoaded();
    while (!worker && !this.broken) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      worker = this.leastLoaded();
    }
    if (this.broken || !worker) return prepareSource(bytes, name, held);
    this.load.set(worker, this.load.get(worker)! + 1);
    const task: PrepareTask = { id: this.nextId++, name, bytes, ...(held ? { held } : {}) };
    return new Promise<PrepareOutcome>((resolve) => {
      this.pending.set(task.id, { resolve, worker, task });
      worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
  }
}

import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { problem } from "../model/problems.js";
import { type HeldVersion, type PrepareOutcome, prepareSource } from "./prepare.js";
import type { PrepareTask } from "./prepare-worker.js";

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

/** Node 20 does not pass tsx's loader to worker threads: a TypeScript worker registers it first. */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith(".ts")) return new Worker(url);
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true });
}

/** What a worker thread answers: that it started a task, then the task's outcome. */
export type PrepareMessage = { id: number; started: true } | { id: number; outcome: PrepareOutcome };

interface Pending {
  resolve: (outcome: PrepareOutcome) => void;
  worker: Worker;
  task: PrepareTask;
  /** Set once the worker starts the task: the time limit runs from then. */
  timer?: NodeJS.Timeout;
}

/**
 * Seconds a worker may spend on one file by default. Parsing is linear, and the largest inputs
 * (16 MB of text) take a few seconds; a file still at work after this is failed alone, and its
 * worker replaced, rather than stalling the load.
 */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 30;

export interface WorkerPoolOptions {
  /** Seconds one file may take (default `DEFAULT_FILE_TIMEOUT_SECONDS`). */
  fileTimeout?: number;
  /** The worker module (default: prepare-worker); it answers as `PrepareMessage` says. */
  workerUrl?: URL;
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
  private readonly fileTimeout: number;
  private readonly workerUrl: URL;

  constructor(
    readonly size = Math.max(1, availableParallelism()),
    options: WorkerPoolOptions = {},
  ) {
    this.capacity = size * QUEUE_PER_WORKER;
    this.fileTimeout = options.fileTimeout ?? DEFAULT_FILE_TIMEOUT_SECONDS;
    this.workerUrl = options.workerUrl ?? WORKER_URL;
    for (let i = 0; i < size; i++) this.spawn();
  }

  /** Set when a worker dies before starting any task: threads do not work here, so this thread prepares. */
  private broken = false;
  private readonly proven = new WeakSet<Worker>();

  private spawn(): void {
    const worker = startWorker(this.workerUrl);
    worker.unref();
    worker.on("message", (message: PrepareMessage) => {
      const pending = this.pending.get(message.id);
      // a worker that starts a task works: if it dies now, the task is to blame, not threads
      this.proven.add(worker);
      if ("started" in message) {
        if (pending) pending.timer = setTimeout(() => this.timeOut(message.id), this.fileTimeout * 1000);
        return;
      }
      clearTimeout(pending?.timer);
      pending?.resolve(message.outcome);
      this.pending.delete(message.id);
      this.release(worker);
    });
    // A worker that dies fails its task, not the ingest: the file is reported and a new worker takes its place.
    worker.on("error", (e) => this.replace(worker, `the worker thread failed: ${e.message}`));
    worker.on("exit", (code) => this.replace(worker, `the worker thread exited with code ${code}`));
    this.workers.add(worker);
    this.load.set(worker, 0);
  }

  /**
   * A task past the time limit: it fails, its worker (busy with it, and perhaps forever) is
   * stopped and replaced, and the tasks queued behind it go to the live workers.
   */
  private timeOut(id: number): void {
    const p = this.pending.get(id);
    if (!p || !this.workers.has(p.worker)) return;
    this.pending.delete(id);
    p.resolve({ ok: false, problems: [problem("timeout", `took longer than ${this.fileTimeout} s`)] });
    this.replace(p.worker, null);
    void p.worker.terminate();
  }

  /**
   * A worker gone: failed or exited (`reason`), or stopped by the pool (null). The task a failed
   * worker was at fails, unless the pool is broken (the worker never started a task: threads do
   * not work here, and this thread prepares everything); the other tasks are sent again.
   */
  private replace(worker: Worker, reason: string | null): void {
    if (!this.workers.delete(worker)) return;
    if (!this.closed && reason !== null && !this.proven.has(worker)) this.broken = true;
    const again: Pending[] = [];
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      clearTimeout(p.timer);
      if (this.broken) prepareSource(p.task.bytes, p.task.name, p.task.held).then(p.resolve);
      else if (p.timer && reason !== null) p.resolve({ ok: false, problems: [problem("internal-error", reason)] });
      else again.push(p);
    }
    this.load.delete(worker);
    if (this.closed) return;
    if (!this.broken) this.spawn();
    for (const p of again) this.send(p.task, p.resolve, this.leastLoaded(Infinity)!);
    // Wake every waiter: a new worker is idle, or the pool is broken and they prepare here.
    for (const wake of this.waiting.splice(0)) wake();
  }

  private release(worker: Worker): void {
    const queued = this.load.get(worker);
    if (queued !== undefined) this.load.set(worker, queued - 1);
    this.waiting.shift()?.();
  }

  /** The live worker with the fewest queued tasks, when one has fewer than `room`. */
  private leastLoaded(room = QUEUE_PER_WORKER): Worker | null {
    let best: Worker | null = null;
    for (const [worker, queued] of this.load) if (queued < room && (best === null || queued < this.load.get(best)!)) best = worker;
    return best;
  }

  private send(task: PrepareTask, resolve: (outcome: PrepareOutcome) => void, worker: Worker): void {
    this.load.set(worker, this.load.get(worker)! + 1);
    this.pending.set(task.id, { resolve, worker, task });
    worker.postMessage(task);
  }

  async prepare(bytes: Uint8Array, name: string, held?: HeldVersion): Promise<PrepareOutcome> {
    let worker = this.leastLoaded();
    while (!worker && !this.broken) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      worker = this.leastLoaded();
    }
    if (this.broken || !worker) return prepareSource(bytes, name, held);
    const task: PrepareTask = { id: this.nextId++, name, bytes, ...(held ? { held } : {}) };
    return new Promise<PrepareOutcome>((resolve) => this.send(task, resolve, worker));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.values()) clearTimeout(p.timer);
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
  }
}

import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import type { FastifyError } from "fastify";
import { startWorker } from "../registry/start-worker.js";
import type { Store } from "../registry/store.js";
import { type ReadArgument, type ReadName, type ReadResult, runRead } from "./read-operations.js";
import type { ReadAnswer, ReadTask } from "./read-worker.js";

/**
 * Where the server runs its costly reads (src/server/read-operations.ts): in worker threads,
 * each with its own connection to the registry, so that the event loop stays free for every
 * other request whatever a search costs. SQLite's driver is synchronous: a long query run here
 * would stop every request for its whole length, and nothing can interrupt it; in a worker it
 * stops only that worker, and the pool answers 503 at the time limit and replaces the worker.
 * On PostgreSQL the workers' connections carry a statement_timeout of the same limit, so the
 * database stops the query and each worker runs several reads side by side.
 *
 * Without a location another thread can open (an in-memory registry, or none given), the reads
 * run in this thread, with the same answers.
 */

export interface ReadPoolOptions {
  /** Worker threads (default 2: the reads of one slow request do not hold up the next). */
  size?: number;
  /** A read still queued or running after this long is answered 503 (and a running one stopped). */
  timeLimitMs?: number;
  /** Reads waiting for a worker beyond this many are answered 503 at once. */
  maxQueued?: number;
  /**
   * Reads each worker runs at once. Default 1 on SQLite (its driver is synchronous: a second
   * read would only wait inside the worker); 2 on PostgreSQL, whose server runs a worker's
   * queries side by side: under the load bench's attack (2 cores shared with the database) 8
   * answered fewer costly requests, 8 of them 503, with the same latency of the cheap routes.
   */
  perWorker?: number;
}

/** JSON text of a value of type T, written in a read worker. */
export type JsonText<T> = string & { readonly json: T };

/**
 * JSON text as a route's reply: fastify sends a string as it is, and the route's type provider
 * checks the value the text holds against the route's response schema.
 */
export function asReply<T>(text: JsonText<T>): T {
  return text as unknown as T;
}

/** Every read's time limit: far above any bounded request (tens of ms), far below a client's patience. */
export const READ_TIME_LIMIT_MS = 5_000;
const MAX_QUEUED = 64;

/** A 503 naming what to do, with the seconds a client should wait before retrying. */
export function unavailable(message: string, retryAfterSeconds: number): FastifyError {
  return Object.assign(new Error(message), { statusCode: 503, code: "REGISTRY_503", retryAfter: retryAfterSeconds, name: "Service Unavailable" }) as FastifyError;
}

const WORKER_URL = new URL(`./read-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);

interface Job {
  task: ReadTask;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** Runs out the job's wait in the queue, then its run in a worker. */
  timer: NodeJS.Timeout | null;
  /**
   * Answered 503 at its time limit while its worker, which could not be stopped without stopping
   * its other reads, still runs it: it holds its place in the worker until the worker's late
   * answer (dropped) comes, so that reads given up on never pile up behind the limit.
   */
  expired?: boolean;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The jobs the worker is running, by task id. */
  jobs: Map<number, Job>;
}

type WorkerMessage = ReadAnswer | { ready: true } | { ready: false; message: string };

/** The error a worker reported, as this thread's handlers know it. */
function revive(error: Extract<ReadAnswer, { ok: false }>["error"], limitMs: number): Error {
  // PostgreSQL's statement_timeout stopped the query.
  if (error.code === "57014") return unavailable(`the registry stopped a query that ran past the ${limitMs / 1000} s limit; narrow the request (fewer words or prefixes, a filter)`, 1);
  return Object.assign(new Error(error.message), error);
}

export class ReadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private closed = false;
  /** Set when no worker could open the registry: the reads run in this thread. */
  private broken = false;
  readonly timeLimitMs: number;
  private readonly size: number;
  private readonly maxQueued: number;
  private readonly perWorker: number;
  /** Whether the database stops a worker's query at the time limit itself (PostgreSQL's statement_timeout). */
  private readonly interruptible: boolean;

  constructor(
    private readonly store: Store,
    private readonly location: string | null,
    options: ReadPoolOptions = {},
  ) {
    this.timeLimitMs = options.timeLimitMs ?? READ_TIME_LIMIT_MS;
    this.size = options.size ?? 2;
    this.maxQueued = options.maxQueued ?? MAX_QUEUED;
    this.interruptible = store.dialect === "postgres";
    this.perWorker = Math.max(1, options.perWorker ?? (this.interruptible ? 2 : 1));
    if (location) for (let i = 0; i < this.size; i++) this.spawn();
  }

  /** Whether reads run in worker threads (false: in this thread). */
  get threaded(): boolean {
    return this.location !== null && !this.broken;
  }

  private spawn(): void {
    const worker = startWorker(WORKER_URL, { location: this.location, options: { statementTimeoutMs: this.timeLimitMs, parallelQueries: false, migrate: false } });
    worker.unref();
    const slot: Slot = { worker, ready: false, jobs: new Map() };
    worker.on("message", (message: WorkerMessage) => {
      if ("ready" in message) {
        if (message.ready) this.becameReady(slot);
        else this.lost(slot, message.message);
        return;
      }
      const job = slot.jobs.get(message.id);
      if (!job) return;
      slot.jobs.delete(message.id);
      if (job.timer) clearTimeout(job.timer);
      if (job.expired) {
        this.dispatch();
        return;
      }
      if (message.ok) job.resolve(message.value);
      else job.reject(revive(message.error, this.timeLimitMs));
      this.dispatch();
    });
    worker.on("error", (e) => this.lost(slot, e.message));
    worker.on("exit", (code) => this.lost(slot, `exit code ${code}`));
    this.slots.push(slot);
  }

  private becameReady(slot: Slot): void {
    slot.ready = true;
    // The queue's waits count from when a worker can take a job: starting the threads (loading
    // the code, opening the registry) takes seconds on a loaded machine, and is nobody's request.
    for (const job of this.queue) if (!job.timer) job.timer = setTimeout(() => this.expire(job), this.timeLimitMs);
    this.dispatch();
  }

  private lost(slot: Slot, reason: string): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    void slot.worker.terminate();
    for (const job of slot.jobs.values()) {
      if (job.timer) clearTimeout(job.timer);
      if (!job.expired) job.reject(new Error(`the read worker stopped: ${reason}`));
    }
    slot.jobs.clear();
    if (this.closed) return;
    if (!slot.ready && !this.slots.some((s) => s.ready)) {
      // No worker could start (or open the registry): read in this thread rather than fail every request.
      this.broken = true;
      for (const other of this.slots.splice(0)) void other.worker.terminate();
      for (const job of this.queue.splice(0)) {
        if (job.timer) clearTimeout(job.timer);
        runRead(this.store, job.task.name, job.task.argument as never).then((value) => job.resolve(job.task.json && value !== null ? JSON.stringify(value) : value), job.reject);
      }
      return;
    }
    this.spawn();
    this.dispatch();
  }

  /** Runs a read in a free worker (queued until one is), or in this thread without workers. */
  run<K extends ReadName>(name: K, argument: ReadArgument<K>): Promise<ReadResult<K>> {
    return this.submit(name, argument, false) as Promise<ReadResult<K>>;
  }

  /**
   * The same read, answered as JSON text (null when the read found nothing): written in the
   * worker, so that a large answer (a series view is 1.6 MB) costs this thread neither reading
   * it back nor writing it out.
   */
  json<K extends ReadName>(name: K, argument: ReadArgument<K>): Promise<JsonText<NonNullable<ReadResult<K>>> | (null extends ReadResult<K> ? null : never)> {
    return this.submit(name, argument, true) as Promise<JsonText<NonNullable<ReadResult<K>>> | (null extends ReadResult<K> ? null : never)>;
  }

  private submit<K extends ReadName>(name: K, argument: ReadArgument<K>, json: boolean): Promise<unknown> {
    if (!this.location || this.closed || this.broken) return runRead(this.store, name, argument).then((value) => (json && value !== null ? JSON.stringify(value) : value));
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(unavailable(`the server is busy with ${this.queue.length} requests waiting; retry in a few seconds`, 2));
    }
    return new Promise<unknown>((resolve, reject) => {
      const job: Job = { task: { id: this.nextId++, name, argument, json }, resolve, reject, timer: null };
      if (this.slots.some((s) => s.ready)) job.timer = setTimeout(() => this.expire(job), this.timeLimitMs);
      this.queue.push(job);
      this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      while (slot.ready && slot.jobs.size < this.perWorker) {
        const job = this.queue.shift();
        if (!job) return;
        if (job.timer) clearTimeout(job.timer);
        job.timer = setTimeout(() => this.expire(job), this.timeLimitMs);
        slot.jobs.set(job.task.id, job);
        slot.worker.postMessage(job.task);
      }
    }
  }

  /** The time limit passed: a queued job is dropped; a running one answered 503 and stopped. */
  private expire(job: Job): void {
    const queued = this.queue.indexOf(job);
    const limit = `${this.timeLimitMs / 1000} s`;
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(unavailable(`the server is busy: the request waited ${limit} (its time limit) for the registry; retry in a few seconds`, 2));
      return;
    }
    const slot = this.slots.find((s) => s.jobs.get(job.task.id) === job);
    if (!slot) return;
    if (job.expired) {
      // Another whole limit without the late answer: the worker is stuck, not the query.
      this.replace(slot);
      return;
    }
    job.reject(unavailable(`the request ran past its time limit of ${limit} and was stopped; narrow it (fewer words or prefixes, a filter)`, 1));
    // PostgreSQL's statement_timeout stops the query in the database: the worker and its other
    // reads run on, and the late answer is dropped. A synchronous SQLite query can only be
    // stopped with its worker.
    if (this.interruptible) {
      job.expired = true;
      job.timer = setTimeout(() => this.expire(job), this.timeLimitMs);
      return;
    }
    this.replace(slot);
  }

  /** Stops a worker and starts another; its reads not yet answered, innocent of the delay, go back to the front of the queue. */
  private replace(slot: Slot): void {
    for (const job of slot.jobs.values()) {
      if (!job.expired) this.queue.unshift(job);
      else if (job.timer) clearTimeout(job.timer);
    }
    slot.jobs.clear();
    this.slots.splice(this.slots.indexOf(slot), 1);
    void slot.worker.terminate();
    if (!this.closed) {
      this.spawn();
      this.dispatch();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      if (job.timer) clearTimeout(job.timer);
      job.reject(unavailable("the server is shutting down", 5));
    }
    await Promise.all(
      this.slots.splice(0).map(
        (slot) =>
          new Promise<void>((resolve) => {
            const stop = setTimeout(() => void slot.worker.terminate().then(() => resolve()), 2_000);
            slot.worker.once("exit", () => {
              clearTimeout(stop);
              resolve();
            });
            slot.worker.postMessage({ close: true });
          }),
      ),
    );
  }
}

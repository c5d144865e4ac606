import { setPriority } from "node:os";
import { Worker } from "node:worker_threads";

/**
 * Called inside a worker thread: it yields the cores to the thread that started it, which
 * writes what an ingest prepares and, under `serve`, answers every request. Linux keeps a
 * niceness per thread; elsewhere it would lower the whole process, so it is left alone there.
 */
export function yieldToMainThread(niceness = 10): void {
  if (process.platform !== "linux") return;
  try {
    setPriority(niceness);
  } catch {
    // a sandbox that refuses it only costs speed
  }
}

/**
 * A worker thread running the module at `url`. Node 20 does not pass tsx's loader to worker
 * threads, so a TypeScript module (the tests run the sources) registers it first; the built
 * JavaScript starts directly.
 */
export function startWorker(url: URL, workerData?: unknown): Worker {
  if (!url.pathname.endsWith(".ts")) return new Worker(url, { workerData });
  const bootstrap = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

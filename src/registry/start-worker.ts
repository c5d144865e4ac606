import { Worker } from "node:worker_threads";

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

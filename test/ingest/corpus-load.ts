import { Worker } from "node:worker_threads";
import type { LoadResult } from "./load-worker.js";

// The worker is TypeScript: it registers tsx's loader before importing it (workers do not
// inherit the parent's --import hooks on Node 20).
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL("./load-worker.ts", import.meta.url).href)}); });`;

/** Loads files through `readResolution` in two worker threads (the machine has two cores). */
export async function loadAll(files: string[], workers = 2): Promise<LoadResult[]> {
  const chunks = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const parts = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<LoadResult[]>((resolve, reject) => {
          const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { files: chunk } });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
    ),
  );
  return parts.flat();
}

import { parentPort, workerData } from "node:worker_threads";
import { scanDuplication } from "./duplication-cache.js";
import { openStore } from "./open.js";
import { yieldToMainThread } from "./start-worker.js";

/**
 * A worker thread that scans the registry for the duplication report on its own connection and
 * stores it (src/registry/duplication-cache.ts): the scan reads every document (20-40 s on the
 * corpus), which in the server's thread would stop every request for as long.
 */
yieldToMainThread();
const { location, stamp } = workerData as { location: string; stamp: string };
const port = parentPort!;
try {
  // The server opened (and migrated) the registry before it started this scan.
  const store = await openStore(location, { migrate: false });
  try {
    await scanDuplication(store, stamp);
  } finally {
    await store.close();
  }
  port.postMessage({ ok: true });
} catch (e) {
  port.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
}

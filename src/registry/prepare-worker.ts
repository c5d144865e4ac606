import { parentPort } from "node:worker_threads";
import { type HeldVersion, prepareSource } from "./prepare.js";

/** Worker thread of the ingest pool: `{id, name, bytes, held}` in, `{id, outcome}` out. */
export interface PrepareTask {
  id: number;
  name: string;
  bytes: Uint8Array;
  held?: HeldVersion;
}

parentPort?.on("message", async (task: PrepareTask) => {
  const outcome = await prepareSource(task.bytes, task.name, task.held);
  // Copied, not transferred: a small Buffer's ArrayBuffer is Node's shared pool.
  parentPort!.postMessage({ id: task.id, outcome });
});

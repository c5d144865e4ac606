import { parentPort } from "node:worker_threads";
import { prepareSource } from "./prepare.js";

/** Worker thread of the ingest pool: `{id, name, bytes}` in, `{id, outcome}` out. */
export interface PrepareTask {
  id: number;
  name: string;
  bytes: Uint8Array;
}

parentPort?.on("message", async (task: PrepareTask) => {
  const outcome = await prepareSource(task.bytes, task.name);
  // Copied, not transferred: a small Buffer's ArrayBuffer is Node's shared pool.
  parentPort!.postMessage({ id: task.id, outcome });
});

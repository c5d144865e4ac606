import { parentPort } from "node:worker_threads";
import { prepareSource } from "../../src/registry/prepare.js";
import type { PrepareTask } from "../../src/registry/prepare-worker.js";
import type { PrepareMessage } from "../../src/registry/worker-pool.js";

/**
 * A worker of the ingest pool (the protocol of src/registry/prepare-worker.ts) that prepares
 * files as the real one does, except a file whose name says "endless", at which it works
 * forever, and one whose name says "crash", at which its thread exits: what the pool must stop
 * or survive.
 */
const answer = (message: PrepareMessage) => parentPort!.postMessage(message);

parentPort?.on("message", async (task: PrepareTask) => {
  answer({ id: task.id, started: true });
  if (task.name.includes("endless")) for (;;);
  if (task.name.includes("crash")) process.exit(3);
  answer({ id: task.id, outcome: await prepareSource(task.bytes, task.name, task.held) });
});

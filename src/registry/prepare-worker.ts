import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { type HeldVersion, prepareSource } from "./prepare.js";
import { WordSet } from "./search-words.js";
import type { PrepareMessage } from "./worker-pool.js";

/**
 * Worker thread of the ingest pool: `{id, name, bytes, held}` in; `{id, started}` when it starts
 * a task (the pool's time limit for the file runs from then), `{id, outcome}` when done.
 */
export interface PrepareTask {
  id: number;
  name: string;
  bytes: Uint8Array;
  held?: HeldVersion;
}

/**
 * The pool's threads yield to the thread that started them, which writes every document they
 * prepare (the ingest's narrowest stage) and, under `serve`, answers requests. Sharing the
 * cores equally, its writes of the corpus took 19 s for 11 s of CPU; at this niceness the
 * corpus load went from 274-288 to 288-305 documents/s on two cores. Linux keeps a niceness per
 * thread; elsewhere it would lower the whole process, so it is left alone there.
 */
const NICENESS = 10;
if (process.platform === "linux") {
  try {
    setPriority(NICENESS);
  } catch {
    // a sandbox that refuses it only costs speed
  }
}

/**
 * Dictionary words this thread has handed over already. The store adds every word it is handed
 * to the dictionary, whatever becomes of the document (sql-store/writes.ts, `pendingWords`), so one
 * mention per thread suffices: the corpus's documents hold 3.8 million words, 160,000 distinct,
 * and copying and checking them all cost the writing thread 3 s of a 27 s load.
 */
const handedOver = new WordSet();

const answer = (message: PrepareMessage) => parentPort!.postMessage(message);

parentPort?.on("message", async (task: PrepareTask) => {
  answer({ id: task.id, started: true });
  const outcome = await prepareSource(task.bytes, task.name, task.held, handedOver);
  // Copied, not transferred: a small Buffer's ArrayBuffer is Node's shared pool.
  answer({ id: task.id, outcome });
});

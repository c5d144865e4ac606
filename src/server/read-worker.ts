import { parentPort, workerData } from "node:worker_threads";
import { openStore } from "../registry/open.js";
import { yieldToMainThread } from "../registry/start-worker.js";
import type { OpenOptions } from "../registry/store.js";
import { type ReadName, runRead } from "./read-operations.js";

/**
 * A worker thread of the read pool (src/server/read-pool.ts): opens its own connection to the
 * registry and runs the reads it is sent (as many at once as the pool sends: one on SQLite),
 * answering each with its value or its error (name, message, and the HTTP status the error
 * carries, if any).
 */

export interface ReadTask {
  id: number;
  name: ReadName;
  argument: unknown;
  /** Answer with the value as JSON text (null stays null): the server sends it as it is, without reading it again. */
  json?: boolean;
}

export type ReadAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string; statusCode?: number; code?: string } };

// The server's thread answers every request; the reads wait for it, not the other way round.
yieldToMainThread();
const { location, options } = workerData as { location: string; options: OpenOptions };
const port = parentPort!;
const opened = openStore(location, options);
// Ready once the registry is open; one that cannot be opened is reported, and the pool reads in its own thread.
opened.then(
  () => port.postMessage({ ready: true }),
  (e: unknown) => port.postMessage({ ready: false, message: e instanceof Error ? e.message : String(e) }),
);

port.on("message", async (message: ReadTask | { close: true }) => {
  if ("close" in message) {
    await (await opened.catch(() => null))?.close().catch(() => undefined);
    port.close();
    return;
  }
  let answer: ReadAnswer;
  try {
    const value: unknown = await runRead(await opened, message.name, message.argument as never);
    answer = { id: message.id, ok: true, value: message.json && value !== null ? JSON.stringify(value) : value };
  } catch (e) {
    const error: Error & { statusCode?: unknown; code?: unknown } = e instanceof Error ? e : new Error(String(e));
    answer = {
      id: message.id,
      ok: false,
      error: {
        name: error.name,
        message: error.message,
        ...(typeof error.statusCode === "number" ? { statusCode: error.statusCode } : {}),
        ...(typeof error.code === "string" ? { code: error.code } : {}),
      },
    };
  }
  port.postMessage(answer);
});

import { Buffer } from "node:buffer";
import { open } from "node:fs/promises";
import { MAX_INPUT_BYTES } from "../ingest/read.js";

/**
 * Reading an input file within the size limit, whatever the file is. A regular file's size is
 * known before reading, and one over the limit is not read at all (a sparse file of a terabyte
 * costs a stat); anything else (a device such as /dev/zero, a pipe, a FIFO, a file that grows
 * while it is read) is read in chunks and reading stops one byte past the limit. Reading the
 * whole file first had `parse /dev/zero` grow until it was killed.
 */

export type FileRead =
  | { ok: true; bytes: Uint8Array }
  /** Over the limit: `bytes` is the size a stat gave, or null when reading stopped at the limit. */
  | { ok: false; tooLarge: { bytes: number | null; limit: number } };

/** Chunks read from files whose size is not known beforehand. */
const CHUNK = 1024 * 1024;

/**
 * The bytes of `path`, or how it is over `limit` bytes. Throws what opening or reading throws
 * (no such file, permission denied, a folder), as `readFile` does.
 */
export async function readFileWithin(path: string, limit = MAX_INPUT_BYTES): Promise<FileRead> {
  const handle = await open(path, "r");
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error("it is a folder, not a file"), { code: "EISDIR" });
    if (info.isFile() && info.size > limit) return { ok: false, tooLarge: { bytes: info.size, limit } };
    // a regular file in one read of its size (and one more byte, in case it grew); anything
    // else by chunks, never more than the limit and one byte in all
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const room = limit + 1 - total;
      const buffer = Buffer.allocUnsafeSlow(Math.min(room, info.isFile() && total === 0 ? info.size + 1 : CHUNK));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { ok: false, tooLarge: { bytes: null, limit } };
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) };
  } finally {
    await handle.close();
  }
}

/** Why a file could not be opened or read, without its path (the caller names the file): "permission denied (EACCES)". */
export function readFailure(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  const known: Record<string, string> = {
    ENOENT: "no such file or folder",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "it is a folder, not a file",
    ELOOP: "too many symbolic links (a loop)",
    ENOTDIR: "a part of the path is not a folder",
    ENXIO: "no such device, or a socket",
    EIO: "input/output error",
  };
  if (typeof code === "string" && known[code]) return `${known[code]} (${code})`;
  return e instanceof Error ? e.message : String(e);
}

import { readResolution, tooLarge } from "../ingest/read.js";
import type { Resolution, SourceFormat } from "../model/types.js";
import { readFailure, readFileWithin } from "../registry/read-file.js";

/** What the CLI touches of the outside world; tests pass their own to run commands in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** A file over the size limit: refused without reading past the limit. */
export class InputTooLarge extends Error {
  override readonly name = "InputTooLarge";
}

export const processIO: CliIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: async (path) => {
    const read = await readFileWithin(path);
    if (!read.ok) throw new InputTooLarge(tooLarge(read.tooLarge.bytes).message);
    return read.bytes;
  },
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
};

/** Captures output in memory: for tests. */
export function memoryIO(files: Record<string, Uint8Array | string> = {}, fallback?: CliIO["readFile"]): CliIO & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    async readFile(path: string) {
      const f = files[path];
      if (f !== undefined) return typeof f === "string" ? new TextEncoder().encode(f) : f;
      if (fallback) return fallback(path);
      throw new Error(`ENOENT: no such file ${path}`);
    },
    isTTY: false,
    env: {} as Record<string, string | undefined>,
  };
  return io;
}

/** One input file read as a resolution: the document, or a message naming what went wrong. */
export type InputResult =
  | { ok: true; document: Resolution }
  | { ok: false; message: string; unreadable: boolean };

/** Reads and parses one file (not enriched); every command that takes files goes through here. */
export async function readInputFile(
  file: string,
  io: CliIO,
  format?: SourceFormat,
): Promise<InputResult> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (e) {
    if (e instanceof InputTooLarge) return { ok: false, message: e.message, unreadable: false };
    return { ok: false, message: `cannot read: ${readFailure(e)}`, unreadable: true };
  }
  const parsed = await readResolution(bytes, { name: file, ...(format ? { format } : {}) });
  if (!parsed.ok) return { ok: false, message: parsed.problems.map((p) => p.message).join("; "), unreadable: false };
  return { ok: true, document: parsed.document };
}

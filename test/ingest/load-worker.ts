/**
 * Worker for the whole-corpus tests: reads the files it is given through `readResolution` and
 * posts back, per file, whether it gave a document or the problems that say why not. The
 * corpus tests split the files over two of these to stay within their time budget.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { readResolution } from "../../src/ingest/read.js";

export interface LoadResult {
  file: string;
  ok: boolean;
  /** For documents: preamble, operative and footnote counts; for failures: the error messages. */
  preamble?: number;
  operative?: number;
  footnotes?: number;
  language?: string;
  errors?: { code: string; severity: string; message: string }[];
}

const results: LoadResult[] = [];
for (const file of workerData.files as string[]) {
  try {
    const parsed = await readResolution(new Uint8Array(readFileSync(file)), { name: file });
    if (parsed.ok) {
      const d = parsed.document;
      results.push({ file, ok: true, preamble: d.preamble.length, operative: d.operative.length, footnotes: d.footnotes.length, language: d.meta.language });
    } else {
      results.push({ file, ok: false, errors: parsed.problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message })) });
    }
  } catch (e) {
    results.push({ file, ok: false, errors: [{ code: "THROWN", severity: "error", message: e instanceof Error ? e.message : String(e) }] });
  }
}
parentPort!.postMessage(results);

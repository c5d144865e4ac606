import "../ingest/decoders.js";
import { enrich } from "../enrich/index.js";
import { readResolution } from "../ingest/read.js";
import type { SourceFormat } from "../model/types.js";
import { type PreparedDocument, prepareDocument } from "./rows.js";

/**
 * Bytes to the rows the store writes: read (any registered format), enrich, flatten, compress.
 * The CPU-heavy half of ingesting, free of the database so that worker threads can run it.
 */

export type PrepareOutcome =
  | { ok: true; prepared: PreparedDocument; format: SourceFormat }
  | { ok: false; reasons: string[] };

export async function prepareSource(bytes: Uint8Array, name: string): Promise<PrepareOutcome> {
  try {
    const parsed = await readResolution(bytes, { name });
    if (!parsed.ok) return { ok: false, reasons: parsed.problems.filter((p) => p.severity === "error").map((p) => `${p.code}: ${p.message}`) };
    const document = enrich(parsed.document);
    if (!document.meta.symbol) return { ok: false, reasons: ["no-symbol: no document symbol was found, so the text cannot be filed"] };
    return { ok: true, prepared: prepareDocument(document), format: document.source.format };
  } catch (e) {
    return { ok: false, reasons: [`internal-error: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

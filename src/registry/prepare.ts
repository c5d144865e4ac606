import { enrich } from "../enrich/index.js";
import { readResolution } from "../ingest/read.js";
import { problem } from "../model/problems.js";
import type { Language, Problem, SourceFormat } from "../model/types.js";
import { type PreparedDocument, prepareDocument, prepareRendition } from "./rows.js";
import type { WordSet } from "./search-words.js";
import { outranks, symbolRequired } from "./store.js";

/**
 * Bytes to the rows the store writes: read (any registered format), enrich, flatten, compress.
 * The CPU-heavy half of ingesting, free of the database so that worker threads can run it.
 */

export type PrepareOutcome =
  | { ok: true; prepared: PreparedDocument; format: SourceFormat }
  | { ok: false; problems: Problem[] };

/**
 * What the registry holds of the document a file is expected to be (by its name), when it holds
 * it in a more authoritative format than the file's: if the file turns out to be that document,
 * it will be a rendition and is prepared as one.
 */
export interface HeldVersion {
  symbol: string;
  language: Language;
  format: SourceFormat;
}

/** `seen`: the words this thread has handed over already (`documentRows`). */
export async function prepareSource(bytes: Uint8Array, name: string, held?: HeldVersion, seen?: WordSet): Promise<PrepareOutcome> {
  try {
    const parsed = await readResolution(bytes, { name });
    if (!parsed.ok) return { ok: false, problems: parsed.problems.filter((p) => p.severity === "error") };
    const { meta, source } = parsed.document;
    if (!meta.symbol) return { ok: false, problems: [symbolRequired()] };
    if (held && held.symbol === meta.symbol && held.language === meta.language && outranks(held.format, source.format)) {
      return { ok: true, prepared: prepareRendition(parsed.document), format: source.format };
    }
    const document = enrich(parsed.document);
    return { ok: true, prepared: prepareDocument(document, seen), format: document.source.format };
  } catch (e) {
    return { ok: false, problems: [problem("internal-error", e instanceof Error ? e.message : String(e))] };
  }
}

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { problem } from "../../model/problems.js";
import type { Problem } from "../../model/types.js";

/**
 * PDF bytes to positioned text items with pdfjs (legacy build, in-process: on Node pdfjs runs its
 * "worker" on the main thread, and nothing is fetched from the network: fonts are not loaded as
 * font faces, and the standard-font and CMap data come from the pdfjs-dist package itself).
 *
 * Failures are values, not exceptions: a damaged, truncated, password-protected or image-only
 * PDF gives a `LoadFailure` with a message a person can act on.
 */

/** One run of text as pdfjs reports it, in PDF user space (origin bottom left, y upwards). */
export interface TextRun {
  str: string;
  /** Left end of the baseline. */
  x: number;
  /** Baseline. */
  y: number;
  /** Advance width of the whole run. */
  width: number;
  /** Font size (the height of the text matrix). */
  size: number;
  font: string;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
}

export interface LoadedPdf {
  pages: PdfPage[];
  /** Characters of text found, white space excluded. */
  chars: number;
}

/** Why a PDF could not be loaded. */
export type LoadFailure = Problem;

export interface LoadOptions {
  /** Give up after this many milliseconds (a hostile file must not hang a batch). */
  timeoutMs?: number;
  /** Refuse documents with more pages than this: resolutions are short. */
  maxPages?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_PAGES = 1_000;

// Minimal shapes of the pdfjs API used here (the package's own types are loose on text items).
interface PdfjsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}
interface PdfjsPage {
  getViewport(p: { scale: number }): { width: number; height: number };
  view: number[];
  getTextContent(p?: Record<string, unknown>): Promise<{ items: PdfjsTextItem[] }>;
  cleanup(): void;
}
interface PdfjsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfjsPage>;
  destroy(): Promise<void>;
}
interface PdfjsLoadingTask {
  promise: Promise<PdfjsDocument>;
  destroy(): Promise<void>;
}
interface Pdfjs {
  getDocument(src: Record<string, unknown>): PdfjsLoadingTask;
  VerbosityLevel: { ERRORS: number };
}

/**
 * Built-ins that pdfjs's legacy build (the one that runs on Node 20) replaces when it loads:
 * its core-js polyfills swap the engine's JSON.parse, JSON.stringify and Array.prototype.push
 * for JavaScript versions, over standards corners (JSON.rawJSON, pushing onto a frozen length)
 * that neither pdfjs nor this code uses, and every later call in the thread pays for it: after
 * one PDF, an ingest worker prepared documents 2-4 times slower. What the polyfills add (e.g.
 * Promise.withResolvers, which pdfjs needs) stays; what the engine already had is put back.
 */
const GUARDED_BUILTINS: readonly object[] = [JSON, Array.prototype, Function.prototype, Object, String.prototype, Promise, Map.prototype, Set.prototype, Math];

async function keepingNativeBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const before = GUARDED_BUILTINS.map((target) => Object.getOwnPropertyDescriptors(target));
  try {
    return await load();
  } finally {
    GUARDED_BUILTINS.forEach((target, i) => {
      for (const [key, original] of Object.entries(before[i]!)) {
        const now = Object.getOwnPropertyDescriptor(target, key);
        if (now && original.configurable && (now.value !== original.value || now.get !== original.get)) Object.defineProperty(target, key, original);
      }
    });
  }
}

/** A variable, not a literal: the package ships no types for its worker module. */
const PDFJS_WORKER = "pdfjs-dist/legacy/build/pdf.worker.mjs";
let pdfjsModule: Promise<Pdfjs> | undefined;
function pdfjs(): Promise<Pdfjs> {
  // The "worker" module too, now: pdfjs would otherwise import it at the first document, polyfills and all.
  pdfjsModule ??= keepingNativeBuiltins(async () => {
    const [lib] = await Promise.all([import("pdfjs-dist/legacy/build/pdf.mjs"), import(PDFJS_WORKER)]);
    return lib as unknown as Pdfjs;
  });
  return pdfjsModule;
}

/** Folders of the data files shipped with pdfjs-dist (file paths: pdfjs reads them with fs on Node). */
function dataFolders(): { cMapUrl: string; standardFontDataUrl: string } | null {
  try {
    const require = createRequire(import.meta.url);
    const root = dirname(dirname(dirname(require.resolve("pdfjs-dist/legacy/build/pdf.mjs"))));
    return { cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/" };
  } catch {
    return null;
  }
}

const ascii = (bytes: Uint8Array, from: number, to: number): string => {
  let s = "";
  for (let i = Math.max(0, from); i < Math.min(bytes.length, to); i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/** Checks that need no parsing: the header and the end-of-file marker of a complete file. */
export function checkEnvelope(bytes: Uint8Array): LoadFailure | null {
  if (bytes.length === 0) return problem("empty", "the file is empty");
  const head = ascii(bytes, 0, 1024);
  if (!head.includes("%PDF-")) return problem("pdf-invalid", "the file is not a PDF (no %PDF- header)");
  // A complete PDF ends with %%EOF (readers accept it within the last kilobyte or so; allow more
  // for files with trailing padding). Without it the file was cut off in transfer.
  const tail = ascii(bytes, bytes.length - 4096, bytes.length);
  if (!tail.includes("%%EOF")) {
    return problem("pdf-truncated", `the PDF is truncated: its ${bytes.length} bytes end without the %%EOF marker of a complete file; download it again`);
  }
  return null;
}

function describe(e: unknown): LoadFailure {
  const name = e && typeof e === "object" && "name" in e ? String((e as { name: unknown }).name) : "";
  const message = e instanceof Error ? e.message : String(e);
  if (name === "PasswordException" || /password/i.test(message)) {
    return problem("pdf-encrypted", "the PDF is encrypted and needs a password to open; save an unprotected copy first");
  }
  if (name === "InvalidPDFException" || /invalid pdf|no pdf header/i.test(message)) {
    return problem("pdf-invalid", `the file is not a readable PDF: its structure is damaged or it was cut short (${message})`);
  }
  return problem("pdf-unreadable", `the PDF could not be read: ${message}`);
}

class Timeout extends Error {}

export async function loadPdf(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedPdf | LoadFailure> {
  const envelope = checkEnvelope(bytes);
  if (envelope) return envelope;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;

  const lib = await pdfjs();
  const folders = dataFolders();
  const task = lib.getDocument({
    // pdfjs takes ownership of (and may detach) the buffer it is given: pass a copy
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    ...(folders ?? {}),
  });

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), timeoutMs);
  });
  let doc: PdfjsDocument | undefined;
  try {
    doc = await Promise.race([task.promise, deadline]);
    if (doc.numPages < 1) return problem("pdf-empty", "the PDF has no pages");
    if (doc.numPages > maxPages) {
      return problem("pdf-too-long", `the PDF has ${doc.numPages} pages; a resolution has far fewer than ${maxPages}`);
    }
    const pages: PdfPage[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await Promise.race([doc.getPage(n), deadline]);
      const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
      const content = await Promise.race([page.getTextContent({ includeMarkedContent: false }), deadline]);
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (typeof item.str !== "string" || !item.str || !item.transform) continue;
        const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
        // upright text only: rotated runs are margin notes or stamps, not the text
        if (Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * Math.abs(d) || a <= 0 || d <= 0) continue;
        const size = Math.hypot(c, d);
        if (!(size > 0.5) || !Number.isFinite(e) || !Number.isFinite(f)) continue;
        runs.push({ str: item.str, x: e - x0, y: f - y0, width: item.width ?? 0, size, font: item.fontName ?? "" });
        chars += item.str.replace(/\s+/g, "").length;
      }
      pages.push({ number: n, width: x1 - x0, height: y1 - y0, runs });
      page.cleanup();
    }
    return { pages, chars };
  } catch (e) {
    if (e instanceof Timeout) {
      return problem("pdf-timeout", `reading the PDF took longer than ${Math.round(timeoutMs / 1000)} s; the file may be damaged`);
    }
    return describe(e);
  } finally {
    clearTimeout(timer);
    // destroying the loading task also destroys the document and its fake worker
    await task.destroy().catch(() => undefined);
  }
}

export function isFailure(x: LoadedPdf | LoadFailure): x is LoadFailure {
  return "code" in x;
}

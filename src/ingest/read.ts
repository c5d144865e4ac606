import { type ProblemCode, problem } from "../model/problems.js";
import { symbolFromFileName } from "../model/symbols.js";
import type { Language, Parsed, Problem, SourceFormat } from "../model/types.js";
import { parseResolutionText } from "../parse/resolution.js";
import { decodeText, detectFormat } from "./decode.js";
import { DECODERS } from "./decoders.js";

/**
 * One entry point from bytes to a document: detects the format (or takes the caller's), runs
 * that format's decoder and the parser. Pure: the caller reads the file.
 */

export interface ReadOptions {
  format?: SourceFormat;
  name?: string;
  language?: Language;
}

export type Decoder = (bytes: Uint8Array, options: ReadOptions) => Parsed | Promise<Parsed>;

/**
 * Size limits. The longest resolutions (programme budgets with annexes) are a few MB of text;
 * PDFs carry fonts and images. Larger inputs are refused at once rather than parsed for
 * seconds into something that is surely not one resolution.
 */
export const MAX_TEXT_BYTES = 16 * 1024 * 1024;
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const TEXT_FORMATS = new Set<SourceFormat>(["ods", "text", "akn", "eosg", "html"]);

/** The language a file's name gives: A_RES_63_231.en.txt, A_RES_70_1.en.paragraphs.json (EOSG). */
export function languageFromName(name: string | undefined): Language | undefined {
  const m = /\.(en|fr|es|ru|ar|zh)(?:\.paragraphs)?\.[a-z]+$/i.exec(name ?? "");
  return m ? (m[1]!.toLowerCase() as Language) : undefined;
}

/**
 * The problem of an input over its limit (`MAX_TEXT_BYTES` for a text format, else
 * `MAX_INPUT_BYTES`): `size` in bytes, or null when reading stopped at the limit (a device, a pipe).
 */
export function tooLarge(size: number | null, format?: SourceFormat): Problem {
  const text = format !== undefined && TEXT_FORMATS.has(format);
  const limit = (text ? MAX_TEXT_BYTES : MAX_INPUT_BYTES) / 1048576;
  const written = size === null ? `more than ${limit} MB` : `${(size / 1048576).toFixed(1)} MB`;
  return text
    ? problem("too-large", `the input is ${written} of ${format} text; a resolution is far below the ${limit} MB limit`)
    : problem("too-large", `the input is ${written}; resolutions are far below the ${limit} MB limit`);
}

export async function readResolution(bytes: Uint8Array, options: ReadOptions = {}): Promise<Parsed> {
  if (bytes.length > MAX_INPUT_BYTES) return { ok: false, problems: [tooLarge(bytes.length)] };
  const format = options.format ?? detectFormat(bytes, options.name);
  if (TEXT_FORMATS.has(format) && bytes.length > MAX_TEXT_BYTES) return { ok: false, problems: [tooLarge(bytes.length, format)] };
  const language = options.language ?? languageFromName(options.name);
  const opts = { ...options, format, ...(language ? { language } : {}) };
  if (format === "ods" || format === "text") {
    // as the decoders below: an exception is a defect, and reported as a problem, never thrown across the core's boundary
    try {
      return readText(bytes, opts);
    } catch (e) {
      return fail("parser-failed", `the text parser failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const decoder = DECODERS.get(format);
  if (!decoder) return fail("unsupported-format", `the ${format} format is not supported yet`);
  try {
    return await decoder(bytes, opts);
  } catch (e) {
    return fail("decoder-failed", `the ${format} decoder failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function readText(bytes: Uint8Array, options: ReadOptions): Parsed {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const parsed = parseResolutionText(decoded.text, { ...options, problems: decoded.problems });
  if (parsed.ok && !parsed.document.meta.symbol) {
    const symbol = symbolFromFileName(options.name);
    if (symbol) {
      parsed.document.meta.symbol = symbol;
      parsed.document.problems.push(problem("symbol-from-name", `the text names no symbol; ${symbol} is taken from the file name`));
    }
  }
  return parsed;
}

function fail(code: ProblemCode, message: string): Parsed {
  return { ok: false, problems: [problem(code, message)] };
}

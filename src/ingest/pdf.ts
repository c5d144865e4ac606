import { problem } from "../model/problems.js";
import type { Parsed, Problem } from "../model/types.js";
import { parseResolutionText } from "../parse/resolution.js";
import { layout, type CoverFacts } from "./pdf/layout.js";
import type { CalloutMark } from "./pdf/lines.js";
import { isFailure, loadPdf, type LoadOptions } from "./pdf/load.js";
import type { ReadOptions } from "./read.js";

/**
 * The PDF decoder: a UN resolution PDF's text layer (read in-process with pdfjs) laid out as the
 * plain text of an ODS export, then read by the text parser with `format: "pdf"`.
 *
 * Never throws and never hangs: a PDF that is truncated, encrypted, damaged, without a text
 * layer or not a resolution gives `{ ok: false }` with a problem saying so.
 */

export interface PdfText {
  ok: true;
  /** The text in the ODS layout that the parser reads. */
  text: string;
  /** Offsets in `text` of the digits the PDF prints as call-outs (superscript). */
  callouts: number[];
  cover: CoverFacts;
  pages: number;
  paragraphs: number;
  footnotes: number;
  problems: Problem[];
}

/** PDF bytes to the text the parser reads (exported for tests and for inspecting a PDF). */
export async function pdfToText(
  bytes: Uint8Array,
  options: { language?: string } & LoadOptions = {},
): Promise<PdfText | { ok: false; problems: Problem[] }> {
  const loaded = await loadPdf(bytes, options);
  if (isFailure(loaded)) return { ok: false, problems: [loaded] };
  if (loaded.chars < 20) {
    return {
      ok: false,
      problems: [problem("pdf-no-text", `the PDF has no text layer (${loaded.pages.length} page(s) of images?); run OCR on it first`)],
    };
  }
  const laid = layout(loaded, options.language);
  if (laid.chars < 100) {
    return {
      ok: false,
      problems: [problem("pdf-no-text", "the PDF's text layer holds nothing but page headers and footers (a scan?); run OCR on it first")],
    };
  }
  return {
    ok: true,
    text: laid.text,
    callouts: findMarks(laid.text, laid.callouts),
    cover: laid.cover,
    pages: loaded.pages.length,
    paragraphs: laid.paragraphs,
    footnotes: laid.footnotes,
    problems: laid.notes.map((n) => problem("pdf-layout", n)),
  };
}

/**
 * Where the call-outs are in the laid-out text: each is looked for, in order, as the digits
 * glued to the last characters before it. One that layout changed beyond recognition (a word
 * rejoined across a line break just before it) is skipped: these are hints, and the parser
 * still finds call-outs by itself.
 */
function findMarks(text: string, marks: readonly CalloutMark[]): number[] {
  const found: number[] = [];
  let cursor = 0;
  for (const { before, mark } of marks) {
    const needle = before + mark;
    const at = text.indexOf(needle, cursor);
    // a call-out is found near the one before it, and is a whole number
    if (at === -1 || at - cursor > 20_000 || /\d/.test(text[at + needle.length] ?? "")) continue;
    found.push(at + needle.length - mark.length);
    cursor = at + needle.length;
  }
  return found;
}

export async function decodePdf(bytes: Uint8Array, options: ReadOptions = {}): Promise<Parsed> {
  const decoded = await pdfToText(bytes, { ...(options.language ? { language: options.language } : {}) });
  if (!decoded.ok) return decoded;
  const parsed = parseResolutionText(decoded.text, { ...options, format: "pdf", problems: decoded.problems, callouts: decoded.callouts });
  if (!parsed.ok) return parsed;
  const doc = parsed.document;
  // The text parser takes any run of paragraphs for a resolution; a PDF must also show one of
  // a resolution's marks: its symbol, the formula, the adoption line or the closing meeting line.
  if (!doc.meta.symbol && !doc.formula && !doc.meta.adoptionDate && doc.conclusions.meeting === null) {
    return {
      ok: false,
      problems: [
        ...doc.problems.filter((p) => p.severity === "error"),
        problem(
          "not-a-resolution",
          "this PDF is not a resolution: it has no resolution symbol, no \"The General Assembly\" formula, no adoption line and no closing meeting line",
        ),
      ],
    };
  }
  return parsed;
}

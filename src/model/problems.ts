import type { Position, Problem, ProblemSeverity } from "./types.js";

/**
 * The catalogue of problem codes: every problem the registry reports, with its severity, what it
 * means and where it arises. A code is a stable identifier that scripts and API clients may
 * match on: it is never renamed or given to another problem. A code no longer raised stays
 * here with `retired` set, so that its name is never reused.
 *
 * Adding a problem is one entry below; `problem()` takes its severity from here, the `Problem`
 * type accepts no other code, docs/problems.md is generated from this list
 * (`npm run docs:problems`), and test/model/problems.test.ts reads the source tree to check
 * that every code raised is listed here, that every listed code is raised, and where.
 */

/** Where a problem arises: which stage of the pipeline finds it. */
export const PROBLEM_ORIGINS = ["decoder", "parser", "enrichment", "comparison", "registry input", "search input"] as const;
export type ProblemOrigin = (typeof PROBLEM_ORIGINS)[number];

export interface ProblemDefinition {
  severity: ProblemSeverity;
  /** One line: what the problem means (the message of each occurrence gives the particulars). */
  meaning: string;
  where: readonly ProblemOrigin[];
  /** Set when the code is no longer raised: since when and why, or what replaced it. */
  retired?: string;
}

export const PROBLEMS = {
  // --- decoders: bytes to text, and each format's reader --------------------------------------
  empty: { severity: "error", where: ["decoder"], meaning: "The file is empty, or holds only white space." },
  binary: { severity: "error", where: ["decoder"], meaning: "The bytes are not text (NUL bytes or many control characters) in a format that is read as text." },
  "encoding-utf16": { severity: "warning", where: ["decoder"], meaning: "The text was read as UTF-16 though it has no byte-order mark." },
  "encoding-latin1": { severity: "warning", where: ["decoder"], meaning: "The bytes are not valid UTF-8 and were read as Windows-1252 (Latin-1)." },
  "too-large": { severity: "error", where: ["decoder"], meaning: "The input is larger than the limit for its format, far above any resolution, and is refused unread." },
  "unsupported-format": { severity: "error", where: ["decoder"], meaning: "The input is in a format that has no decoder yet (DOCX, HTML)." },
  "decoder-failed": { severity: "error", where: ["decoder"], meaning: "A decoder threw: a defect of the decoder rather than of the input; the message carries its error." },
  "parser-failed": {
    severity: "error",
    where: ["decoder"],
    meaning: "The text parser threw while the read entry point ran it: a defect of the parser rather than of the input; the message carries its error.",
  },
  "symbol-from-name": { severity: "warning", where: ["decoder"], meaning: "The text names no symbol; the symbol was taken from the file name." },
  "malformed-xml": { severity: "error", where: ["decoder"], meaning: "The XML is not well-formed (truncated, say); the message gives the line and column." },
  "too-deep": {
    severity: "error",
    where: ["decoder"],
    meaning: "The XML's elements nest deeper than 1,000, where a resolution nests a few dozen at most; it is refused before its tree is walked.",
  },
  "not-akn": { severity: "error", where: ["decoder"], meaning: "The XML is not Akoma Ntoso, or holds no document element." },
  "footnote-marker": { severity: "warning", where: ["decoder"], meaning: "An Akoma Ntoso footnote's marker is not a number; the footnote is numbered by its order." },
  "malformed-json": { severity: "error", where: ["decoder"], meaning: "The JSON does not parse." },
  "not-eosg": { severity: "error", where: ["decoder"], meaning: "The JSON is not an EOSG paragraph list (an array of {text, type} objects)." },
  "statement-without-paragraphs": { severity: "warning", where: ["decoder"], meaning: "An EOSG presidential statement has no paragraphs." },
  "footnote-missing": { severity: "warning", where: ["decoder"], meaning: "Call-outs in an AKN or EOSG document refer to footnotes whose text it does not hold." },
  "pdf-invalid": { severity: "error", where: ["decoder"], meaning: "The file is not a PDF, or its structure is damaged." },
  "pdf-truncated": { severity: "error", where: ["decoder"], meaning: "The PDF ends without the %%EOF marker of a complete file: it was cut short in transfer." },
  "pdf-encrypted": { severity: "error", where: ["decoder"], meaning: "The PDF is encrypted and needs a password to open." },
  "pdf-unreadable": { severity: "error", where: ["decoder"], meaning: "The PDF library could not read the file, for the reason the message gives." },
  "pdf-empty": { severity: "error", where: ["decoder"], meaning: "The PDF has no pages." },
  "pdf-too-long": { severity: "error", where: ["decoder"], meaning: "The PDF has far more pages than any resolution." },
  "pdf-timeout": { severity: "error", where: ["decoder"], meaning: "Reading the PDF took longer than the time limit; the file may be damaged." },
  "pdf-no-text": { severity: "error", where: ["decoder"], meaning: "The PDF has no usable text layer (scanned pages); it needs OCR first." },
  "pdf-layout": { severity: "warning", where: ["decoder"], meaning: "Laying out the PDF's text left something out (footnotes, say); the message says what." },
  "no-official-rows": {
    severity: "error",
    where: ["decoder"],
    meaning: "No line of a file of official metadata (JSON Lines) is a row of it; the message gives the first line's fault.",
  },

  // --- decoders and the text parser: is it a resolution, and what is missing -----------------
  "not-a-resolution": {
    severity: "error",
    where: ["decoder", "parser"],
    meaning: "The input is no resolution: no preambular or operative paragraph, no heading or phrase of the genre, or other data (JSON Lines).",
  },
  "no-symbol": { severity: "warning", where: ["decoder", "parser"], meaning: "No document symbol was found in the document." },
  "no-operative": { severity: "warning", where: ["decoder", "parser"], meaning: "No operative paragraph was found." },
  "no-formula": { severity: "warning", where: ["parser"], meaning: 'No formula ("The General Assembly,") opens the preamble.' },
  "no-closing": { severity: "warning", where: ["parser"], meaning: "No plenary meeting line closes a General Assembly text: it may be truncated." },
  "operative-numbering": { severity: "warning", where: ["parser"], meaning: "An operative paragraph's number does not follow the one before it (a gap or a repeat)." },
  "footnote-uncalled": { severity: "warning", where: ["parser"], meaning: "A footnote has no call-out in the text." },

  // --- comparison ------------------------------------------------------------------------------
  "compare-too-many-paragraphs": {
    severity: "warning",
    where: ["comparison"],
    meaning: "Two versions differ in too many paragraphs of one kind to score every pair; only identical paragraphs were paired.",
  },

  // --- the registry's checks of what it is given ----------------------------------------------
  "symbol-required": { severity: "error", where: ["registry input"], meaning: "The document has no symbol, so the registry cannot file it." },
  "internal-error": {
    severity: "error",
    where: ["registry input"],
    meaning: "Preparing a file for the registry threw, or its worker thread died: a defect rather than a property of the file.",
  },
  timeout: {
    severity: "error",
    where: ["registry input"],
    meaning: "Preparing a file took longer than ingest's time limit per file (--file-timeout); its worker thread was stopped and replaced.",
  },
  unreadable: {
    severity: "error",
    where: ["registry input"],
    meaning: "A file or folder given to ingest, or met in its walk, cannot be read or listed; the message gives the cause (no such file, permission denied).",
  },
  "broken-link": { severity: "error", where: ["registry input"], meaning: "A symbolic link met in ingest's walk leads to nothing that can be read." },
  "link-loop": {
    severity: "error",
    where: ["registry input"],
    meaning: "A symbolic link met in ingest's walk leads back to a folder that holds it (a loop); the folder is walked once.",
  },
  "not-a-file": {
    severity: "error",
    where: ["registry input"],
    meaning: "An entry named like a resolution is a FIFO, socket or device, which ingest does not read: reading one could wait forever.",
  },

  // --- search input ----------------------------------------------------------------------------
  "search-too-long": { severity: "error", where: ["search input"], meaning: "The search query is longer than the limit the message gives." },
  "search-too-many-terms": { severity: "error", where: ["search input"], meaning: "The search holds more terms than the limit the message gives." },
  "search-only-exclusions": { severity: "error", where: ["search input"], meaning: "The search only excludes words (-word) and names none to look for." },
  "search-beyond-window": { severity: "error", where: ["search input"], meaning: "The page asked for lies beyond the hits a search serves; narrow the search instead." },
} as const satisfies Record<string, ProblemDefinition>;

/** The codes of a catalogue that are still raised (retired ones are left out). */
export type ActiveCode<Catalogue extends Record<string, ProblemDefinition>> = {
  [Code in keyof Catalogue & string]: Catalogue[Code] extends { retired: string } ? never : Code;
}[keyof Catalogue & string];

/** Every problem code that may be raised: an unknown or retired code is a type error. */
export type ProblemCode = ActiveCode<typeof PROBLEMS>;

const CATALOGUE: Readonly<Record<string, ProblemDefinition>> = PROBLEMS;

/** The one way to make a problem: its severity is the catalogue's. */
export function problem(code: ProblemCode, message: string, position?: Position): Problem {
  const { severity } = CATALOGUE[code]!;
  return position ? { code, severity, message, position } : { code, severity, message };
}

/** A problem as one line of an error message: its code, then what went wrong. */
export function describeProblem(p: Problem): string {
  return `${p.code}: ${p.message}`;
}

/** Problems as one error message (an HTTP 400, a usage error). */
export function describeProblems(problems: readonly Problem[]): string {
  return problems.map(describeProblem).join("; ");
}

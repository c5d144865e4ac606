import { checkReview, type ReviewInput } from "./lifecycle.js";
import { problem } from "./problems.js";
import type { Problem } from "./types.js";

/**
 * Decisions from a CSV, as programme officers keep them in spreadsheets: one row per mandate and
 * entity, read and checked row by row, every bad row named with its line. Whether the registry
 * holds the mandates, and whether the importing user may write them, is the store's to check;
 * the import is all or nothing (src/registry/lifecycle/import.ts).
 *
 * Columns (a header line; names in any case, spaces or underscores): mandate (its id, as the
 * mandate table and the exports give it), entity, decision, and optionally disposition,
 * absorbed_by, status, justification, evidence (links or words, several separated by " | " or
 * line breaks) and version (the review's version the row was made against, as exported: a row
 * without it may only give a first decision).
 */

export const IMPORT_COLUMNS = ["mandate", "entity", "decision", "disposition", "absorbed_by", "status", "justification", "evidence", "version"] as const;
type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: readonly ImportColumn[] = ["mandate", "entity", "decision"];
/** Columns an export of the review adds for the reader, which the import passes over. */
const IGNORED = new Set(["symbol", "paragraph", "ref", "actor", "action", "needs_confirmation", "updated_at", "updated_by", "orphaned", "title", "session"]);

/** The largest CSV read: far above a year of one entity's decisions. */
export const MAX_IMPORT_BYTES = 5_000_000;
export const MAX_IMPORT_ROWS = 20_000;

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 records: fields in double quotes may hold commas, line breaks and doubled quotes; CRLF
 * or LF ends a record; a byte-order mark is dropped; blank lines are skipped. A quote left open
 * is a problem naming the line where the field began.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: Problem[] } {
  const records: CsvRecord[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let touched = false;
  const endRecord = () => {
    if (touched || cells.length) records.push({ line: recordLine, cells: [...cells, cell] });
    cells = [];
    cell = "";
    touched = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
      touched = true;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
      touched = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && input[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += c;
      touched = true;
    }
  }
  if (quoted) return { records, problems: [problem("import-row", `line ${quoteLine}: a quoted field is never closed`)] };
  endRecord();
  return { records: records.filter((r) => r.cells.some((c) => c.trim() !== "")), problems: [] };
}

function columnName(header: string): string {
  return header.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** A row ready for the store: the decision it gives, for which mandate, from which line. */
export interface ImportRow {
  line: number;
  mandate: string;
  review: ReviewInput;
}

/**
 * Text a spreadsheet shows as text: the registry's CSV exports (src/export/lifecycle.ts) write a
 * cell that a spreadsheet would run as a formula (=, +, -, @ first) behind an apostrophe.
 */
export function spreadsheetText<T>(value: T): T | string {
  return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The reverse of `spreadsheetText`, for cells read back by the import. */
export function fromSpreadsheetText(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Evidence as one cell holds it: items separated by " | " or line breaks. */
function evidenceCell(value: string): string[] {
  return value
    .split(/\s+\|\s+|\r?\n/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The CSV's rows as decisions; every problem of every row is named with its line, and none is stored when any is found. */
export function readDecisionCsv(text: string): { rows: ImportRow[]; problems: Problem[] } {
  if (text.length > MAX_IMPORT_BYTES) return { rows: [], problems: [problem("import-row", `the file is larger than ${MAX_IMPORT_BYTES.toLocaleString("en")} characters`)] };
  const parsed = parseCsv(text);
  if (parsed.problems.length) return { rows: [], problems: parsed.problems };
  const [header, ...body] = parsed.records;
  if (!header) return { rows: [], problems: [problem("import-header", "the file is empty: it needs a header line (mandate, entity, decision, ...) and a row per decision")] };
  const names = header.cells.map(columnName);
  const problems: Problem[] = [];
  const index = new Map<ImportColumn, number>();
  names.forEach((name, i) => {
    const column = (name === "id" || name === "mandate_id" ? "mandate" : name === "absorbedby" ? "absorbed_by" : name) as ImportColumn;
    if (IMPORT_COLUMNS.includes(column)) {
      if (index.has(column)) problems.push(problem("import-header", `the column ${column} appears twice`));
      index.set(column, i);
    } else if (!IGNORED.has(name) && name !== "") problems.push(problem("import-header", `unknown column "${header.cells[i]!.slice(0, 40)}": the columns are ${IMPORT_COLUMNS.join(", ")}`));
  });
  for (const column of REQUIRED) if (!index.has(column)) problems.push(problem("import-header", `the column ${column} is missing`));
  if (problems.length) return { rows: [], problems };
  if (body.length > MAX_IMPORT_ROWS) return { rows: [], problems: [problem("import-row", `the file holds ${body.length} rows; at most ${MAX_IMPORT_ROWS} are imported at once`)] };

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const at = `line ${record.line}`;
    if (record.cells.length > names.length) {
      problems.push(problem("import-row", `${at}: ${record.cells.length} cells for ${names.length} columns`));
      continue;
    }
    const cell = (column: ImportColumn) => {
      const i = index.get(column);
      return i === undefined ? undefined : fromSpreadsheetText((record.cells[i] ?? "").trim());
    };
    const mandate = cell("mandate") ?? "";
    const evidence = cell("evidence");
    const checked = checkReview({
      entity: cell("entity"),
      decision: cell("decision") || undefined,
      disposition: cell("disposition") || undefined,
      absorbedBy: cell("absorbed_by") || undefined,
      status: cell("status") || undefined,
      justification: cell("justification") || undefined,
      evidence: evidence ? evidenceCell(evidence) : undefined,
      version: cell("version") || undefined,
    });
    const rowProblems = checked.ok ? [] : checked.problems;
    if (!mandate) rowProblems.unshift(problem("review-mandate", "the mandate's id is missing"));
    if (rowProblems.length) {
      for (const p of rowProblems) problems.push({ ...p, message: `${at}: ${p.message}` });
      continue;
    }
    if (!checked.ok) continue;
    const key = `${mandate}\u0000${checked.value.entity.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(problem("import-row", `${at}: the same mandate and entity as line ${earlier}`));
      continue;
    }
    seen.set(key, record.line);
    rows.push({ line: record.line, mandate, review: checked.value });
  }
  if (!rows.length && !problems.length) problems.push(problem("import-row", "the file holds a header but no decision"));
  return { rows, problems };
}

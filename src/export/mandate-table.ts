import { parseParagraphRef } from "../model/paragraphs.js";
import type { Mandate, Resolution } from "../model/types.js";

/**
 * The mandates of a document as a plain-text table for terminals (`parse --mandates`): where
 * (paragraph and sub-paragraph), addressee, verb, action (clipped), deadline and reporting.
 */

interface Column {
  title: string;
  width: number;
  cell: (m: Mandate) => string;
}

const COLUMNS: Column[] = [
  { title: "para", width: 8, cell: (m) => (parseParagraphRef(m.in)?.number ?? m.in) + (m.sub ? `(${m.sub})` : "") },
  { title: "actor", width: 30, cell: (m) => m.actor },
  { title: "verb", width: 10, cell: (m) => m.verb },
  { title: "action", width: 50, cell: (m) => m.action },
  { title: "deadline", width: 32, cell: deadlineCell },
  { title: "report", width: 26, cell: (m) => (m.report ? `yes${m.reportTo ? ` to ${m.reportTo}` : ""}` : "") },
];

export function toMandateTable(doc: Resolution): string {
  const mandates = doc.operative.flatMap((p) => p.mandates);
  const out: string[] = [];
  const heading = `${doc.meta.symbol ?? "(no symbol)"}  ${doc.meta.title ?? "(no title)"}`;
  out.push(`${heading}: ${mandates.length} mandate${mandates.length === 1 ? "" : "s"}`);
  if (!mandates.length) return out.join("\n") + "\n";
  out.push(row(COLUMNS.map((c) => c.title)));
  out.push(row(COLUMNS.map((c) => "-".repeat(c.width))));
  for (const m of mandates) out.push(row(COLUMNS.map((c) => c.cell(m))));
  return out.join("\n") + "\n";
}

function row(cells: string[]): string {
  return cells
    .map((cell, i) => fit(cell, COLUMNS[i]!.width))
    .join("  ")
    .trimEnd();
}

/** One line of exactly `width` characters: white space collapsed, clipped with an ellipsis. */
function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > width ? flat.slice(0, width - 1) + "\u2026" : flat.padEnd(width);
}

function deadlineCell(m: Mandate): string {
  const parts: string[] = [];
  if (m.decision) parts.push(m.decision.kind);
  const d = m.deadline;
  if (d?.session) parts.push(`session ${d.session}${d.years ? ` (${d.years})` : ""}`);
  else if (d?.date) parts.push(d.date);
  else if (d?.years) parts.push(`by ${d.years}`);
  else if (d) parts.push(d.text);
  if (m.recurrence) parts.push(m.recurrence);
  if (m.hasReviewOrEnd) parts.push("review/end set");
  return parts.join(", ");
}

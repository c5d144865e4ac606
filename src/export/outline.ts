import { votingSentence } from "../model/official.js";
import type { Resolution } from "../model/types.js";

/** A readable outline of a document for terminals (`parse --text`). */
export function toOutline(doc: Resolution): string {
  const m = doc.meta;
  const out: string[] = [];
  out.push(`${m.symbol ?? "(no symbol)"}  ${m.title ?? "(no title)"}`);
  const facts: [string, unknown][] = [
    ["adopted", m.adoptionDate],
    ["session", m.session],
    ["committee", m.committee ?? (m.committeeReport ? "without reference to a Main Committee" : null)],
    ["report", m.committeeReport],
    ["agenda item", m.agendaItem],
    [m.body === "SC" ? "meeting" : "plenary meeting", m.plenaryMeeting],
    ["distributed", m.distributionDate],
    ["job", m.jobNumber],
  ];
  out.push(facts.filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}: ${v}`).join(" | "));
  // the official facts of the adoption, when a source gives them
  if (m.voting) out.push(`${votingSentence(m.voting)}${m.meetingRecord ? ` (${m.meetingRecord})` : ""}`);
  else if (m.meetingRecord) out.push(`meeting record: ${m.meetingRecord}`);
  if (m.sponsors?.length) out.push(listLine("sponsors", m.sponsors));
  if (m.additionalSponsors?.length) out.push(listLine("additional sponsors", m.additionalSponsors));
  if (m.subjects?.length) out.push(listLine("subjects", m.subjects.map((s) => s.term)));
  out.push("");
  if (doc.formula) out.push(doc.formula);
  for (const p of doc.preamble) out.push(`  P${p.index}  [${p.starter}] ${clip(p.text)}`);
  for (const p of doc.operative) {
    out.push(`  ${String(p.number).padStart(2)}.  [${p.verb}] ${clip(p.lead)}`);
    for (const s of p.subparagraphs) {
      out.push(`        (${s.label}) ${clip(s.text, 90)}`);
      for (const c of s.children) out.push(`          (${c.label}) ${clip(c.text, 86)}`);
    }
  }
  for (const a of doc.annexes) out.push(`  ${a.label}${a.title ? `: ${a.title}` : ""} (${a.blocks.length} paragraphs)`);
  if (doc.footnotes.length) {
    out.push("", "Footnotes");
    for (const f of doc.footnotes) out.push(`  ${f.number}  ${clip(f.text, 80)}  <- ${f.calledFrom.join(", ") || "(not called)"}`);
  }
  if (doc.problems.length) {
    out.push("", "Problems");
    for (const p of doc.problems) out.push(`  ${p.severity} ${p.code}: ${p.message}`);
  }
  return out.join("\n") + "\n";
}

/** "sponsors (3): CUBA, ..." on one line. */
function listLine(label: string, items: readonly string[]): string {
  return clip(`${label}${items.length > 1 ? ` (${items.length})` : ""}: ${items.join(", ")}`, 200);
}

function clip(text: string, width = 100): string {
  return text.length > width ? text.slice(0, width - 1) + "\u2026" : text;
}

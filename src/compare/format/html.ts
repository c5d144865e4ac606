import { RESOLUTION_PARAGRAPH_KINDS } from "../../model/paragraphs.js";
import type { Comparison, ParagraphComparison } from "../compare.js";
import type { MandateChange } from "../mandates.js";

/**
 * `mandates diff --html`: one standalone page in the manner of a word processor's track
 * changes. Every text is escaped; the style sheet is inline, and the page loads nothing.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light; --ins: #e6f4ea; --ins-ink: #137333; --del: #fce8e6; --del-ink: #a50e0e; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; color: #202124; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #dadce0; padding-bottom: .25rem; }
.summary, .meta { color: var(--muted); font: 14px/1.4 system-ui, sans-serif; }
.pair { margin: .75rem 0; padding: .5rem .75rem; border-left: 4px solid #dadce0; }
.pair.edited { border-color: #f9ab00; } .pair.moved { border-color: #1a73e8; }
.pair.added { border-color: var(--ins-ink); background: var(--ins); } .pair.dropped { border-color: var(--del-ink); background: var(--del); }
.pair.unchanged { color: var(--muted); }
.label { font: 13px/1.4 system-ui, sans-serif; color: var(--muted); margin-bottom: .25rem; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .6rem; background: #f1f3f4; color: #202124; margin-right: .4rem; }
ins { background: var(--ins); color: var(--ins-ink); text-decoration: underline; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
table { border-collapse: collapse; width: 100%; font: 14px/1.4 system-ui, sans-serif; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eee; }
details > summary { cursor: pointer; color: var(--muted); font: 14px system-ui, sans-serif; }
`;

export function renderComparisonHtml(c: Comparison): string {
  const title = `${c.from.symbol ?? "?"} \u2192 ${c.to.symbol ?? "?"}`;
  const k = c.counts;
  const body: string[] = [];
  body.push(`<h1>${escapeHtml(c.to.title ?? c.from.title ?? "Comparison")}</h1>`);
  body.push(`<p class="meta">${escapeHtml(title)}${c.from.adoptionDate ? ` \u00b7 ${escapeHtml(c.from.adoptionDate)} \u2192 ${escapeHtml(c.to.adoptionDate ?? "?")}` : ""}</p>`);
  body.push(
    `<p class="summary">Paragraphs: ${k.unchanged} unchanged, ${k.edited} edited, ${k.moved} moved, ${k.added} added, ${k.dropped} dropped. ` +
      `Mandates: ${c.mandates.counts.new} new, ${c.mandates.counts.changed} changed, ${c.mandates.counts.dropped} dropped.</p>`,
  );
  for (const kind of RESOLUTION_PARAGRAPH_KINDS) {
    const pairs = c.paragraphs.filter((p) => p.kind === kind);
    if (pairs.length === 0) continue;
    body.push(`<h2>${kind === "preambular" ? "Preamble" : "Operative part"}</h2>`);
    for (const p of pairs) body.push(pairHtml(p));
  }
  const mandateRows = c.mandates.changes.filter((m) => m.status !== "unchanged").map(mandateRow);
  if (mandateRows.length) {
    body.push(`<h2>Mandates</h2><table><thead><tr><th>Change</th><th>Addressee</th><th>Verb</th><th>Action</th><th>Where</th></tr></thead><tbody>${mandateRows.join("")}</tbody></table>`);
  }
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}

function pairHtml(p: ParagraphComparison): string {
  const ids = p.from && p.to ? `${p.from.id} \u2192 ${p.to.id}` : (p.from ?? p.to)!.id;
  const detail = p.change === "added" || p.change === "dropped" ? "" : ` \u00b7 ${Math.round(p.similarity * 100)}% of the wording kept`;
  const relation = p.relation ? ` \u00b7 ${p.relation}` : "";
  const label = `<div class="label"><span class="badge">${escapeHtml(p.change)}${p.change === "moved" && p.edited ? " and edited" : ""}</span>${escapeHtml(ids)}${detail}${relation}</div>`;
  const text = p.changes
    .map((c) => (c.type === "equal" ? escapeHtml(c.text) : c.type === "insert" ? `<ins>${escapeHtml(c.text)}</ins>` : `<del>${escapeHtml(c.text)}</del>`))
    .join("");
  if (p.change === "unchanged") return `<div class="pair unchanged">${label}<details><summary>text</summary>${text}</details></div>`;
  return `<div class="pair ${p.change}">${label}<div>${text}</div></div>`;
}

function mandateRow(c: MandateChange): string {
  const m = (c.to ?? c.from)!;
  const where = c.from && c.to ? `${c.from.in} \u2192 ${c.to.in}` : m.in;
  const what = c.status === "changed" ? `changed: ${c.fields.join(", ")}` : c.status;
  const verb = c.from && c.to && c.from.verb !== c.to.verb ? `${c.from.verb} \u2192 ${c.to.verb}` : m.verb;
  return `<tr><td>${escapeHtml(what)}</td><td>${escapeHtml(m.actor)}</td><td>${escapeHtml(verb)}</td><td>${escapeHtml(m.action)}</td><td>${escapeHtml(where)}</td></tr>`;
}

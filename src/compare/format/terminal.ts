import { parseParagraphRef, RESOLUTION_PARAGRAPH_KINDS } from "../../model/paragraphs.js";
import type { Mandate } from "../../model/types.js";
import type { Comparison, ParagraphComparison } from "../compare.js";
import type { DuplicationReport } from "../duplicates.js";
import type { MandateChange } from "../mandates.js";
import type { SeriesView } from "../series.js";

/**
 * Terminal renderings. With colour (ANSI), deletions are red and struck through and insertions
 * green and underlined, as in a word processor's track changes; without, they are marked
 * `[-deleted-]` and `{+inserted+}` as `git diff --word-diff` does, so the output survives pipes.
 */

export interface TerminalOptions {
  color: boolean;
}

interface Styles {
  bold: (s: string) => string;
  dim: (s: string) => string;
  deleted: (s: string) => string;
  inserted: (s: string) => string;
  red: (s: string) => string;
  green: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
}

function styles(color: boolean): Styles {
  const sgr = (open: string) => (s: string) => (s ? `\x1b[${open}m${s}\x1b[0m` : s);
  if (!color) {
    const plain = (s: string) => s;
    return {
      bold: plain,
      dim: plain,
      deleted: (s) => (s.trim() ? `[-${s}-]` : s),
      inserted: (s) => (s.trim() ? `{+${s}+}` : s),
      red: plain,
      green: plain,
      yellow: plain,
      cyan: plain,
    };
  }
  return {
    bold: sgr("1"),
    dim: sgr("2"),
    deleted: sgr("31;9"),
    inserted: sgr("32;4"),
    red: sgr("31"),
    green: sgr("32"),
    yellow: sgr("33"),
    cyan: sgr("36"),
  };
}

/** Terminal control characters in document text would be obeyed by the terminal: show them inert. */
function inert(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

const MARK: Record<ParagraphComparison["change"], string> = { unchanged: "=", edited: "~", moved: ">", added: "+", dropped: "-" };

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function renderComparisonText(c: Comparison, options: TerminalOptions): string {
  const s = styles(options.color);
  const out: string[] = [];
  out.push(s.bold(`${c.from.symbol ?? "(no symbol)"} -> ${c.to.symbol ?? "(no symbol)"}  ${inert(c.to.title ?? c.from.title ?? "")}`));
  const k = c.counts;
  out.push(`paragraphs: ${k.unchanged} unchanged, ${k.edited} edited, ${k.moved} moved, ${k.added} added, ${k.dropped} dropped`);
  const mk = c.mandates.counts;
  out.push(`mandates: ${mk.new} new, ${mk.changed} changed, ${mk.dropped} dropped, ${mk.unchanged} unchanged`);
  for (const kind of RESOLUTION_PARAGRAPH_KINDS) {
    const pairs = c.paragraphs.filter((p) => p.kind === kind);
    if (pairs.length === 0) continue;
    out.push("", s.bold(kind === "preambular" ? "Preamble" : "Operative part"));
    // Runs of unchanged paragraphs collapse into one line: the reader looks for what changed.
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[i]!;
      if (p.change === "unchanged") {
        let last = i;
        while (pairs[last + 1]?.change === "unchanged") last++;
        const first = p;
        const end = pairs[last]!;
        const span = last === i ? `${first.from!.id} -> ${first.to!.id}` : `${first.from!.id}..${end.from!.id} -> ${first.to!.id}..${end.to!.id}`;
        out.push(s.dim(`  = ${span}  unchanged${last > i ? ` (${last - i + 1} paragraphs)` : ""}`));
        i = last;
        continue;
      }
      out.push(pairHeading(p, s));
      out.push(`      ${trackChanges(p, s)}`);
    }
  }
  if (c.mandates.changes.some((m) => m.status !== "unchanged")) {
    out.push("", s.bold("Mandates"));
    for (const m of c.mandates.changes) if (m.status !== "unchanged") out.push(mandateLine(m, s));
  }
  return out.join("\n") + "\n";
}

function pairHeading(p: ParagraphComparison, s: Styles): string {
  const colour = p.change === "added" ? s.green : p.change === "dropped" ? s.red : p.change === "moved" ? s.cyan : s.yellow;
  const ids = p.from && p.to ? `${p.from.id} -> ${p.to.id}` : (p.from ?? p.to)!.id;
  const detail = p.change === "added" || p.change === "dropped" ? "" : ` ${percent(p.similarity)}${p.change === "moved" && p.edited ? " and edited" : ""}`;
  const relation = p.relation ? ` (${p.relation})` : "";
  return colour(`  ${MARK[p.change]} ${ids}  ${p.change}${detail}${relation}`);
}

function trackChanges(p: ParagraphComparison, s: Styles): string {
  return p.changes
    .map((c) => {
      const text = inert(c.text);
      if (c.type === "equal") return text;
      return c.type === "insert" ? s.inserted(text) : s.deleted(text);
    })
    .join("");
}

function mandateLabel(m: Mandate): string {
  return `${m.verb} ${m.actor} ${clip(m.action)} (${m.in}${m.sub ? ` (${m.sub})` : ""})`;
}

function mandateLine(c: MandateChange, s: Styles): string {
  if (c.status === "new") return s.green(`  + new      ${inert(mandateLabel(c.to!))}`);
  if (c.status === "dropped") return s.red(`  - dropped  ${inert(mandateLabel(c.from!))}`);
  const a = c.from!;
  const b = c.to!;
  const details = c.fields.map((f) => {
    switch (f) {
      case "actor":
        return `actor ${a.actor} -> ${b.actor}`;
      case "verb":
        return `verb ${a.verb} -> ${b.verb}`;
      case "force":
        return `force ${a.force} -> ${b.force} (${c.forceDelta > 0 ? "strengthened" : "weakened"})`;
      case "deadline":
        return `deadline ${deadlineText(a)} -> ${deadlineText(b)}`;
      case "report":
        return b.report ? "now asks for a report" : "no longer asks for a report";
      case "review":
        return b.hasReviewOrEnd ? "now has a review or end date" : "lost its review or end date";
      case "action":
        return `action reworded (${percent(c.actionSimilarity)} alike)`;
    }
  });
  return s.yellow(`  ~ changed  ${inert(`${b.verb} ${b.actor} (${a.in} -> ${b.in}): ${details.join("; ")}`)}`);
}

function deadlineText(m: Mandate): string {
  if (m.dueSession !== null) return `session ${m.dueSession}`;
  return m.deadline?.text ?? "none";
}

function clip(text: string, width = 100): string {
  return text.length > width ? `${text.slice(0, width - 1)}\u2026` : text;
}

/** A grid: one row per paragraph (then mandate) life, one column per version. */
export function renderSeriesText(view: SeriesView, options: TerminalOptions): string {
  const s = styles(options.color);
  const out: string[] = [];
  out.push(s.bold(`${inert(view.title)}: ${view.versions.length} versions`));
  const headers = view.versions.map((v) => shortSymbol(v.symbol));
  const width = Math.max(7, ...headers.map((h) => h.length)) + 1;
  const row = (label: string, cells: string[]) => `  ${label.padEnd(8)}${cells.map((c) => c.padEnd(width)).join("")}`;
  out.push(s.dim(row("", headers)));
  out.push(s.dim("  cells: paragraph number, ~ edited, > moved, + added, . absent"));
  for (const kind of RESOLUTION_PARAGRAPH_KINDS) {
    out.push("", s.bold(kind === "preambular" ? "Preamble" : "Operative part"));
    for (const life of view.paragraphs.filter((l) => l.kind === kind)) {
      const cells = view.versions.map((_, v) => {
        const state = life.states.find((st) => st.version === v);
        if (!state) return ".";
        const number = state.paragraph.replace(/^.*\./, "");
        const mark = state.change === "edited" ? "~" : state.change === "moved" ? ">" : state.change === "added" || (v === life.appeared && v > 0) ? "+" : "";
        return `${number}${mark}`;
      });
      const note = life.splitFrom ? ` split from ${life.splitFrom}` : life.mergedInto ? ` merged into ${life.mergedInto}` : "";
      out.push(row(life.id, cells) + s.dim(note));
    }
  }
  if (view.mandates.length) {
    out.push("", s.bold("Mandates"));
    for (const life of view.mandates) {
      const cells = view.versions.map((_, v) => {
        const state = life.states.find((st) => st.version === v);
        if (!state) return ".";
        const mark = state.status === "changed" ? "~" : state.status === "new" ? "+" : "";
        return `${parseParagraphRef(state.mandate.in)?.number ?? state.mandate.in}${mark}`;
      });
      out.push(row(life.id, cells) + s.dim(` ${inert(`${life.verb} ${life.actor}`)}`));
    }
  }
  return out.join("\n") + "\n";
}

function shortSymbol(symbol: string | null): string {
  return (symbol ?? "?").replace(/^A\/RES\//, "");
}

export function renderDuplicationText(report: DuplicationReport, options: TerminalOptions & { limit: number }): string {
  const s = styles(options.color);
  const out: string[] = [];
  const { documents, series, mandates } = report.scanned;
  out.push(s.bold(`Duplication and staleness: ${documents} documents, ${series} series, ${mandates} mandates`));
  out.push(Object.entries(report.counts).map(([kind, n]) => `${kind} ${n}`).join(", "));
  const shown = report.findings.slice(0, options.limit);
  shown.forEach((f, i) => {
    out.push("", `${String(i + 1).padStart(3)}. ${s.bold(`[${f.kind} ${f.score}]`)} ${inert(f.summary)}`);
    for (const m of f.mandates.slice(0, 6)) out.push(s.dim(`       ${m.symbol ?? "?"} ${m.paragraph}  ${inert(m.series)}`));
    if (f.mandates.length > 6) out.push(s.dim(`       ... and ${f.mandates.length - 6} more`));
  });
  if (report.findings.length > shown.length) out.push("", s.dim(`${report.findings.length - shown.length} more findings (--limit to show them)`));
  return out.join("\n") + "\n";
}

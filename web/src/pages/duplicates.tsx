import { useEffect, useState } from "preact/hooks";
import type { DuplicationReport, FindingKind, Finding as ScannedFinding } from "../../../src/compare/duplicates.js";
import type { CachedDuplication } from "../../../src/registry/duplication-cache.js";
import { query, resolutionPath } from "../api.js";
import { shortSymbol } from "../components/format.js";
import { Failure, Loading } from "../components/layout.js";
import { useApi, useUsable } from "../hooks.js";
import { navigate, useLocation } from "../router.js";

/**
 * The duplication report (GET /api/duplicates, computed once per state of the registry):
 * duplicated mandates, verbatim renewals, reports asked every session and mandates with no
 * review or end clause, filtered by kind, actor and years, each linking to its resolutions.
 */

/** A finding as GET /api/duplicates lists it: its mandates cut to the number asked for, mandateCount counting them all. */
type Finding = ScannedFinding & { mandateCount: number };

/** GET /api/duplicates (src/server/routes/compare.ts): the scan's report, one page of its findings. */
interface Report extends Omit<DuplicationReport, "findings">, Omit<CachedDuplication, "report"> {
  findings: Finding[];
  total: number;
}

/** Every kind the scan finds, named for people: a kind the scan adds and the page does not name fails to compile. */
const KINDS: Record<FindingKind, string> = {
  duplicate: "Duplicated",
  "renewed-verbatim": "Renewed verbatim",
  "report-every-session": "Report every session",
  "no-review-or-end": "Never reviewed (no review or end clause)",
};
const FILTERS = ["kind", "actor", "from", "to"] as const;

/** A kind's count, looked up by the name the page's links carry. */
const countOf = (counts: Readonly<Record<string, number | undefined>>, kind: string) => counts[kind];
const PAGE = 50;
const MANDATES_SHOWN = 6;

export function DuplicatesPage() {
  const { search } = useLocation();
  const filters: Record<string, string> = {};
  for (const f of FILTERS) {
    const v = search.get(f);
    if (v) filters[f] = v;
  }
  const offset = Math.max(0, Number(search.get("offset")) || 0);
  const report = useApi<Report>("/duplicates", { ...filters, offset, limit: PAGE, mandates: MANDATES_SHOWN });
  const [form, setForm] = useState(filters);
  useEffect(() => setForm(filters), [search.toString()]);
  useUsable(report.state !== "loading", "Duplication");
  const set = (name: string) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });
  const link = (changes: Record<string, string | number | null>) => {
    const params: Record<string, string | number> = { ...filters };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") delete params[k];
      else params[k] = v;
    }
    if (!("offset" in changes)) delete params.offset;
    return `/duplicates${query(params)}`;
  };

  return (
    <div class="duplicates-page">
      <h1 tabIndex={-1}>Duplication and review</h1>
      <form
        class="filters no-print"
        aria-label="Filter findings"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(link(Object.fromEntries(FILTERS.map((f) => [f, form[f]?.trim() || null]))));
        }}
      >
        <div>
          <label for="d-kind">Kind</label>
          <select id="d-kind" value={form.kind ?? ""} onChange={set("kind")}>
            <option value="">all kinds</option>
            {Object.entries(KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="d-actor">Actor</label>
          <input id="d-actor" value={form.actor ?? ""} onInput={set("actor")} placeholder="Secretary-General" />
        </div>
        <div>
          <label for="d-from">From year</label>
          <input id="d-from" type="number" min={1946} max={2100} value={form.from ?? ""} onInput={set("from")} />
        </div>
        <div>
          <label for="d-to">To year</label>
          <input id="d-to" type="number" min={1946} max={2100} value={form.to ?? ""} onInput={set("to")} />
        </div>
        <div class="filter-buttons">
          <button type="submit">Apply</button>
          <a href="/duplicates" class="button secondary">
            Reset
          </a>
        </div>
      </form>
      {report.state === "loading" ? <Loading what="the duplication report" /> : null}
      {report.state === "error" ? <Failure error={report.error} what="the duplication report" /> : null}
      {report.state === "done" ? (
        <>
          <ul class="counts" aria-label="Findings by kind">
            {Object.entries(KINDS).map(([k, v]) => (
              <li key={k}>
                <a href={link({ kind: k })} class="kind-count" aria-current={filters.kind === k ? "true" : undefined}>
                  {v}: {(countOf(report.data.counts, k) ?? 0).toLocaleString("en")}
                </a>
              </li>
            ))}
          </ul>
          <p class="muted small">
            {report.data.total.toLocaleString("en")} findings match, ranked by how much a review is worth. Scanned {report.data.scanned.documents.toLocaleString("en")} documents,{" "}
            {report.data.scanned.series.toLocaleString("en")} series, {report.data.scanned.mandates.toLocaleString("en")} mandates; computed {report.data.computedAt.replace("T", " ").slice(0, 16)} UTC
            {report.data.stale ? " (the registry has changed since: an updated report is being computed)" : ""}.
          </p>
          <ol class="findings" start={offset + 1}>
            {report.data.findings.map((f, i) => (
              <li key={i} class={`finding ${f.kind}`}>
                <p class="finding-head">
                  <span class={`change-badge ${f.kind === "duplicate" ? "dropped" : f.kind === "renewed-verbatim" ? "edited" : f.kind === "report-every-session" ? "moved" : ""}`}>{KINDS[f.kind] ?? f.kind}</span>{" "}
                  <strong>{f.summary}</strong>
                </p>
                <p class="muted small">
                  {f.series.slice(0, 3).join("; ")}
                  {f.series.length > 3 ? ` and ${f.series.length - 3} more series` : ""} · spans {f.span} · weight {f.score}
                  {f.similarity !== undefined ? ` · similarity ${Math.round(f.similarity * 100)}%` : ""}
                </p>
                <ul class="finding-mandates">
                  {f.mandates.slice(0, MANDATES_SHOWN).map((m, j) => (
                    <li key={j}>
                      {m.symbol ? <a href={resolutionPath(m.symbol, m.paragraph)}>{shortSymbol(m.symbol)} op. {m.paragraph.split(".")[1]}</a> : m.paragraph} · {m.actor} · {m.verb}:{" "}
                      <span class="mc-action-inline">{m.action.length > 160 ? `${m.action.slice(0, 159)}…` : m.action}</span>
                    </li>
                  ))}
                  {f.mandateCount > MANDATES_SHOWN ? <li class="muted">and {f.mandateCount - MANDATES_SHOWN} more</li> : null}
                </ul>
              </li>
            ))}
          </ol>
          {report.data.total > PAGE ? (
            <nav class="pager" aria-label="Finding pages">
              {offset > 0 ? <a href={link({ offset: Math.max(0, offset - PAGE) })}>← Previous</a> : <span />}
              <span>
                {offset + 1}–{Math.min(offset + PAGE, report.data.total)} of {report.data.total.toLocaleString("en")}
              </span>
              {offset + PAGE < report.data.total ? <a href={link({ offset: offset + PAGE })}>Next →</a> : <span />}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

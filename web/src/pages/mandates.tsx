import { useEffect, useState } from "preact/hooks";
import type { MandateRecord, Paged } from "../../../src/registry/store.js";
import { apiUrl, entityPath, query, resolutionPath } from "../api.js";
import { BODY_NAMES, FORCE_NAMES, session, shortSymbol } from "../components/format.js";
import { Failure, Loading } from "../components/layout.js";
import { useApi, useUsable } from "../hooks.js";
import { navigate, useLocation } from "../router.js";

/**
 * The mandate table (GET /api/mandates): filters in the address, so a filtered table is a
 * link; sortable columns; the CSV link downloads exactly the rows the filters select.
 */

const FILTERS = ["actor", "minForce", "due", "report", "reviewOrEnd", "body", "session", "verb"] as const;
const PAGE = 50;
const CLIP = 220;

function Clipped({ text }: { text: string }) {
  return <>{text.length > CLIP ? `${text.slice(0, CLIP - 1)}…` : text}</>;
}

export function MandateRows({ items }: { items: MandateRecord[] }) {
  return (
    <>
      {items.map((m, i) => (
        <tr key={`${m.symbol}-${m.ref}-${m.sub ?? ""}-${i}`}>
          <td>
            <a href={resolutionPath(m.symbol, m.ref)}>
              {shortSymbol(m.symbol)} op. {m.paragraph}
              {m.sub ? ` (${m.sub})` : ""}
            </a>
          </td>
          <td class="num">{m.session ?? ""}</td>
          <td>
            <a href={entityPath(m.actorCanonical ?? m.actor)}>{m.actorCanonical ?? m.actor}</a>
          </td>
          <td>
            {m.verb} <span class="muted small">({m.force})</span>
          </td>
          <td class="action">
            <Clipped text={m.action} />
          </td>
          <td class="num">{m.dueSession ?? ""}</td>
          <td>{m.report ? (m.reportTo ? `to ${m.reportTo}` : "yes") : ""}</td>
          <td>{m.hasReviewOrEnd ? "yes" : "none"}</td>
        </tr>
      ))}
    </>
  );
}

const SORTABLE: Record<string, { asc?: string; desc?: string }> = { session: { desc: "newest", asc: "oldest" }, actor: { asc: "actor" }, verb: { desc: "force" }, due: { asc: "due" } };

export function MandatesPage() {
  const { search } = useLocation();
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const v = search.get(name);
    if (v) filters[name] = v;
  }
  const sort = search.get("sort") ?? "newest";
  const offset = Math.max(0, Number(search.get("offset")) || 0);
  const rows = useApi<Paged<MandateRecord>>("/mandates", { ...filters, sort, offset, limit: PAGE });
  const [form, setForm] = useState(filters);
  useEffect(() => setForm(filters), [search.toString()]);
  useUsable(rows.state !== "loading", filters.actor ? `Mandates: ${filters.actor}` : "Mandates");

  const link = (changes: Record<string, string | number | null>) => {
    const params: Record<string, string | number> = { ...filters, ...(sort !== "newest" ? { sort } : {}) };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") delete params[k];
      else params[k] = v;
    }
    if (!("offset" in changes)) delete params.offset;
    return `/mandates${query(params)}`;
  };
  const set = (name: string) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });
  const header = (label: string, column: string) => {
    const s = SORTABLE[column];
    if (!s) return <th scope="col">{label}</th>;
    const active = sort === s.asc || sort === s.desc;
    const direction = sort === s.asc ? "ascending" : "descending";
    const next = active && s.asc && s.desc ? (sort === s.desc ? s.asc : s.desc) : (s.desc ?? s.asc)!;
    return (
      <th scope="col" aria-sort={active ? direction : undefined}>
        <button type="button" class="sort" onClick={() => navigate(link({ sort: next === "newest" ? null : next }))}>
          {label}
          {active ? (direction === "ascending" ? " ▲" : " ▼") : ""}
        </button>
      </th>
    );
  };

  return (
    <div class="mandates-page">
      <h1 tabIndex={-1}>Mandates: who is asked to do what, by when</h1>
      <form
        class="filters no-print"
        aria-label="Filter mandates"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(link(Object.fromEntries(FILTERS.map((f) => [f, form[f]?.trim() || null]))));
        }}
      >
        <div>
          <label for="f-actor">Actor</label>
          <input id="f-actor" value={form.actor ?? ""} onInput={set("actor")} placeholder="UNIDO, Secretary-General" />
        </div>
        <div>
          <label for="f-force">Verb strength</label>
          <select id="f-force" value={form.minForce ?? ""} onChange={set("minForce")}>
            <option value="">any</option>
            {[5, 4, 3, 2].map((f) => (
              <option key={f} value={String(f)}>
                at least {FORCE_NAMES[f]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-due">Due session</label>
          <input id="f-due" type="number" min={1} max={200} value={form.due ?? ""} onInput={set("due")} />
        </div>
        <div>
          <label for="f-report">Report</label>
          <select id="f-report" value={form.report ?? ""} onChange={set("report")}>
            <option value="">any</option>
            <option value="true">asks for a report</option>
            <option value="false">no report</option>
          </select>
        </div>
        <div>
          <label for="f-review">Review or end clause</label>
          <select id="f-review" value={form.reviewOrEnd ?? ""} onChange={set("reviewOrEnd")}>
            <option value="">any</option>
            <option value="false">none (open-ended)</option>
            <option value="true">has one</option>
          </select>
        </div>
        <div>
          <label for="f-body">Organ</label>
          <select id="f-body" value={form.body ?? ""} onChange={set("body")}>
            <option value="">any</option>
            {Object.entries(BODY_NAMES).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-session">Session</label>
          <input id="f-session" type="number" min={1} max={200} value={form.session ?? ""} onInput={set("session")} />
        </div>
        <div class="filter-buttons">
          <button type="submit">Apply</button>
          <a href="/mandates" class="button secondary">
            Reset
          </a>
        </div>
      </form>
      {rows.state === "loading" ? <Loading what="mandates" /> : null}
      {rows.state === "error" ? <Failure error={rows.error} what="mandates" /> : null}
      {rows.state === "done" ? (
        <>
          <p class="table-summary">
            <span>
            <strong>{rows.data.total.toLocaleString("en")}</strong> mandates
            {filters.actor ? (
              <>
                {" "}
                to <a href={entityPath(filters.actor)}>{filters.actor}</a>
              </>
            ) : null}
            {filters.due ? ` due by the ${session(Number(filters.due))}` : ""}.
            </span>
            <a class="button secondary no-print" href={apiUrl("/mandates.csv", { ...filters, sort })} download="mandates.csv">
              Download CSV ({rows.data.total.toLocaleString("en")} rows)
            </a>
          </p>
          <div class="table-wrap">
            <table class="mandate-table">
              <caption class="visually-hidden">Mandates, {sort} first</caption>
              <thead>
                <tr>
                  <th scope="col">Resolution</th>
                  {header("Session", "session")}
                  {header("Actor", "actor")}
                  {header("Verb (strength)", "verb")}
                  <th scope="col">Action</th>
                  {header("Due", "due")}
                  <th scope="col">Report</th>
                  <th scope="col">Review or end</th>
                </tr>
              </thead>
              <tbody>
                <MandateRows items={rows.data.items} />
              </tbody>
            </table>
          </div>
          {rows.data.total > PAGE ? (
            <nav class="pager" aria-label="Table pages">
              {offset > 0 ? <a href={link({ offset: Math.max(0, offset - PAGE) })}>← Previous</a> : <span />}
              <span>
                {offset + 1}–{Math.min(offset + PAGE, rows.data.total)} of {rows.data.total.toLocaleString("en")}
              </span>
              {offset + PAGE < rows.data.total ? <a href={link({ offset: offset + PAGE })}>Next →</a> : <span />}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

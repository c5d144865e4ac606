import { useEffect, useState } from "preact/hooks";
import { parseParagraphRef } from "../../../src/model/paragraphs.js";
import type { ResolutionSearchResult } from "../../../src/registry/resolution-search.js";
import type { FacetName, SearchHit } from "../../../src/registry/store.js";
import { query, resolutionPath } from "../api.js";
import { Failure, Loading } from "../components/layout.js";
import { BODY_NAMES, LANGUAGE_NAMES, paragraphShort, session, shortSymbol } from "../components/format.js";
import { useApi, useUsable } from "../hooks.js";
import { navigate, useLocation } from "../router.js";

/** Facets shown, in order, with the filter parameter each sets. */
const FACETS: { name: FacetName; label: string; value?: (v: string) => string }[] = [
  { name: "body", label: "Organ", value: (v) => BODY_NAMES[v] ?? v },
  { name: "session", label: "Session", value: (v) => session(Number(v)) },
  { name: "committee", label: "Committee" },
  { name: "language", label: "Language", value: (v) => LANGUAGE_NAMES[v] ?? v },
  { name: "verb", label: "Verb" },
  { name: "actor", label: "Actor" },
  { name: "sdg", label: "SDG", value: (v) => `Goal ${v}` },
  { name: "hasReportDue", label: "Report due", value: (v) => (v === "true" ? "asks for a report by a set session" : "no report due") },
];
const FILTERS = [...FACETS.map((f) => f.name), "year", "kind"];
const PAGE = 10;
const FACETS_SHOWN = 8;

function paragraphLabel(p: SearchHit): string {
  const ref = parseParagraphRef(p.ref);
  const part = ref?.part ? ` of part ${ref.part}` : "";
  if (ref?.kind === "operative") return `Operative paragraph ${ref.number}${part}`;
  if (ref?.kind === "preambular") return `Preambular paragraph ${ref.number}${part}`;
  if (ref?.kind === "footnote") return `Footnote ${ref.number}`;
  return p.ref;
}

export function SearchPage() {
  const { search } = useLocation();
  const q = search.get("q") ?? "";
  const offset = Math.max(0, Number(search.get("offset")) || 0);
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = search.get(name);
    if (value) filters[name] = value;
  }
  const active = q !== "" || Object.keys(filters).length > 0;
  const answer = useApi<ResolutionSearchResult>(active ? "/search/resolutions" : null, { q, ...filters, offset, limit: PAGE, facets: FACETS.map((f) => f.name).join(",") });
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  // A symbol opens its resolution.
  useEffect(() => {
    if (answer.state === "done" && answer.data.symbol && offset === 0) navigate(resolutionPath(answer.data.symbol), { replace: true });
  }, [answer]);

  useUsable(!active || answer.state !== "loading", q ? `Search: ${q}` : "Search");

  const link = (changes: Record<string, string | number | null>) => {
    const params: Record<string, string | number> = { ...(q ? { q } : {}), ...filters };
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) delete params[k];
      else params[k] = v;
    }
    if (!("offset" in changes)) delete params.offset;
    return `/search${query(params)}`;
  };

  return (
    <div class="search-page">
      <h1 class={active ? "visually-hidden" : ""} tabIndex={-1}>
        Search United Nations resolutions
      </h1>
      <form
        role="search"
        class="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          navigate(link({ q: text.trim() || null }));
        }}
      >
        <label for="q">Words, a phrase in quotes, or a symbol (79/222, A/RES/79/222, S/RES/2719 (2023))</label>
        <div class="search-row">
          <input id="q" name="q" type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} autoComplete="off" />
          <button type="submit">Search</button>
        </div>
      </form>
      {!active ? <Welcome /> : null}
      {active && answer.state === "loading" ? <Loading what="results" /> : null}
      {answer.state === "error" ? <Failure error={answer.error} what="the results" /> : null}
      {active && answer.state === "done" ? (
        <div class="results-layout">
          <aside class="facets" aria-label="Refine the results">
            <h2>Refine</h2>
            {Object.keys(filters).length ? (
              <ul class="chips" aria-label="Filters applied">
                {Object.entries(filters).map(([name, value]) => {
                  const facet = FACETS.find((f) => f.name === name);
                  return (
                    <li key={name}>
                      <a href={link({ [name]: null })} aria-label={`Remove filter ${facet?.label ?? name}: ${facet?.value?.(value) ?? value}`}>
                        {facet?.label ?? name}: {facet?.value?.(value) ?? value} ✕
                      </a>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {FACETS.map((facet) => {
              const counts = (answer.data.facets[facet.name] ?? []).slice(0, FACETS_SHOWN);
              if (!counts.length || filters[facet.name]) return null;
              return (
                <section key={facet.name} class="facet">
                  <h3>{facet.label}</h3>
                  <ul>
                    {counts.map((c) => (
                      <li key={c.value}>
                        <a href={link({ [facet.name]: c.value })}>
                          {facet.value?.(c.value) ?? c.value} <span class="count">{c.count}</span>
                        </a>
                      </li>
                    ))}
                  </ul>
                </section>
              );
            })}
            <p class="muted small">Counts are matching paragraphs.</p>
          </aside>
          <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">
              {answer.data.total} {answer.data.total === 1 ? "resolution" : "resolutions"}
              <span class="muted small">
                {" "}
                ({answer.data.paragraphsExact ? "" : "more than "}
                {answer.data.paragraphs} matching paragraphs)
              </span>
            </h2>
            {answer.data.items.length === 0 ? <p>Nothing matches. Try fewer words, or remove a filter.</p> : null}
            <ol class="hits" start={offset + 1}>
              {answer.data.items.map((item) => (
                <li key={item.symbol + item.language} class="hit">
                  <h3>
                    <a href={resolutionPath(item.symbol)}>{item.title ?? item.symbol}</a>
                  </h3>
                  <p class="meta">
                    <span class="symbol">{item.symbol}</span> · {BODY_NAMES[item.body] ?? item.body} · {session(item.session)}
                    {item.language !== "en" ? ` · ${LANGUAGE_NAMES[item.language] ?? item.language}` : ""}
                    {item.titleMatch ? <span class="badge">title match</span> : null}
                    {item.matches > item.paragraphs.length ? <span class="muted"> · {item.matches} matching paragraphs</span> : null}
                  </p>
                  {item.paragraphs.length ? (
                    <ul class="snippets">
                      {item.paragraphs.map((p) => (
                        <li key={p.ref}>
                          <a href={resolutionPath(item.symbol, p.ref)} class="ref" aria-label={`${paragraphLabel(p)} of ${shortSymbol(item.symbol)}`}>
                            {paragraphShort(p.ref)}
                          </a>{" "}
                          <span class="snippet" dangerouslySetInnerHTML={{ __html: p.snippet }} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
            {answer.data.total > PAGE ? (
              <nav class="pager" aria-label="Result pages">
                {offset > 0 ? <a href={link({ offset: Math.max(0, offset - PAGE) })}>← Previous</a> : <span />}
                <span>
                  {offset + 1}–{Math.min(offset + PAGE, answer.data.total)} of {answer.data.total}
                </span>
                {offset + PAGE < answer.data.total ? <a href={link({ offset: offset + PAGE })}>Next →</a> : <span />}
              </nav>
            ) : null}
          </section>
        </div>
      ) : null}
    </div>
  );
}

function Welcome() {
  const examples = ["industrial development cooperation", '"small island developing States"', "79/222", "S/RES/2719 (2023)", "sustainab*"];
  return (
    <section class="welcome" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">Try</h2>
      <ul class="examples">
        {examples.map((e) => (
          <li key={e}>
            <a href={`/search${query({ q: e })}`}>{e}</a>
          </li>
        ))}
      </ul>
      <p>
        Or browse <a href="/mandates">who is asked to do what</a>, the <a href="/dashboard">dashboard</a> of mandates and reports due, and the{" "}
        <a href="/duplicates">duplication report</a>.
      </p>
    </section>
  );
}

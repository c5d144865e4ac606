import { lazy, Suspense } from "preact/compat";
import { useEffect, useMemo } from "preact/hooks";
import type { ReadingView } from "../../../src/export/reading.js";
import type { DocumentSummary, SeriesRecord, VersionInfo } from "../../../src/registry/store.js";
import { apiUrl, comparePath, query, resolutionPath, seriesPath } from "../api.js";
import { BODY_NAMES, LANGUAGE_NAMES, session, shortSymbol } from "../components/format.js";
import { Failure, Loading } from "../components/layout.js";
import { type Marks, MandateList, Paragraph } from "../components/reading.js";
import { useApi, useUsable } from "../hooks.js";
import { useLocation } from "../router.js";

const CitationGraph = lazy(() => import("../components/citation-graph.js").then((m) => ({ default: m.CitationGraph })));

/** GET /api/documents/:symbol/reading (src/server/routes/reading.ts). */
interface Reading {
  summary: DocumentSummary;
  version: number;
  versions: VersionInfo[];
  reading: ReadingView;
  held: string[];
  citedBy: { symbol: string; title: string | null; session: number | null }[];
}

interface Series {
  series: SeriesRecord[];
}

const FORMAT_NAMES: Record<string, string> = { akn: "UN Akoma Ntoso XML", ods: "ODS text", text: "text", pdf: "PDF", eosg: "EOSG paragraphs", docx: "Word", html: "HTML" };

export function ResolutionPage({ symbol }: { symbol: string }) {
  const { search } = useLocation();
  const version = search.get("version") ?? undefined;
  const language = search.get("language") ?? undefined;
  const loaded = useApi<Reading>(`/documents/${encodeURIComponent(symbol)}/reading`, { version, language });
  const series = useApi<Series>(loaded.state === "done" ? "/series" : null, { q: loaded.state === "done" ? loaded.data.summary.symbol : "" });
  const title = loaded.state === "done" ? `${shortSymbol(loaded.data.summary.symbol)} ${loaded.data.summary.title ?? ""}` : symbol;
  useUsable(loaded.state !== "loading", title);

  // A link to a paragraph (#operative.7) scrolls to it once the text is on screen.
  useEffect(() => {
    if (loaded.state !== "done" || !window.location.hash) return;
    document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView();
  }, [loaded.state]);

  const marks = useMemo<Marks | null>(
    () => (loaded.state === "done" ? { view: loaded.data.reading, held: new Set(loaded.data.held) } : null),
    [loaded],
  );

  if (loaded.state === "loading") return <Loading what={symbol} />;
  if (loaded.state === "error") return loaded.error.status === 404 ? <MissingResolution symbol={symbol} message={loaded.error.message} /> : <Failure error={loaded.error} what={symbol} />;
  const { summary, reading, versions, citedBy } = loaded.data;
  const doc = `/documents/${encodeURIComponent(summary.symbol)}`;
  const members = series.state === "done" ? (series.data.series[0]?.members ?? []) : [];
  const at = members.findIndex((m) => m.symbol === summary.symbol);
  const previous = at > 0 ? members[at - 1] : undefined;
  const next = at >= 0 && at < members.length - 1 ? members[at + 1] : undefined;
  const preamble = reading.paragraphs.filter((p) => p.kind === "preambular");
  const operative = reading.paragraphs.filter((p) => p.kind === "operative");
  let part: string | null = null;
  const partHeading = (p: { part: string | null }) => {
    if (!p.part || p.part === part) return null;
    part = p.part;
    return <h2 class="part">{p.part}</h2>;
  };

  return (
    <div class="resolution-page">
      <div class="resolution-layout">
        <article class="resolution" aria-labelledby="resolution-title">
          <p class="doc-symbol">{summary.symbol}</p>
          <h1 id="resolution-title" tabIndex={-1}>
            {shortSymbol(summary.symbol) !== summary.symbol ? `${shortSymbol(summary.symbol)}. ` : ""}
            {summary.title ?? "Untitled"}
          </h1>
          {loaded.data.version !== summary.version ? (
            <p class="notice">
              You are reading version {loaded.data.version}, a rendition kept beside the current text. <a href={resolutionPath(summary.symbol)}>Read the current version</a>.
            </p>
          ) : null}
          {reading.formula ? <p class="formula">{reading.formula}</p> : null}
          <section aria-label="Preamble" class="preamble">
            {preamble.map((p) => (
              <div key={p.id}>
                {partHeading(p)}
                <Paragraph p={p} marks={marks!} />
              </div>
            ))}
          </section>
          <section aria-label="Operative paragraphs" class="operative">
            {operative.map((p) => (
              <div key={p.id}>
                {partHeading(p)}
                <Paragraph p={p} marks={marks!} />
              </div>
            ))}
          </section>
          {reading.conclusions.meeting ? (
            <p class="conclusion">
              {summary.body === "SC" ? "Meeting" : "Plenary meeting"} {reading.conclusions.meeting}
              {reading.conclusions.date ? `, ${reading.conclusions.date}` : ""}
            </p>
          ) : null}
          {reading.annexes.map((a) => (
            <section key={a.label} class="annex" aria-label={a.label}>
              <h2>{a.label}</h2>
              {a.title ? <h3>{a.title}</h3> : null}
              {a.blocks.map((b, i) => (
                <p key={i}>{b}</p>
              ))}
            </section>
          ))}
          {reading.footnotes.length ? (
            <section class="footnotes" aria-labelledby="footnotes-heading">
              <h2 id="footnotes-heading">Footnotes</h2>
              <ol>
                {reading.footnotes.map((f) => (
                  <li key={f.number} value={f.number} id={`footnote.${f.number}`}>
                    {f.text}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {reading.footnotes.map((f) => (
            <div key={f.number} id={`fn-pop-${f.number}`} popover="auto" class="footnote-pop" role="note" aria-label={`Footnote ${f.number}`}>
              <p>
                <sup>{f.number}</sup> {f.text}
              </p>
              <button type="button" popovertarget={`fn-pop-${f.number}`} popovertargetaction="hide" class="secondary">
                Close
              </button>
            </div>
          ))}
        </article>

        <aside class="panel" aria-label="About this resolution">
          <section aria-labelledby="meta-heading">
            <h2 id="meta-heading">Details</h2>
            <dl class="meta-list">
              <dt>Symbol</dt>
              <dd>{summary.symbol}</dd>
              <dt>Organ</dt>
              <dd>{BODY_NAMES[summary.body] ?? summary.body}</dd>
              <dt>Session</dt>
              <dd>{summary.session ? session(summary.session) : "—"}</dd>
              {summary.committee ? (
                <>
                  <dt>Committee</dt>
                  <dd>{summary.committee}</dd>
                </>
              ) : null}
              {summary.agendaItem ? (
                <>
                  <dt>Agenda item</dt>
                  <dd>{summary.agendaItem}</dd>
                </>
              ) : null}
              <dt>Adopted</dt>
              <dd>{summary.adoptionDate ?? "—"}</dd>
              <dt>Language</dt>
              <dd>{LANGUAGE_NAMES[summary.language] ?? summary.language}</dd>
              <dt>Mandates</dt>
              <dd>{reading.mandates.length}</dd>
            </dl>
          </section>
          <section aria-labelledby="series-heading" class="no-print">
            <h2 id="series-heading">Series</h2>
            {members.length > 1 ? (
              <>
                <p>
                  Version {at + 1} of {members.length}: <a href={seriesPath(summary.symbol)}>the series' timeline</a>
                </p>
                <ul class="plain">
                  {previous ? (
                    <li>
                      <a href={comparePath(previous.symbol, summary.symbol)}>Compare with {shortSymbol(previous.symbol)}</a> (previous)
                    </li>
                  ) : null}
                  {next ? (
                    <li>
                      <a href={comparePath(summary.symbol, next.symbol)}>Compare with {shortSymbol(next.symbol)}</a> (next)
                    </li>
                  ) : null}
                </ul>
              </>
            ) : (
              <p class="muted">{series.state === "loading" ? "Looking for its series…" : "Not part of a recurring series held here."}</p>
            )}
          </section>
          {reading.sdgs.length ? (
            <section aria-labelledby="sdg-heading">
              <h2 id="sdg-heading">Sustainable Development Goals</h2>
              <ul class="sdgs">
                {reading.sdgs.map((s) => (
                  <li key={s.goal} class="sdg">
                    SDG {s.goal}
                    {s.evidence.length ? <span class="evidence">: {s.evidence.slice(0, 4).join(", ")}</span> : <span class="evidence"> (UN classification)</span>}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="mandates-heading">
            <h2 id="mandates-heading">Mandates</h2>
            <MandateList view={reading} />
          </section>
          <section aria-labelledby="citedby-heading" class="no-print">
            <h2 id="citedby-heading">Cited by</h2>
            {citedBy.length ? (
              <ul class="plain">
                {citedBy.map((c) => (
                  <li key={c.symbol}>
                    <a href={resolutionPath(c.symbol)}>{shortSymbol(c.symbol)}</a> {c.title ? <span class="muted">{c.title}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No document held here cites it.</p>
            )}
          </section>
          <section aria-labelledby="versions-heading" class="no-print">
            <h2 id="versions-heading">Versions and renditions</h2>
            <ul class="plain">
              {versions.map((v) => (
                <li key={v.number}>
                  {v.number === loaded.data.version ? (
                    <strong>Version {v.number}</strong>
                  ) : (
                    <a href={`${resolutionPath(summary.symbol)}${query({ version: v.number })}`}>Version {v.number}</a>
                  )}{" "}
                  · {FORMAT_NAMES[v.format] ?? v.format}
                  {v.current ? " · current" : " · rendition"}
                  {v.sourceName ? <span class="muted small"> · {v.sourceName}</span> : null}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="downloads-heading" class="no-print">
            <h2 id="downloads-heading">Download</h2>
            <ul class="plain">
              <li>
                <a href={apiUrl(doc, { version: loaded.data.version })} download={`${summary.symbol.replace(/\W+/g, "_")}.json`}>
                  JSON
                </a>
              </li>
              <li>
                <a href={apiUrl(doc, { format: "akn", version: loaded.data.version })} download={`${summary.symbol.replace(/\W+/g, "_")}.akn.xml`}>
                  Akoma Ntoso XML
                </a>
              </li>
              <li>
                <a href={apiUrl(doc, { format: "text", version: loaded.data.version })} download={`${summary.symbol.replace(/\W+/g, "_")}.txt`}>
                  Source text
                </a>
              </li>
              <li>
                <button type="button" class="secondary" onClick={() => window.print()}>
                  Print
                </button>
              </li>
            </ul>
          </section>
        </aside>
      </div>
      <section class="graph-section no-print" aria-labelledby="graph-heading">
        <h2 id="graph-heading">Citation neighbourhood</h2>
        <Suspense fallback={<Loading what="the citation graph" />}>
          <CitationGraph symbol={summary.symbol} />
        </Suspense>
      </section>
    </div>
  );
}

interface Nearest {
  symbol: string;
  nearest: { symbol: string; title: string | null; session: number | null }[];
}

function MissingResolution({ symbol, message }: { symbol: string; message: string }) {
  const near = useApi<Nearest>("/symbols/nearest", { near: symbol });
  useUsable(near.state !== "loading", "Not found");
  return (
    <div>
      <h1 tabIndex={-1}>No resolution {symbol}</h1>
      <p>{message.charAt(0).toUpperCase() + message.slice(1)}.</p>
      {near.state === "done" && near.data.nearest.length ? (
        <section aria-labelledby="nearest-heading">
          <h2 id="nearest-heading">Nearest symbols held</h2>
          <ul class="plain nearest">
            {near.data.nearest.map((n) => (
              <li key={n.symbol}>
                <a href={resolutionPath(n.symbol)}>{n.symbol}</a> {n.title ? <span class="muted">{n.title}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={`/search${query({ q: symbol })}`}>Search for “{symbol}”</a>
      </p>
    </div>
  );
}

import { useState } from "preact/hooks";
import { comparePath, entityPath, resolutionPath } from "../api.js";
import { paragraphShort, session, shortSymbol } from "../components/format.js";
import { Failure, Loading } from "../components/layout.js";
import { useApi, useUsable } from "../hooks.js";

/**
 * A series (GET /api/series/:symbol): its versions on a timeline with the earlier versions the
 * registry does not hold shown as gaps, then the life of each paragraph and each mandate across
 * the versions held.
 */

interface Member {
  symbol: string;
  session: number | null;
  title: string | null;
  adoptionDate: string | null;
}

interface Gap {
  symbol: string;
  session: number | null;
  namedBy: string[];
}

interface ParagraphLife {
  id: string;
  kind: string;
  appeared: number;
  dropped: number | null;
  states: { version: number; paragraph: string; change: string; similarity: number }[];
}

interface MandateLife {
  id: string;
  actor: string;
  verb: string;
  appeared: number;
  dropped: number | null;
  states: { version: number; status: string; mandate: { in: string; actorCanonical: string | null; dueSession: number | null; action: string } }[];
  longestVerbatimRun: number;
}

interface SeriesAnswer {
  series: { title: string; body: string; members: Member[] };
  gaps: Gap[];
  view: { title: string; versions: { symbol: string | null; session: number | null }[]; paragraphs: ParagraphLife[]; mandates: MandateLife[] };
}

type Stop = { kind: "held"; member: Member; index: number } | { kind: "gap"; gap: Gap };

/**
 * Where a version falls on the timeline, by its symbol where the registry gives no session (the
 * Human Rights Council's files, the Security Council's renewals): session, year, number.
 */
function placeOf(symbol: string, session: number | null): [number, number, number] {
  const inSession = /\/RES\/(?:[A-Z]+-)?(\d+)\/(\d+)/.exec(symbol);
  if (inSession) return [session ?? Number(inSession[1]), 0, Number(inSession[2])];
  const inYear = /\/RES\/(\d+)(?: [A-Z])? \((\d{4})\)/.exec(symbol);
  return inYear ? [session ?? 0, Number(inYear[2]), Number(inYear[1])] : [session ?? 0, 0, 0];
}

/** "seventy-ninth session" (from the symbol when the registry gives none), or the year a Council resolution's symbol prints. */
function when(symbol: string, n: number | null): string {
  const [inSession, year] = placeOf(symbol, n);
  return inSession || !year ? session(inSession || null) : String(year);
}

const CELL: Record<string, string> = { initial: "●", unchanged: "=", edited: "Δ", moved: "↕", added: "+", new: "+", changed: "Δ", split: "⑂", merged: "⑃" };

export function SeriesPage({ symbol }: { symbol: string }) {
  const answer = useApi<SeriesAnswer>(`/series/${encodeURIComponent(symbol)}`);
  const [showAll, setShowAll] = useState(false);
  useUsable(answer.state !== "loading", answer.state === "done" ? `Series: ${answer.data.series.title}` : "Series");
  if (answer.state === "loading") return <Loading what="the series" />;
  if (answer.state === "error") return <Failure error={answer.error} what="the series" />;
  const { series, gaps, view } = answer.data;
  const stops: Stop[] = [
    ...series.members.map((member, index) => ({ kind: "held" as const, member, index })),
    ...gaps.map((gap) => ({ kind: "gap" as const, gap })),
  ].sort((a, b) => {
    const [x, y] = [a, b].map((s) => (s.kind === "held" ? placeOf(s.member.symbol, s.member.session) : placeOf(s.gap.symbol, s.gap.session)));
    return x![0] - y![0] || x![1] - y![1] || x![2] - y![2];
  });
  const versions = view.versions;
  const paragraphs = showAll ? view.paragraphs : view.paragraphs.filter((p) => p.kind === "operative");

  return (
    <div class="series-page">
      <h1 tabIndex={-1}>{series.title}</h1>
      <p>
        {series.members.length} versions held, {gaps.length} earlier {gaps.length === 1 ? "version" : "versions"} named by their recalling paragraphs but not held.
      </p>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <ol class="timeline">
          {stops.map((s) =>
            s.kind === "held" ? (
              <li key={s.member.symbol} class="stop held">
                <span class="stop-session">{when(s.member.symbol, s.member.session)}</span>
                <a href={resolutionPath(s.member.symbol)} class="stop-symbol">
                  {shortSymbol(s.member.symbol)}
                </a>
                <span class="muted small">{s.member.adoptionDate ?? ""}</span>
                {s.index > 0 ? (
                  <a class="small" href={comparePath(series.members[s.index - 1]!.symbol, s.member.symbol)}>
                    compare with {shortSymbol(series.members[s.index - 1]!.symbol)}
                  </a>
                ) : null}
              </li>
            ) : (
              <li key={s.gap.symbol} class="stop gap" aria-label={`${s.gap.symbol}: not held (gap)`}>
                <span class="stop-session">{when(s.gap.symbol, s.gap.session)}</span>
                <span class="stop-symbol">{shortSymbol(s.gap.symbol)}</span>
                <span class="small">not held</span>
                <span class="muted small" title={`named by ${s.gap.namedBy.map(shortSymbol).join(", ")}`}>
                  named by {s.gap.namedBy.length === 1 ? shortSymbol(s.gap.namedBy[0]!) : `${shortSymbol(s.gap.namedBy[0]!)} and ${s.gap.namedBy.length - 1} more`}
                </span>
              </li>
            ),
          )}
        </ol>
      </section>
      <section aria-labelledby="mandate-life-heading">
        <h2 id="mandate-life-heading">Mandates across versions</h2>
        <p class="muted small">+ new, = renewed as it was, Δ changed, blank: absent. Longest verbatim run counts consecutive versions renewing it unchanged.</p>
        <div class="table-wrap">
          <table class="life">
            <caption class="visually-hidden">Each mandate's state in each version held</caption>
            <thead>
              <tr>
                <th scope="col">Actor · verb</th>
                {versions.map((v) => (
                  <th scope="col" key={v.symbol} class="num">
                    {shortSymbol(v.symbol ?? "")}
                  </th>
                ))}
                <th scope="col" class="num">
                  Verbatim run
                </th>
              </tr>
            </thead>
            <tbody>
              {view.mandates.map((m) => {
                const byVersion = new Map(m.states.map((s) => [s.version, s]));
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <a href={entityPath(m.states[0]?.mandate.actorCanonical ?? m.actor)}>{m.actor}</a> · {m.verb}
                    </th>
                    {versions.map((v, i) => {
                      const s = byVersion.get(i);
                      return (
                        <td key={i} class={`num cell ${s?.status ?? "absent"}`} title={s ? `${s.status} in ${v.symbol}, ${paragraphShort(s.mandate.in)}: ${s.mandate.action}` : `not in ${v.symbol}`}>
                          {s ? (
                            <a href={resolutionPath(v.symbol ?? "", s.mandate.in)} aria-label={`${s.status} in ${v.symbol} ${paragraphShort(s.mandate.in)}`}>
                              {CELL[s.status] ?? s.status}
                            </a>
                          ) : (
                            <span class="visually-hidden">absent</span>
                          )}
                        </td>
                      );
                    })}
                    <td class="num">{m.longestVerbatimRun}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="paragraph-life-heading">
        <h2 id="paragraph-life-heading">Paragraphs across versions</h2>
        <label class="toggle">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll((e.target as HTMLInputElement).checked)} /> include preambular paragraphs
        </label>
        <p class="muted small">● first version, = unchanged, Δ edited, ↕ moved, + added; each cell names the paragraph in that version.</p>
        <div class="table-wrap">
          <table class="life">
            <caption class="visually-hidden">Each paragraph's place and change in each version held</caption>
            <thead>
              <tr>
                <th scope="col">Paragraph</th>
                {versions.map((v) => (
                  <th scope="col" key={v.symbol} class="num">
                    {shortSymbol(v.symbol ?? "")}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {paragraphs.map((p) => {
                const byVersion = new Map(p.states.map((s) => [s.version, s]));
                const last = p.states[p.states.length - 1]!;
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      {paragraphShort(last.paragraph)} <span class="muted small">of {shortSymbol(versions[last.version]?.symbol ?? "")}</span>
                    </th>
                    {versions.map((v, i) => {
                      const s = byVersion.get(i);
                      return (
                        <td key={i} class={`num cell ${s?.change ?? "absent"}`}>
                          {s ? (
                            <a href={resolutionPath(v.symbol ?? "", s.paragraph)} aria-label={`${paragraphShort(s.paragraph)} of ${v.symbol}, ${s.change}`}>
                              {CELL[s.change] ?? ""} {paragraphShort(s.paragraph)}
                            </a>
                          ) : (
                            <span class="visually-hidden">absent</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

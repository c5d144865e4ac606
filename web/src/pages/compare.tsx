import { useEffect, useState } from "preact/hooks";
import { comparePath, resolutionPath, seriesPath } from "../api.js";
import { paragraphShort, shortSymbol } from "../components/format.js";
import { Failure, Loading } from "../components/layout.js";
import { MandateChanges, type MandateChange } from "../components/mandate-changes.js";
import { useApi, useUsable } from "../hooks.js";
import { navigate, useLocation } from "../router.js";

/**
 * Two resolutions compared (GET /api/diff): aligned paragraphs side by side or inline with
 * their word changes, moves shown as moves, and the mandates that changed. When both belong to
 * a series, the page steps to the previous or next pair of versions.
 */

interface Token {
  type: "equal" | "insert" | "delete";
  text: string;
}

interface Pair {
  kind: string;
  from: string | null;
  to: string | null;
  change: "unchanged" | "edited" | "moved" | "added" | "dropped" | string;
  similarity: number;
  moved: boolean;
  edited: boolean;
  relation?: string;
  changes: Token[];
}

interface Diff {
  from: { symbol: string | null; session: number | null };
  to: { symbol: string | null; session: number | null };
  summary: Record<string, number>;
  pairs: Pair[];
  mandates: { summary: Record<string, number>; changes: MandateChange[] };
}

interface Series {
  series: { title: string; members: { symbol: string; session: number | null }[] }[];
}

function Side({ tokens, keep }: { tokens: Token[]; keep: "delete" | "insert" }) {
  return (
    <>
      {tokens.map((t, i) =>
        t.type === "equal" ? (
          <span key={i}>{t.text}</span>
        ) : t.type === keep ? (
          keep === "delete" ? (
            <del key={i}>{t.text}</del>
          ) : (
            <ins key={i}>{t.text}</ins>
          )
        ) : null,
      )}
    </>
  );
}

function Inline({ tokens }: { tokens: Token[] }) {
  return (
    <>
      {tokens.map((t, i) => (t.type === "equal" ? <span key={i}>{t.text}</span> : t.type === "delete" ? <del key={i}>{t.text}</del> : <ins key={i}>{t.text}</ins>))}
    </>
  );
}

const CHANGE_LABELS: Record<string, string> = { unchanged: "unchanged", edited: "edited", moved: "moved", added: "new", dropped: "dropped" };

function PairRow({ pair, mode }: { pair: Pair; mode: "side" | "inline" }) {
  const label =
    pair.change === "moved" ? `moved from ${paragraphShort(pair.from)} to ${paragraphShort(pair.to)}${pair.edited ? ", edited" : ""}` : (CHANGE_LABELS[pair.change] ?? pair.change);
  return (
    <li class={`pair ${pair.change}${pair.moved ? " is-moved" : ""}`} data-change={pair.change}>
      <p class="pair-head">
        <span class="refs">
          {paragraphShort(pair.from)} → {paragraphShort(pair.to)}
        </span>{" "}
        <span class={`change-badge ${pair.change}`}>{label}</span>
        {pair.relation ? <span class="muted small"> ({pair.relation})</span> : null}
      </p>
      {mode === "side" ? (
        <div class="sides">
          <div class="side from">{pair.from ? <Side tokens={pair.changes} keep="delete" /> : <span class="muted">not in the earlier text</span>}</div>
          <div class="side to">{pair.to ? <Side tokens={pair.changes} keep="insert" /> : <span class="muted">not in the later text</span>}</div>
        </div>
      ) : (
        <div class="inline-diff">
          <Inline tokens={pair.changes} />
        </div>
      )}
    </li>
  );
}

export function ComparePage() {
  const { search } = useLocation();
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";
  const [mode, setMode] = useState<"side" | "inline">(window.matchMedia?.("(max-width: 760px)").matches ? "inline" : "side");
  const [hideUnchanged, setHideUnchanged] = useState(true);
  const [fromText, setFrom] = useState(from);
  const [toText, setTo] = useState(to);
  useEffect(() => {
    setFrom(from);
    setTo(to);
  }, [from, to]);
  const both = from !== "" && to !== "";
  const diff = useApi<Diff>(both ? "/diff" : null, { from, to });
  const series = useApi<Series>(both ? "/series" : null, { q: to });
  useUsable(!both || diff.state !== "loading", both ? `Compare ${shortSymbol(from)} and ${shortSymbol(to)}` : "Compare");

  const members = series.state === "done" ? (series.data.series[0]?.members ?? []) : [];
  const i = members.findIndex((m) => m.symbol === (diff.state === "done" ? diff.data.to.symbol : to));
  const consecutive = i > 0 && members[i - 1]!.symbol === (diff.state === "done" ? diff.data.from.symbol : from);

  return (
    <div class="compare-page">
      <h1 tabIndex={-1}>Compare resolutions</h1>
      <form
        class="compare-form no-print"
        onSubmit={(e) => {
          e.preventDefault();
          if (fromText.trim() && toText.trim()) navigate(comparePath(fromText.trim(), toText.trim()));
        }}
      >
        <div>
          <label for="from">Earlier resolution</label>
          <input id="from" value={fromText} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} placeholder="77/180" />
        </div>
        <div>
          <label for="to">Later resolution</label>
          <input id="to" value={toText} onInput={(e) => setTo((e.target as HTMLInputElement).value)} placeholder="79/222" />
        </div>
        <button type="submit">Compare</button>
      </form>
      {!both ? <p>Give two symbols, or open a resolution and follow “Compare with” from its series.</p> : null}
      {both && diff.state === "loading" ? <Loading what="the comparison" /> : null}
      {diff.state === "error" ? <Failure error={diff.error} what="the comparison" /> : null}
      {diff.state === "done" ? (
        <>
          <p class="compare-title">
            <a href={resolutionPath(diff.data.from.symbol ?? from)}>{diff.data.from.symbol}</a> → <a href={resolutionPath(diff.data.to.symbol ?? to)}>{diff.data.to.symbol}</a>
          </p>
          {members.length > 1 && i >= 0 ? (
            <nav class="stepper no-print" aria-label="Versions of the series">
              {i > 1 || (i === 1 && !consecutive) ? (
                <a href={comparePath(members[consecutive ? i - 2 : i - 1]!.symbol, members[consecutive ? i - 1 : i]!.symbol)}>← Earlier pair</a>
              ) : (
                <span />
              )}
              <a href={seriesPath(members[i]!.symbol)}>
                Series: {series.state === "done" ? series.data.series[0]!.title : ""} ({members.length} versions)
              </a>
              {i < members.length - 1 ? <a href={comparePath(members[i]!.symbol, members[i + 1]!.symbol)}>Later pair →</a> : <span />}
            </nav>
          ) : null}
          <ul class="counts" aria-label="Paragraphs">
            {["unchanged", "edited", "moved", "added", "dropped"].map((k) => (
              <li key={k} class={`change-badge ${k}`}>
                {diff.data.summary[k] ?? 0} {CHANGE_LABELS[k]}
              </li>
            ))}
          </ul>
          <fieldset class="view-options no-print">
            <legend>Show</legend>
            <label>
              <input type="radio" name="mode" checked={mode === "side"} onChange={() => setMode("side")} /> side by side
            </label>
            <label>
              <input type="radio" name="mode" checked={mode === "inline"} onChange={() => setMode("inline")} /> inline changes
            </label>
            <label>
              <input type="checkbox" checked={hideUnchanged} onChange={(e) => setHideUnchanged((e.target as HTMLInputElement).checked)} /> hide unchanged paragraphs
            </label>
          </fieldset>
          <section aria-labelledby="mandate-changes-heading">
            <h2 id="mandate-changes-heading">Mandates that changed</h2>
            <MandateChanges changes={diff.data.mandates.changes} summary={diff.data.mandates.summary} />
          </section>
          <section aria-labelledby="paragraphs-heading">
            <h2 id="paragraphs-heading">Paragraphs</h2>
            {mode === "side" ? (
              <div class="sides sides-head" aria-hidden="true">
                <div>{diff.data.from.symbol}</div>
                <div>{diff.data.to.symbol}</div>
              </div>
            ) : null}
            <ol class="pairs">
              {diff.data.pairs
                .filter((p) => !hideUnchanged || p.change !== "unchanged")
                .map((p, k) => (
                  <PairRow key={`${p.from}-${p.to}-${k}`} pair={p} mode={mode} />
                ))}
            </ol>
          </section>
        </>
      ) : null}
    </div>
  );
}

import { apiUrl, query, seriesPath } from "../../api.js";
import { Failure, Loading } from "../../components/layout.js";
import { useApi, useUsable } from "../../hooks.js";
import { useLocation } from "../../router.js";
import { ReviewNav } from "./my-mandates.js";
import type { SummaryRow } from "./types.js";

/** The review summarised per entity or per series (GET /api/reviews/summary): retained, flagged, proposed for removal; CSV and print. */

export function SummaryPage() {
  const { search } = useLocation();
  const by = search.get("by") === "series" ? "series" : "entity";
  const entity = search.get("entity") ?? "";
  const rows = useApi<{ rows: SummaryRow[] }>("/reviews/summary", { by, entity: entity || undefined });
  useUsable(rows.state !== "loading", `Review summary by ${by}`);
  const total = (key: keyof SummaryRow) => (rows.state === "done" ? rows.data.rows.reduce((n, r) => n + Number(r[key]), 0) : 0);
  return (
    <div class="summary-page">
      <h1 tabIndex={-1}>Review summary by {by}</h1>
      <ReviewNav />
      <p class="toolbar no-print">
        {by === "entity" ? <a href={`/review/summary${query({ by: "series", entity })}`}>By series</a> : <a href={`/review/summary${query({ entity })}`}>By entity</a>}
        <a href={apiUrl("/reviews/summary.csv", { by, entity: entity || undefined })} download>
          Download as CSV
        </a>
        <button type="button" class="secondary" onClick={() => window.print()}>
          Print
        </button>
      </p>
      {rows.state === "loading" ? <Loading what="the summary" /> : null}
      {rows.state === "error" ? <Failure error={rows.error} what="the summary" /> : null}
      {rows.state === "done" ? (
        rows.data.rows.length ? (
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Decisions per {by}</caption>
              <thead>
                <tr>
                  <th scope="col">{by === "entity" ? "Entity" : "Series (newest resolution)"}</th>
                  <th scope="col" class="num">Mandates</th>
                  <th scope="col" class="num">Retained</th>
                  <th scope="col" class="num">Flagged for review</th>
                  <th scope="col" class="num">Proposed for removal</th>
                  <th scope="col" class="num">Undecided</th>
                  <th scope="col" class="num">To confirm</th>
                  {by === "entity" ? <th scope="col" class="num">Orphaned</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.data.rows.map((r) => (
                  <tr key={r.group + (r.symbol ?? "")}>
                    <th scope="row">{r.symbol ? <a href={seriesPath(r.symbol)}>{r.group}</a> : <a href={`/review${query({ entity: r.group })}`}>{r.group}</a>}</th>
                    <td class="num">{r.mandates}</td>
                    <td class="num">{r.retained}</td>
                    <td class="num">{r.flagged}</td>
                    <td class="num">{r.removal}</td>
                    <td class="num">{r.undecided}</td>
                    <td class="num">{r.needsConfirmation}</td>
                    {by === "entity" ? <td class="num">{r.orphaned}</td> : null}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">All</th>
                  <td class="num">{total("mandates")}</td>
                  <td class="num">{total("retained")}</td>
                  <td class="num">{total("flagged")}</td>
                  <td class="num">{total("removal")}</td>
                  <td class="num">{total("undecided")}</td>
                  <td class="num">{total("needsConfirmation")}</td>
                  {by === "entity" ? <td class="num">{total("orphaned")}</td> : null}
                </tr>
              </tfoot>
            </table>
          </div>
        ) : (
          <p>No decision has been recorded yet.</p>
        )
      ) : null}
    </div>
  );
}

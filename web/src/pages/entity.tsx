import type { MandateRecord, Paged } from "../../../src/registry/store.js";
import { query } from "../api.js";
import { SessionBars } from "../components/charts.js";
import { session } from "../components/format.js";
import { DataTable, Failure, Loading } from "../components/layout.js";
import { useApi, useUsable } from "../hooks.js";
import { bySession, type Groups } from "./dashboard.js";
import { MandateRows } from "./mandates.js";

/** What is asked of one entity (UNIDO, the Secretary-General), session by session. */

const SHOWN = 100;

export function EntityPage({ name }: { name: string }) {
  const groups = useApi<Groups>("/mandates/groups", { actor: name, by: "session", limit: 500 });
  const verbs = useApi<Groups>("/mandates/groups", { actor: name, by: "verb", limit: 20 });
  const newest = useApi<Paged<MandateRecord>>("/mandates", { actor: name, limit: SHOWN });
  useUsable(groups.state !== "loading" && newest.state !== "loading", name);
  if (groups.state === "loading" || newest.state === "loading") return <Loading what={name} />;
  if (groups.state === "error") return <Failure error={groups.error} what={name} />;
  if (newest.state === "error") return <Failure error={newest.error} what={name} />;
  const total = groups.data.groups.reduce((n, g) => n + g.mandates, 0);
  const reports = groups.data.groups.reduce((n, g) => n + g.reports, 0);
  const rows = bySession(groups.data, "session", "mandates");
  const bySessionRows = [...groups.data.groups].filter((g) => g.key.session !== null).sort((a, b) => Number(b.key.session) - Number(a.key.session));
  return (
    <div class="entity-page">
      <h1 tabIndex={-1}>{name}</h1>
      <p>
        {total.toLocaleString("en")} mandates, {reports.toLocaleString("en")} of them asking for a report.{" "}
        <a href={`/mandates${query({ actor: name })}`}>Filter and download them in the mandate table</a>.
      </p>
      {total === 0 ? <p>No resolution held here addresses “{name}”.</p> : null}
      <div class="charts">
        {rows.length ? <SessionBars data={rows} caption={`Mandates to ${name} per session`} label="Mandates" /> : null}
        {verbs.state === "done" && verbs.data.groups.length ? (
          <section aria-labelledby="verbs-heading">
            <h2 id="verbs-heading">Asked how</h2>
            <ul class="plain">
              {verbs.data.groups.map((g) => (
                <li key={String(g.key.verb)}>
                  <a href={`/mandates${query({ actor: name, verb: String(g.key.verb) })}`}>{String(g.key.verb)}</a> <span class="count">{g.mandates}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">By session</h2>
        <DataTable class="compact" columns={["Session", { label: "Mandates", numeric: true }, { label: "Reports asked", numeric: true }]}>
          {bySessionRows.map((g) => (
            <tr key={String(g.key.session)}>
              <th scope="row">
                <a href={`/mandates${query({ actor: name, session: Number(g.key.session) })}`}>{session(Number(g.key.session))}</a>
              </th>
              <td class="num">{g.mandates}</td>
              <td class="num">{g.reports}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading">Newest mandates{newest.data.total > SHOWN ? ` (${SHOWN} of ${newest.data.total.toLocaleString("en")})` : ""}</h2>
        <DataTable class="mandate-table" columns={["Resolution", "Session", "Actor", "Verb (strength)", "Action", "Due", "Report", "Review or end"]}>
          <MandateRows items={newest.data.items} />
        </DataTable>
      </section>
    </div>
  );
}

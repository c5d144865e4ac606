import { useEffect, useState } from "preact/hooks";
import { query, reviewPath } from "../../api.js";
import { useAuth } from "../../auth.js";
import { paragraphShort, session, shortSymbol } from "../../components/format.js";
import { DataTable, Failure, Loading } from "../../components/layout.js";
import { useApi, useUsable } from "../../hooks.js";
import { navigate, useLocation } from "../../router.js";
import { ReviewNav } from "./my-mandates.js";
import type { MandateTarget } from "./types.js";

/** Reports overdue today (GET /api/reports/overdue): due at a session that has closed with no delivery recorded. */

const PAGE = 50;

export function OverduePage() {
  const { search } = useLocation();
  const auth = useAuth();
  const entity = search.get("entity") ?? auth.user?.entities[0] ?? "";
  const asked = search.get("since");
  const offset = Math.max(0, Number(search.get("offset")) || 0);
  // without a session asked for, the API looks back six sessions from the one sitting
  const rows = useApi<{ sitting: number; since: number; total: number; items: { mandate: MandateTarget & { title: string | null }; session: number; entities: string[] }[] }>(
    auth.user === undefined ? null : "/reports/overdue",
    { entity: entity || undefined, since: asked || undefined, limit: PAGE, offset },
  );
  const since = rows.state === "done" ? rows.data.since : asked ? Number(asked) : undefined;
  const [form, setForm] = useState({ entity, since: since ? String(since) : "" });
  useEffect(() => setForm({ entity, since: since ? String(since) : "" }), [entity, since]);
  useUsable(rows.state !== "loading", "Overdue reports");
  return (
    <div class="overdue-page">
      <h1 tabIndex={-1}>Overdue reports{entity ? ` of ${entity}` : ""}</h1>
      <ReviewNav />
      <p>
        A report due at a session is overdue once that session has closed (session N runs from September of 1945 + N to September of 1946 + N) and no delivery has been recorded for it. Recurring
        reports fall due again each period, until a later version of the resolution asks for them anew.
      </p>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/review/overdue${query({ entity: form.entity, since: form.since })}`);
        }}
      >
        <div>
          <label for="overdue-entity">Entity</label>
          <input id="overdue-entity" type="text" value={form.entity} placeholder="every entity" onInput={(e) => setForm({ ...form, entity: (e.target as HTMLInputElement).value })} />
        </div>
        <div>
          <label for="overdue-since">Due since session</label>
          <input id="overdue-since" type="number" min={1} max={200} value={form.since} onInput={(e) => setForm({ ...form, since: (e.target as HTMLInputElement).value })} />
        </div>
        <button type="submit">Show</button>
      </form>
      {rows.state === "loading" ? <Loading what="the overdue reports" /> : null}
      {rows.state === "error" ? <Failure error={rows.error} what="the overdue reports" /> : null}
      {rows.state === "done" ? (
        <>
          <p>
            {rows.data.total.toLocaleString("en")} report{rows.data.total === 1 ? "" : "s"} due since the {session(rows.data.since)} overdue; the {session(rows.data.sitting)} sits.
          </p>
          {rows.data.items.length ? (
          <DataTable class="stack" columns={["Due", "Mandate", "Asked of", "What"]}>
            {rows.data.items.map((o) => (
              <tr key={`${o.mandate.id}-${o.session}`}>
                <td data-label="Due">{session(o.session)}</td>
                <td>
                  <a href={reviewPath(o.mandate.id)}>
                    {shortSymbol(o.mandate.symbol)} {paragraphShort(o.mandate.ref, o.mandate.sub)}
                  </a>
                </td>
                <td data-label="Asked of">{o.mandate.actorCanonical ?? o.mandate.actor}</td>
                <td class="action">{o.mandate.action.length > 180 ? `${o.mandate.action.slice(0, 179)}…` : o.mandate.action}</td>
              </tr>
            ))}
          </DataTable>
          ) : null}
          <nav class="pager no-print" aria-label="Pages">
            {offset > 0 ? <a href={`/review/overdue${query({ entity, since, offset: Math.max(0, offset - PAGE) })}`}>Previous</a> : <span />}
            {offset + PAGE < rows.data.total ? <a href={`/review/overdue${query({ entity, since, offset: offset + PAGE })}`}>Next</a> : <span />}
          </nav>
        </>
      ) : null}
    </div>
  );
}

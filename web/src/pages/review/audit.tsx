import { useEffect, useState } from "preact/hooks";
import { apiUrl, query, reviewPath } from "../../api.js";
import { useAuth } from "../../auth.js";
import { DataTable, Failure, Loading } from "../../components/layout.js";
import { useApi, useUsable } from "../../hooks.js";
import { navigate, useLocation } from "../../router.js";
import { ReviewNav } from "./my-mandates.js";
import type { AuditEntry } from "./types.js";
import { when } from "./types.js";

/** The audit trail (GET /api/audit), per mandate or per user, newest first; CSV. */

const PAGE = 50;

function state(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== "" && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
    .join("; ");
}

export function AuditPage() {
  const { search } = useLocation();
  const auth = useAuth();
  const mandate = search.get("mandate") ?? "";
  const user = search.get("user") ?? "";
  const offset = Math.max(0, Number(search.get("offset")) || 0);
  const rows = useApi<{ total: number; items: AuditEntry[] }>(auth.user ? "/audit" : null, { mandate: mandate || undefined, user: user || undefined, limit: PAGE, offset });
  const [form, setForm] = useState({ mandate, user });
  useEffect(() => setForm({ mandate, user }), [mandate, user]);
  useUsable(auth.user !== undefined && (!auth.user || rows.state !== "loading"), "Audit trail");
  return (
    <div class="audit-page">
      <h1 tabIndex={-1}>Audit trail</h1>
      <ReviewNav />
      <p>Every change to decisions, deliveries, accounts and tokens: who made it, when, how, and the state before and after. The trail cannot be changed.</p>
      {!auth.user ? (
        <p>
          The trail names the people who made each change: <a href="/sign-in?next=/review/audit">sign in</a> to read it.
        </p>
      ) : (
        <>
          <form
            class="toolbar"
            onSubmit={(e) => {
              e.preventDefault();
              navigate(`/review/audit${query(form)}`);
            }}
          >
            <div>
              <label for="audit-mandate">Mandate id</label>
              <input id="audit-mandate" type="text" value={form.mandate} onInput={(e) => setForm({ ...form, mandate: (e.target as HTMLInputElement).value })} />
            </div>
            <div>
              <label for="audit-user">User (email)</label>
              <input id="audit-user" type="text" value={form.user} onInput={(e) => setForm({ ...form, user: (e.target as HTMLInputElement).value })} />
            </div>
            <button type="submit">Show</button>
            <a href={apiUrl("/audit.csv", { mandate: mandate || undefined, user: user || undefined })} download>
              Download as CSV
            </a>
          </form>
          {rows.state === "loading" ? <Loading what="the audit trail" /> : null}
          {rows.state === "error" ? <Failure error={rows.error} what="the audit trail" /> : null}
          {rows.state === "done" ? (
            <>
              <p>
                {rows.data.total.toLocaleString("en")} change{rows.data.total === 1 ? "" : "s"}
              </p>
              <DataTable class="stack" columns={["When", "Who", "What", "Before", "After"]}>
                {rows.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>{when(e.at)}</td>
                    <td>
                      {e.user ? <a href={`/review/audit${query({ user: e.user })}`}>{e.user}</a> : "the registry"} <span class="muted small">({e.via})</span>
                    </td>
                    <td>
                      {e.action}
                      {e.mandateId ? (
                        <>
                          {" "}
                          on <a href={reviewPath(e.mandateId)}>{e.mandateId}</a>
                        </>
                      ) : null}
                      {e.entity ? ` for ${e.entity}` : ""}
                      {e.subject ? ` (${e.subject})` : ""}
                    </td>
                    <td class="small" data-label="Before">{state(e.before)}</td>
                    <td class="small" data-label="After">{state(e.after)}</td>
                  </tr>
                ))}
              </DataTable>
              <nav class="pager no-print" aria-label="Pages">
                {offset > 0 ? <a href={`/review/audit${query({ mandate, user, offset: Math.max(0, offset - PAGE) })}`}>Newer</a> : <span />}
                {offset + PAGE < rows.data.total ? <a href={`/review/audit${query({ mandate, user, offset: offset + PAGE })}`}>Older</a> : <span />}
              </nav>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}

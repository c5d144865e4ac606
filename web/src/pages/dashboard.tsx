import { entityPath } from "../api.js";
import { type Bar, RankBars, SessionBars, Treemap } from "../components/charts.js";
import { BODY_NAMES } from "../components/format.js";
import { Failure, Loading } from "../components/layout.js";
import { useApi, useUsable } from "../hooks.js";

/** Charts over every mandate held (GET /api/mandates/groups): per session, reports due, top actors, organ and committee. */

export interface Groups {
  groups: { key: Record<string, string | number | null>; mandates: number; reports: number }[];
}

export const bySession = (g: Groups, key: string, value: "mandates" | "reports"): Bar[] =>
  g.groups
    .filter((r) => r.key[key] !== null && Number(r.key[key]) >= 1 && Number(r.key[key]) <= 120)
    .map((r) => ({ label: String(r.key[key]), value: r[value] }))
    .sort((a, b) => Number(a.label) - Number(b.label));

export function DashboardPage() {
  const sessions = useApi<Groups>("/mandates/groups", { by: "session", limit: 500 });
  const due = useApi<Groups>("/mandates/groups", { by: "due", report: true, limit: 500 });
  const actors = useApi<Groups>("/mandates/groups", { by: "actor", limit: 15 });
  const committees = useApi<Groups>("/mandates/groups", { by: "body,committee", limit: 60 });
  const all = [sessions, due, actors, committees];
  useUsable(all.every((a) => a.state !== "loading"), "Dashboard");
  const failed = all.find((a) => a.state === "error");
  return (
    <div class="dashboard">
      <h1 tabIndex={-1}>Dashboard</h1>
      {failed && failed.state === "error" ? <Failure error={failed.error} what="the dashboard" /> : null}
      {all.some((a) => a.state === "loading") ? <Loading what="the charts" /> : null}
      <div class="charts">
        {sessions.state === "done" ? <SessionBars data={bySession(sessions.data, "session", "mandates")} caption="Mandates given per session" label="Mandates" /> : null}
        {due.state === "done" ? <SessionBars data={bySession(due.data, "due", "reports")} caption="Reports due per session" label="Reports" color="#8a4b08" /> : null}
        {actors.state === "done" ? (
          <div>
            <RankBars data={actors.data.groups.map((g) => ({ label: String(g.key.actor), value: g.mandates }))} caption="Top actors by mandates" label="Mandates" />
            <p class="small">
              Entity pages:{" "}
              {actors.data.groups.slice(0, 8).map((g, i) => (
                <span key={String(g.key.actor)}>
                  {i ? ", " : ""}
                  <a href={entityPath(String(g.key.actor))}>{String(g.key.actor)}</a>
                </span>
              ))}
            </p>
          </div>
        ) : null}
      </div>
      {committees.state === "done" ? (
        <Treemap
          caption="Mandates by organ and committee"
          leaves={committees.data.groups.map((g) => ({
            group: BODY_NAMES[String(g.key.body)] ?? String(g.key.body),
            name: g.key.committee === null ? "Plenary (no committee)" : String(g.key.committee),
            value: g.mandates,
          }))}
        />
      ) : null}
    </div>
  );
}

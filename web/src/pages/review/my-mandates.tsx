import { useEffect, useState } from "preact/hooks";
import { apiUrl, query, resolutionPath, reviewPath } from "../../api.js";
import { useAuth } from "../../auth.js";
import { paragraphShort, shortSymbol } from "../../components/format.js";
import { DataTable, Failure, Loading } from "../../components/layout.js";
import { useApi, useUsable } from "../../hooks.js";
import { navigate, useLocation } from "../../router.js";
import { DECISION_NAMES, type EntityMandate, type Review, STATUS_NAMES } from "./types.js";
import { RecordUnlisted } from "./unlisted.js";

/**
 * "My entity's mandates" (GET /api/reviews): the mandates addressed to or reviewed for an entity,
 * with its decision and status on each; filters in the address; the CSV to fill in and import;
 * the entity's orphaned decisions and the mandates it recorded that the registry does not hold.
 */

const PAGE = 50;

export function ReviewNav() {
  const { path } = useLocation();
  const links = [
    ["/review", "My entity's mandates"],
    ["/review/overdue", "Overdue reports"],
    ["/review/summary", "Summary"],
    ["/review/import", "Import CSV"],
    ["/review/audit", "Audit trail"],
  ] as const;
  return (
    <nav aria-label="Review" class="toolbar no-print">
      {links.map(([href, label]) => (
        <a key={href} href={href} aria-current={path === href ? "page" : undefined}>
          {label}
        </a>
      ))}
    </nav>
  );
}

export function DecisionBadge({ review }: { review: Review | undefined }) {
  if (!review) return <span class="muted">undecided</span>;
  return (
    <>
      <span class={`decision ${review.decision}`}>{DECISION_NAMES[review.decision] ?? review.decision}</span>
      {review.needsConfirmation ? (
        <>
          {" "}
          <span class="flag">to confirm</span>
        </>
      ) : null}
    </>
  );
}

export function ReviewPage() {
  const { search } = useLocation();
  const auth = useAuth();
  const asked = search.get("entity") ?? "";
  const entity = asked || auth.user?.entities[0] || "";
  const filter = search.get("filter") ?? "";
  const offset = Math.max(0, Number(search.get("offset")) || 0);
  const flags = filter === "undecided" ? { decided: false } : filter === "decided" ? { decided: true } : filter === "confirm" ? { needsConfirmation: true } : {};
  const rows = useApi<{ entity: string; total: number; items: EntityMandate[] }>(entity ? "/reviews" : null, { entity, ...flags, limit: PAGE, offset });
  const orphaned = useApi<{ items: Review[] }>(entity ? "/reviews/orphaned" : null, { entity });
  const unlisted = useApi<{ items: EntityMandate[] }>(entity ? "/unlisted-mandates" : null, { entity });
  const [typed, setTyped] = useState(entity);
  useEffect(() => setTyped(entity), [entity]);
  const waiting = auth.user === undefined || (entity !== "" && rows.state === "loading");
  useUsable(!waiting, entity ? `Review: ${entity}` : "Review");

  const form = (
    <form
      class="toolbar"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/review${query({ entity: typed, filter })}`);
      }}
    >
      <div>
        <label for="entity">Entity</label>
        <input id="entity" type="text" value={typed} list="my-entities" placeholder="UNIDO" onInput={(e) => setTyped((e.target as HTMLInputElement).value)} />
        <datalist id="my-entities">
          {(auth.user?.entities ?? []).map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
      </div>
      <div>
        <label for="filter">Show</label>
        <select id="filter" value={filter} onChange={(e) => navigate(`/review${query({ entity, filter: (e.target as HTMLSelectElement).value })}`)}>
          <option value="">every mandate</option>
          <option value="undecided">undecided</option>
          <option value="decided">decided</option>
          <option value="confirm">to confirm (carried over)</option>
        </select>
      </div>
      <button type="submit">Show</button>
    </form>
  );

  if (waiting) return <Loading what="the review" />;
  return (
    <div class="review-page">
      <h1 tabIndex={-1}>{entity ? `Mandates of ${entity}` : "Review of mandates"}</h1>
      <ReviewNav />
      {form}
      {!entity ? <p>Name an entity as the registry names actors (UNIDO, Secretary-General) to see its mandates and decisions.{auth.user ? null : <> <a href="/sign-in?next=/review">Sign in</a> to record decisions.</>}</p> : null}
      {rows.state === "error" ? <Failure error={rows.error} what="the entity's mandates" /> : null}
      {rows.state === "done" ? (
        <section aria-labelledby="mandates-heading">
          <h2 id="mandates-heading">
            {rows.data.total.toLocaleString("en")} mandate{rows.data.total === 1 ? "" : "s"}
          </h2>
          <p class="no-print">
            <a href={apiUrl("/reviews.csv", { entity, ...flags })} download>
              Download as CSV
            </a>{" "}
            (fill in the decisions, then <a href="/review/import">import it</a>)
          </p>
          <DataTable class="stack" columns={["Mandate", "Asked of", "Action", "Decision", "Status"]}>
            {rows.data.items.map(({ mandate, reviews }) => {
              const own = reviews.find((r) => r.entity === rows.data.entity);
              return (
                <tr key={mandate.id}>
                  <td>
                    <a href={reviewPath(mandate.id)}>
                      {shortSymbol(mandate.symbol)} {paragraphShort(mandate.ref, mandate.sub)}
                    </a>
                  </td>
                  <td data-label="Asked of">{mandate.actorCanonical ?? mandate.actor}</td>
                  <td class="action">{mandate.action.length > 200 ? `${mandate.action.slice(0, 199)}…` : mandate.action}</td>
                  <td data-label="Decision">
                    <DecisionBadge review={own} />
                  </td>
                  <td data-label="Status">{own?.status ? STATUS_NAMES[own.status] : ""}</td>
                </tr>
              );
            })}
          </DataTable>
          <nav class="pager no-print" aria-label="Pages">
            {offset > 0 ? <a href={`/review${query({ entity, filter, offset: Math.max(0, offset - PAGE) })}`}>Previous</a> : <span />}
            {offset + PAGE < rows.data.total ? <a href={`/review${query({ entity, filter, offset: offset + PAGE })}`}>Next</a> : <span />}
          </nav>
        </section>
      ) : null}
      {orphaned.state === "done" && orphaned.data.items.length ? (
        <section aria-labelledby="orphaned-heading">
          <h2 id="orphaned-heading">Decisions on mandates no longer found</h2>
          <p>A new version or extraction of these resolutions no longer holds the mandate decided on. The decisions are kept as they were.</p>
          <ul>
            {orphaned.data.items.map((r) => (
              <li key={r.mandateId + r.entity}>
                <a href={reviewPath(r.mandateId)}>
                  {shortSymbol(r.mandate.symbol)} {paragraphShort(r.mandate.ref, null)}
                </a>{" "}
                <DecisionBadge review={r} /> {r.mandate.action.slice(0, 140)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {entity && unlisted.state === "done" ? <Unlisted entity={entity} items={unlisted.data.items} canRecord={Boolean(auth.user && (auth.user.role === "admin" || auth.user.entities.includes(entity)))} /> : null}
    </div>
  );
}

function Unlisted({ entity, items, canRecord }: { entity: string; items: EntityMandate[]; canRecord: boolean }) {
  return (
    <section aria-labelledby="unlisted-heading">
      <h2 id="unlisted-heading">Mandates recorded by {entity}</h2>
      <p>Mandates the entity implements that the registry does not hold yet, each citing its resolution and paragraph.</p>
      {items.length ? (
        <ul>
          {items.map(({ mandate, reviews }) => (
            <li key={mandate.id}>
              <a href={reviewPath(mandate.id)}>
                {mandate.symbol}, {mandate.ref}
              </a>{" "}
              <DecisionBadge review={reviews.find((r) => r.entity === entity)} /> {mandate.action}{" "}
              <a href={resolutionPath(mandate.symbol)} class="small">
                (the resolution)
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">None recorded.</p>
      )}
      {canRecord ? <RecordUnlisted entity={entity} /> : null}
    </section>
  );
}

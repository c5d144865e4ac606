import { useState } from "preact/hooks";
import { ApiError, resolutionPath, reviewPath, send } from "../../api.js";
import { useAuth } from "../../auth.js";
import { paragraphShort, session, shortSymbol } from "../../components/format.js";
import { DataTable, Failure, Loading } from "../../components/layout.js";
import { useApi, useUsable } from "../../hooks.js";
import { DecisionBadge, ReviewNav } from "./my-mandates.js";
import {
  type AuditEntry,
  DECISION_NAMES,
  DECISIONS,
  DISPOSITIONS,
  type MandateReports,
  type MandateTarget,
  type ReportOccurrence,
  type Review,
  STATUS_NAMES,
  STATUSES,
  when,
} from "./types.js";

/**
 * One mandate under review (GET /api/mandates/{id}): what it asks, each entity's decision, the
 * form to record one (for the entities the signed-in user may edit: PUT with the version it was
 * made against; a 409 shows what changed meanwhile and keeps the form), its reports and their
 * deliveries, and its history from the audit trail.
 */

interface Detail {
  mandate: MandateTarget;
  reviews: Review[];
  reports: MandateReports | null;
  editable: string[];
}

const STATE_NAMES: Record<ReportOccurrence["state"], string> = { delivered: "delivered", overdue: "overdue", due: "due this session", upcoming: "upcoming" };

function ReviewCard({ review }: { review: Review }) {
  return (
    <article class="review-card" aria-labelledby={`review-${review.entity.replace(/\W+/g, "-")}`}>
      <h3 id={`review-${review.entity.replace(/\W+/g, "-")}`}>
        {review.entity} <DecisionBadge review={review} />
      </h3>
      <dl class="meta-list">
        {review.disposition ? (
          <>
            <dt>Disposition</dt>
            <dd>
              {review.disposition}
              {review.absorbedBy ? (
                <>
                  {" "}
                  into <a href={reviewPath(review.absorbedBy)}>mandate {review.absorbedBy}</a>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>Implementation</dt>
        <dd>{review.status ? STATUS_NAMES[review.status] : "not said"}</dd>
        {review.justification ? (
          <>
            <dt>Justification</dt>
            <dd class="justification">{review.justification}</dd>
          </>
        ) : null}
        {review.evidence.length ? (
          <>
            <dt>Evidence</dt>
            <dd>
              <ul class="plain">
                {review.evidence.map((e, i) => (
                  <li key={i}>
                    {e.url ? (
                      <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                        {e.text ?? e.url}
                      </a>
                    ) : (
                      e.text
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {review.carriedFrom ? (
          <>
            <dt>Carried over</dt>
            <dd>
              from <a href={reviewPath(review.carriedFrom)}>the previous version's mandate</a>
              {review.needsConfirmation ? ": the mandate changed, confirm the decision" : ""}
            </dd>
          </>
        ) : null}
        <dt>Last changed</dt>
        <dd>
          {when(review.updatedAt)} by {review.updatedBy} (version {review.version})
        </dd>
      </dl>
    </article>
  );
}

interface FormState {
  entity: string;
  decision: string;
  disposition: string;
  absorbedBy: string;
  status: string;
  justification: string;
  evidence: string;
}

function formOf(entity: string, review: Review | undefined): FormState {
  return {
    entity,
    decision: review?.decision ?? "",
    disposition: review?.disposition ?? "",
    absorbedBy: review?.absorbedBy ?? "",
    status: review?.status ?? "",
    justification: review?.justification ?? "",
    evidence: (review?.evidence ?? []).map((e) => e.url ?? e.text ?? "").join("\n"),
  };
}

function ReviewForm({ id, editable, reviews, onSaved }: { id: string; editable: string[]; reviews: Review[]; onSaved: (message: string) => void }) {
  const reviewOf = (entity: string) => reviews.find((r) => r.entity === entity);
  const [form, setForm] = useState<FormState>(() => formOf(editable[0]!, reviewOf(editable[0]!)));
  const [version, setVersion] = useState(reviewOf(editable[0]!)?.version ?? 0);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState<Review | null>(null);
  const [saved, setSaved] = useState(false);
  const set = (name: keyof FormState) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });
  const invalid = (field: string) => (problems.some((p) => p.includes(field)) ? "true" : undefined);
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblems([]);
    setSaved(false);
    setConflict(null);
    try {
      const result = await send<{ review: Review }>("PUT", `/mandates/${id}/review`, {
        entity: form.entity,
        decision: form.decision,
        disposition: form.disposition || null,
        absorbedBy: form.absorbedBy.trim() || null,
        status: form.status || null,
        justification: form.justification,
        evidence: form.evidence.split("\n").map((l) => l.trim()).filter(Boolean),
        version,
      });
      setSaved(true);
      onSaved(`The decision of ${form.entity} was saved (version ${result.review.version}).`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        const current = (e.body.current as Review | null) ?? null;
        setConflict(current);
        setVersion(current?.version ?? 0);
      } else if (e instanceof ApiError && Array.isArray(e.body.problems)) {
        setProblems((e.body.problems as { message: string }[]).map((p) => p.message));
      } else setProblems([e instanceof Error ? e.message : String(e)]);
    }
  };
  return (
    <form class="form-stack" onSubmit={submit} aria-labelledby="edit-heading" noValidate>
      <h2 id="edit-heading">Record a decision</h2>
      {saved ? (
        <p class="saved" role="status">
          Saved.
        </p>
      ) : null}
      {conflict !== null || problems.length ? (
        <div class="errors" role="alert">
          {conflict ? (
            <p>
              {conflict.updatedBy} changed this decision at {when(conflict.updatedAt)} (now {DECISION_NAMES[conflict.decision]}, version {conflict.version}) since you opened the page. Your changes are
              still in the form: check them against the decision above, and save again to replace it.
            </p>
          ) : (
            <>
              <p>The decision was not saved:</p>
              <ul>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}
      {editable.length > 1 ? (
        <div>
          <label for="review-entity">Entity</label>
          <select
            id="review-entity"
            value={form.entity}
            onChange={(e) => {
              const entity = (e.target as HTMLSelectElement).value;
              setForm(formOf(entity, reviewOf(entity)));
              setVersion(reviewOf(entity)?.version ?? 0);
            }}
          >
            {editable.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>
          For <strong>{form.entity}</strong>
        </p>
      )}
      <fieldset aria-invalid={invalid("decision")}>
        <legend>Decision</legend>
        <div class="choices">
          {DECISIONS.map((d) => (
            <label key={d}>
              <input type="radio" name="decision" value={d} checked={form.decision === d} onChange={set("decision")} required /> {DECISION_NAMES[d]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label for="review-justification">Justification (required for Remove)</label>
        <textarea id="review-justification" rows={3} maxLength={4000} value={form.justification} onInput={set("justification")} aria-invalid={invalid("justification")} />
      </div>
      <div>
        <label for="review-status">Implementation status</label>
        <select id="review-status" value={form.status} onChange={set("status")}>
          <option value="">not said</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="review-disposition">Disposition</label>
        <select id="review-disposition" value={form.disposition} onChange={set("disposition")}>
          <option value="">none proposed</option>
          {DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      {form.disposition === "merger" || form.disposition === "replacement" ? (
        <div>
          <label for="review-absorbed">Absorbing mandate (its id)</label>
          <input id="review-absorbed" type="text" value={form.absorbedBy} onInput={set("absorbedBy")} aria-invalid={invalid("absorb")} aria-describedby="absorbed-hint" />
          <p class="hint" id="absorbed-hint">
            The id shown on the absorbing mandate's review page (16 letters and digits).
          </p>
        </div>
      ) : null}
      <div>
        <label for="review-evidence">Evidence</label>
        <textarea id="review-evidence" rows={3} value={form.evidence} onInput={set("evidence")} aria-describedby="evidence-hint" aria-invalid={invalid("evidence")} />
        <p class="hint" id="evidence-hint">
          One per line: a link (https://…) or words (a report's symbol, a note).
        </p>
      </div>
      <div>
        <button type="submit">Save the decision</button> <span class="muted small">against version {version}</span>
      </div>
    </form>
  );
}

function Reports({ id, detail, canRecord, onSaved }: { id: string; detail: Detail; canRecord: boolean; onSaved: (message: string) => void }) {
  const [symbols, setSymbols] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const reports = detail.reports;
  if (!reports || !reports.occurrences.length) return <p class="muted">{detail.mandate.report ? "The report is due at no named session." : "The mandate asks for no report."}</p>;
  const versionOf = (s: number) => reports.deliveries.find((d) => d.session === s)?.version ?? 0;
  return (
    <>
      {message ? (
        <p class={message.ok ? "saved" : "errors"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
      <DataTable columns={["Due", "State", "Report", canRecord && "Record delivery"]}>
        {reports.occurrences.map((o) => (
          <tr key={o.session}>
            <td>{session(o.session)}</td>
            <td class={`state-${o.state}`}>{STATE_NAMES[o.state]}</td>
            <td>{o.symbol ?? ""}</td>
            {canRecord ? (
              <td>
                <form
                  class="inline-form"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    try {
                      await send("PUT", `/mandates/${id}/reports/${o.session}`, { symbol: symbols[o.session]?.trim() || null, version: versionOf(o.session) });
                      onSaved(`The delivery for the ${session(o.session)} was saved.`);
                    } catch (err) {
                      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
                    }
                  }}
                >
                  <label for={`report-${o.session}`} class="visually-hidden">
                    Symbol of the report delivered for the {session(o.session)}
                  </label>
                  <input id={`report-${o.session}`} type="text" size={14} placeholder="A/80/123" value={symbols[o.session] ?? o.symbol ?? ""} onInput={(e) => setSymbols({ ...symbols, [o.session]: (e.target as HTMLInputElement).value })} />{" "}
                  <button type="submit" class="secondary">
                    Save
                  </button>
                </form>
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      {reports.supersededAt ? <p class="hint">A later version of the resolution, adopted at the {session(reports.supersededAt)}, asks for the reports after it.</p> : null}
    </>
  );
}

export function MandateReviewPage({ id }: { id: string }) {
  const auth = useAuth();
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // a change reads the mandate again: a new mount fetches it anew
  return (
    <MandateReview
      key={`${reload}-${auth.user?.email ?? ""}`}
      id={id}
      notice={notice}
      onChange={(message) => {
        setNotice(message);
        setReload((n) => n + 1);
      }}
    />
  );
}

function MandateReview({ id, notice, onChange }: { id: string; notice: string | null; onChange: (message: string) => void }) {
  const auth = useAuth();
  const detail = useApi<Detail>(`/mandates/${id}`);
  const history = useApi<{ items: AuditEntry[] }>(auth.user ? "/audit" : null, { mandate: id, limit: 50 });
  const title = detail.state === "done" ? `${shortSymbol(detail.data.mandate.symbol)} ${paragraphShort(detail.data.mandate.ref, detail.data.mandate.sub)}` : "Mandate";
  useUsable(detail.state !== "loading" && auth.user !== undefined, `Review: ${title}`);
  if (detail.state === "loading") return <Loading what="the mandate" />;
  if (detail.state === "error") return <Failure error={detail.error} what="the mandate" />;
  const { mandate, reviews, editable } = detail.data;
  const refresh = onChange;
  return (
    <div class="mandate-review-page">
      <h1 tabIndex={-1}>
        {title}: {mandate.actorCanonical ?? mandate.actor}
      </h1>
      <ReviewNav />
      <p class="meta">
        {mandate.unlistedFor ? `Recorded by ${mandate.unlistedFor}: the registry does not hold this mandate. ` : null}
        <a href={resolutionPath(mandate.symbol, mandate.unlistedFor ? "" : mandate.ref)}>{mandate.symbol}</a>
        {mandate.session ? `, ${session(mandate.session)}` : ""} · mandate id <code>{mandate.id}</code>
      </p>
      <blockquote class="quote">{mandate.action}</blockquote>
      {notice ? (
        <p class="saved" role="status">
          {notice}
        </p>
      ) : null}
      <section aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Decisions</h2>
        {reviews.length ? reviews.map((r) => <ReviewCard key={r.entity} review={r} />) : <p class="muted">No entity has decided on this mandate yet.</p>}
      </section>
      {editable.length ? (
        <ReviewForm id={id} editable={editable} reviews={reviews} onSaved={refresh} />
      ) : (
        <p class="muted">
          {auth.user ? "You cannot record decisions on this mandate: it is not addressed to an entity you answer for." : <><a href={`/sign-in?next=${encodeURIComponent(reviewPath(id))}`}>Sign in</a> to record a decision.</>}
        </p>
      )}
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">Reports</h2>
        <Reports id={id} detail={detail.data} canRecord={editable.length > 0} onSaved={refresh} />
      </section>
      {history.state === "done" ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          {history.data.items.length ? (
            <ol class="plain">
              {history.data.items.map((e) => (
                <li key={e.id}>
                  {when(e.at)}: {e.user ?? "the registry"} ({e.via}) {e.action}
                  {e.entity ? ` for ${e.entity}` : ""}
                  {(e.after as { decision?: string } | null)?.decision ? `: ${DECISION_NAMES[(e.after as { decision: string }).decision]}` : ""}
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">No change yet.</p>
          )}
          <p class="no-print">
            <a href={`/review/audit?mandate=${id}`}>The whole trail of this mandate</a>
          </p>
        </section>
      ) : null}
    </div>
  );
}

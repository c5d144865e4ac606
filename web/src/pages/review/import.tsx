import { useState } from "preact/hooks";
import { ApiError, apiUrl, send } from "../../api.js";
import { useAuth } from "../../auth.js";
import { useUsable } from "../../hooks.js";
import { ReviewNav } from "./my-mandates.js";

/**
 * Decisions from a CSV (POST /api/reviews/import): every row checked, every bad row named by its
 * line, and nothing stored unless every row is good.
 */

export function ImportPage() {
  const auth = useAuth();
  const [text, setText] = useState("");
  const [result, setResult] = useState<{ saved: number; unchanged: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useUsable(auth.user !== undefined, "Import decisions");
  const entity = auth.user?.entities[0];
  return (
    <div class="import-page">
      <h1 tabIndex={-1}>Import decisions from a CSV</h1>
      <ReviewNav />
      <p>
        One row per mandate and entity, with the columns <code>mandate</code> (its id), <code>entity</code> and <code>decision</code> (RETAIN, REVIEW or REMOVE), and optionally <code>disposition</code>,{" "}
        <code>absorbed_by</code>, <code>status</code>, <code>justification</code>, <code>evidence</code> (several separated by “ | ”) and <code>version</code> (to change a decision already recorded).
        {entity ? (
          <>
            {" "}
            Start from{" "}
            <a href={apiUrl("/reviews.csv", { entity })} download>
              your entity's mandates as CSV
            </a>
            : it holds the ids and versions.
          </>
        ) : null}{" "}
        Every row is checked; if any is wrong, nothing is stored and each bad row is named.
      </p>
      {!auth.user ? (
        <p>
          <a href="/sign-in?next=/review/import">Sign in</a> as an editor to import decisions.
        </p>
      ) : (
        <form
          class="form-stack"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setResult(null);
            setProblems([]);
            try {
              setResult(await send<{ saved: number; unchanged: number }>("POST", "/reviews/import", text, "text/csv"));
            } catch (err) {
              if (err instanceof ApiError && Array.isArray(err.body.problems)) setProblems((err.body.problems as { message: string }[]).map((p) => p.message));
              else setProblems([err instanceof Error ? err.message : String(err)]);
            }
            setBusy(false);
          }}
        >
          <div>
            <label for="csv-file">CSV file</label>
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              onChange={async (e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) setText(await file.text());
              }}
            />
          </div>
          <div>
            <label for="csv-text">Or paste the rows</label>
            <textarea id="csv-text" rows={10} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} aria-invalid={problems.length ? "true" : undefined} aria-describedby={problems.length ? "import-problems" : undefined} />
          </div>
          <div>
            <button type="submit" disabled={busy || !text.trim()}>
              {busy ? "Importing…" : "Import"}
            </button>
          </div>
        </form>
      )}
      {result ? (
        <p class="saved" role="status">
          Imported: {result.saved} decision{result.saved === 1 ? "" : "s"} saved, {result.unchanged} unchanged.
        </p>
      ) : null}
      {problems.length ? (
        <div class="errors" role="alert" id="import-problems">
          <p>Nothing was imported. Correct these rows and import the file again:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

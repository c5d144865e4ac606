import { useState } from "preact/hooks";
import { ApiError, reviewPath, send } from "../../api.js";
import { navigate } from "../../router.js";

/** A form to record a mandate the registry does not hold, citing its resolution and paragraph (POST /api/unlisted-mandates). */
export function RecordUnlisted({ entity }: { entity: string }) {
  const [fields, setFields] = useState({ symbol: "", paragraph: "", description: "" });
  const [error, setError] = useState<string | null>(null);
  const set = (name: keyof typeof fields) => (e: Event) => setFields({ ...fields, [name]: (e.target as HTMLInputElement).value });
  return (
    <form
      class="form-stack"
      aria-labelledby="record-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          const made = await send<{ id: string }>("POST", "/unlisted-mandates", { entity, ...fields });
          navigate(reviewPath(made.id));
        } catch (err) {
          setError(err instanceof ApiError ? err.message : String(err));
        }
      }}
    >
      <h3 id="record-heading">Record a mandate the registry does not hold</h3>
      {error ? (
        <div class="errors" role="alert">
          {error}
        </div>
      ) : null}
      <div>
        <label for="unlisted-symbol">Resolution symbol</label>
        <input id="unlisted-symbol" type="text" required placeholder="A/RES/78/160" value={fields.symbol} onInput={set("symbol")} />
      </div>
      <div>
        <label for="unlisted-paragraph">Paragraph</label>
        <input id="unlisted-paragraph" type="text" required placeholder="operative 12 (b)" value={fields.paragraph} onInput={set("paragraph")} />
      </div>
      <div>
        <label for="unlisted-description">What it asks of {entity}</label>
        <textarea id="unlisted-description" rows={3} required value={fields.description} onInput={set("description")} />
      </div>
      <div>
        <button type="submit">Record the mandate</button>
      </div>
    </form>
  );
}

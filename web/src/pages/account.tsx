import { useState } from "preact/hooks";
import { ApiError, send } from "../api.js";
import { useAuth } from "../auth.js";
import { DataTable, Failure, Loading } from "../components/layout.js";
import { useApi, useUsable } from "../hooks.js";
import { type Token, type User, when } from "./review/types.js";

/**
 * The signed-in user's account: their API tokens (created here and shown once, revoked at once),
 * and for admins the users, their roles and entities.
 */

function Tokens() {
  const [reload, setReload] = useState(0);
  const tokens = useApi<{ items: Token[] }>("/tokens", {}, reload);
  const [label, setLabel] = useState("");
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">API tokens</h2>
      <p>Scripts send a token as <code>Authorization: Bearer TOKEN</code>. The registry keeps only its hash: it is shown once, when created.</p>
      {shown ? (
        <div class="saved" role="status">
          <p>Your new token (copy it now; it is not shown again):</p>
          <p class="token-once">{shown}</p>
        </div>
      ) : null}
      {error ? (
        <p class="errors" role="alert">
          {error}
        </p>
      ) : null}
      <form
        class="toolbar"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            const made = await send<{ token: string }>("POST", "/tokens", { label });
            setShown(made.token);
            setLabel("");
            setReload(reload + 1);
          } catch (err) {
            setError(err instanceof ApiError ? err.message : String(err));
          }
        }}
      >
        <div>
          <label for="token-label">What the token is for</label>
          <input id="token-label" type="text" maxLength={200} value={label} onInput={(e) => setLabel((e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit">Create a token</button>
      </form>
      {tokens.state === "loading" ? <Loading what="your tokens" /> : null}
      {tokens.state === "error" ? <Failure error={tokens.error} what="your tokens" /> : null}
      {tokens.state === "done" ? (
        tokens.data.items.length ? (
          <DataTable class="stack" columns={["Token", "Owner", "For", "Created", "State"]}>
            {tokens.data.items.map((t) => (
              <tr key={t.id}>
                <td>
                  <code>{t.id}</code>
                </td>
                <td data-label="Owner">{t.email}</td>
                <td data-label="For">{t.label}</td>
                <td data-label="Created">{when(t.createdAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${when(t.revokedAt)}`
                  ) : (
                    <button
                      type="button"
                      class="secondary"
                      aria-label={`Revoke token ${t.id}`}
                      onClick={async () => {
                        try {
                          await send("DELETE", `/tokens/${t.id}`);
                          setReload(reload + 1);
                        } catch (err) {
                          setError(err instanceof ApiError ? err.message : String(err));
                        }
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p class="muted">No tokens.</p>
        )
      ) : null}
    </section>
  );
}

function Users() {
  const [reload, setReload] = useState(0);
  const users = useApi<{ items: User[] }>("/users", {}, reload);
  const [form, setForm] = useState({ email: "", role: "editor", entities: "", password: "" });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (name: keyof typeof form) => (e: Event) => setForm({ ...form, [name]: (e.target as HTMLInputElement).value });
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      {message ? (
        <p class={message.ok ? "saved" : "errors"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
      {users.state === "done" ? (
        <DataTable class="stack" columns={["Email", "Role", "Entities", "Account"]}>
          {users.data.items.map((u) => (
            <tr key={u.email}>
              <td>{u.email}</td>
              <td data-label="Role">{u.role}</td>
              <td data-label="Entities">{u.entities.join("; ")}</td>
              <td>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.email}`}
                  onClick={async () => {
                    try {
                      await send("PATCH", `/users/${encodeURIComponent(u.email)}`, { disabled: !u.disabled });
                      setReload(reload + 1);
                    } catch (err) {
                      setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
                    }
                  }}
                >
                  {u.disabled ? "Enable" : "Disable"}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : users.state === "error" ? (
        <Failure error={users.error} what="the users" />
      ) : (
        <Loading what="the users" />
      )}
      <form
        class="form-stack"
        aria-labelledby="add-user-heading"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const entities = form.entities.split(";").map((x) => x.trim()).filter(Boolean);
            await send("POST", "/users", { email: form.email, role: form.role, entities, password: form.password });
            setMessage({ ok: true, text: `${form.email} was added.` });
            setForm({ email: "", role: "editor", entities: "", password: "" });
            setReload(reload + 1);
          } catch (err) {
            setMessage({ ok: false, text: err instanceof Error ? err.message : String(err) });
          }
        }}
      >
        <h3 id="add-user-heading">Add a user</h3>
        <div>
          <label for="user-email">Email</label>
          <input id="user-email" type="email" required value={form.email} onInput={set("email")} />
        </div>
        <div>
          <label for="user-role">Role</label>
          <select id="user-role" value={form.role} onChange={set("role")}>
            <option value="viewer">viewer: reads</option>
            <option value="editor">editor: records decisions for their entities</option>
            <option value="admin">admin: users, entities, everything</option>
          </select>
        </div>
        <div>
          <label for="user-entities">Entities</label>
          <input id="user-entities" type="text" value={form.entities} onInput={set("entities")} aria-describedby="user-entities-hint" />
          <p class="hint" id="user-entities-hint">
            As the registry names actors (UNIDO; Secretary-General), separated by semicolons; an editor needs at least one.
          </p>
        </div>
        <div>
          <label for="user-password">Password</label>
          <input id="user-password" type="password" autoComplete="new-password" minLength={12} required value={form.password} onInput={set("password")} aria-describedby="user-password-hint" />
          <p class="hint" id="user-password-hint">
            At least 12 characters.
          </p>
        </div>
        <div>
          <button type="submit">Add the user</button>
        </div>
      </form>
    </section>
  );
}

export function AccountPage() {
  const auth = useAuth();
  useUsable(auth.user !== undefined, "Account");
  if (auth.user === undefined) return <Loading what="your account" />;
  if (!auth.user)
    return (
      <div>
        <h1 tabIndex={-1}>Account</h1>
        <p>
          <a href="/sign-in?next=/account">Sign in</a> to see your account.
        </p>
      </div>
    );
  return (
    <div class="account-page">
      <h1 tabIndex={-1}>Account</h1>
      <p>
        {auth.user.email}, {auth.user.role}
        {auth.user.entities.length ? ` for ${auth.user.entities.join("; ")}` : ""}.
      </p>
      <Tokens />
      {auth.user.role === "admin" ? <Users /> : null}
    </div>
  );
}

import { useState } from "preact/hooks";
import { ApiError, send } from "../api.js";
import { useAuth } from "../auth.js";
import { useUsable } from "../hooks.js";
import { navigate, useLocation } from "../router.js";

/** Sign-in: email and password; the session is an HttpOnly cookie set by the API. */

/** Where to go after signing in: a path of this site only. */
function nextPath(search: URLSearchParams): string {
  const next = search.get("next") ?? "/review";
  return next.startsWith("/") && !next.startsWith("//") ? next : "/review";
}

export function SignInPage() {
  const { search } = useLocation();
  const auth = useAuth();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useUsable(true, "Sign in");
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send("POST", "/auth/sign-in", { email, password });
      await auth.refresh();
      navigate(nextPath(search));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <div class="sign-in-page">
      <h1 tabIndex={-1}>Sign in</h1>
      {auth.user ? (
        <p>
          You are signed in as {auth.user.email}. <a href="/review">Go to the review</a>.
        </p>
      ) : null}
      <p>Editors record review decisions for their entities; viewers read them. Accounts are made by an administrator.</p>
      <form class="form-stack" onSubmit={submit} noValidate>
        {error ? (
          <div class="errors" role="alert" id="sign-in-error">
            {error}
          </div>
        ) : null}
        <div>
          <label for="email">Email</label>
          <input id="email" type="email" autoComplete="username" required value={email} aria-invalid={error ? "true" : undefined} aria-describedby={error ? "sign-in-error" : undefined} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="password">Password</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} aria-invalid={error ? "true" : undefined} aria-describedby={error ? "sign-in-error" : undefined} onInput={(e) => setPassword((e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </div>
      </form>
    </div>
  );
}

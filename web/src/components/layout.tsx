import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ApiError } from "../api.js";
import { useAuth } from "../auth.js";
import { navigate, useLocation } from "../router.js";

const NAV = [
  { href: "/", label: "Search", match: (p: string) => p === "/" || p === "/search" || p.startsWith("/resolutions/") },
  { href: "/mandates", label: "Mandates", match: (p: string) => p === "/mandates" || p.startsWith("/entities/") },
  { href: "/dashboard", label: "Dashboard", match: (p: string) => p === "/dashboard" },
  { href: "/duplicates", label: "Duplication", match: (p: string) => p === "/duplicates" },
  { href: "/compare", label: "Compare", match: (p: string) => p === "/compare" || p.startsWith("/series/") },
  { href: "/review", label: "Review", match: (p: string) => p.startsWith("/review") },
];

/** Who is signed in, with the way out; or the way in. */
function Account() {
  const auth = useAuth();
  const { path } = useLocation();
  if (auth.user === undefined) return null;
  if (!auth.user) {
    return (
      <a class="account" href={`/sign-in${path.startsWith("/sign-in") ? "" : `?next=${encodeURIComponent(path)}`}`}>
        Sign in
      </a>
    );
  }
  return (
    <div class="account">
      <a href="/account" aria-current={path === "/account" ? "page" : undefined}>
        {auth.user.email} <span class="role">({auth.user.role})</span>
      </a>
      <button
        type="button"
        class="link-button"
        onClick={async () => {
          await auth.signOut();
          navigate("/");
        }}
      >
        Sign out
      </button>
    </div>
  );
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { path, search } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a navigation inside the page, focus moves to the new content, as a page load would put it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!window.location.hash) {
      window.scrollTo(0, 0);
      main.current?.focus({ preventScroll: true });
    }
  }, [path, search.toString()]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <a class="brand" href="/">
          Mandate Registry
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.href}>
                <a href={item.href} aria-current={item.match(path) ? "page" : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <Account />
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {children}
      </main>
      <footer class="site">
        <p>
          United Nations resolutions as structured data. JSON API: <a href="/api/openapi.json">/api/openapi.json</a>
        </p>
      </footer>
    </>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** An API failure as a page section: its message, never a blank screen. */
export function Failure({ error, what }: { error: ApiError; what: string }) {
  return (
    <div class="failure" role="alert">
      <h2>Could not load {what}</h2>
      <p>{error.message}</p>
      {error.status ? <p class="muted">The registry answered with status {error.status}.</p> : null}
    </div>
  );
}

/** A column heading: its words, right-aligned when the column holds numbers; false leaves the column out. */
export type Column = string | { label: string; numeric: true } | false;

/**
 * A table of rows under column headings, in the wrapper that scrolls it sideways on a narrow
 * screen (or, with class "stack", lays each row out as a card): the one way the pages draw one.
 */
export function DataTable({ columns, class: className, caption, children }: { columns: readonly Column[]; class?: string; caption?: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap">
      <table class={className}>
        {caption ? <caption class="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) =>
              c === false ? null : typeof c === "string" ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" class="num">
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

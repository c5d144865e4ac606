import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { ApiError } from "../api.js";
import { useLocation } from "../router.js";

const NAV = [
  { href: "/", label: "Search", match: (p: string) => p === "/" || p === "/search" || p.startsWith("/resolutions/") },
  { href: "/mandates", label: "Mandates", match: (p: string) => p === "/mandates" || p.startsWith("/entities/") },
  { href: "/dashboard", label: "Dashboard", match: (p: string) => p === "/dashboard" },
  { href: "/duplicates", label: "Duplication", match: (p: string) => p === "/duplicates" },
  { href: "/compare", label: "Compare", match: (p: string) => p === "/compare" || p.startsWith("/series/") },
];

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

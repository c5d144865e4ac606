import { useUsable } from "../hooks.js";

/** A path no page owns. */
export function NotFoundPage() {
  useUsable(true, "Page not found");
  return (
    <div>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        No page has the address <code>{window.location.pathname}</code>. Start from the <a href="/">search</a>.
      </p>
    </div>
  );
}

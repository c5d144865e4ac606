import type { ComponentChildren, JSX } from "preact";
import { createContext } from "preact";
import { useContext, useEffect, useState } from "preact/hooks";

/**
 * A small history router: the page paths are the server's (src/server/web.ts PAGE_ROUTES).
 * Links are plain <a href> elements, so they open in new tabs and are shared as they are; a
 * plain click is handled here without reloading the page.
 */

export interface Location {
  path: string;
  search: URLSearchParams;
  hash: string;
}

const read = (): Location => ({ path: window.location.pathname, search: new URLSearchParams(window.location.search), hash: window.location.hash.slice(1) });

const RouterContext = createContext<Location>(read());

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  window.dispatchEvent(new Event("app:navigate"));
}

export function useLocation(): Location {
  return useContext(RouterContext);
}

export function Router({ children }: { children: (location: Location) => ComponentChildren }) {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a");
      if (!anchor || anchor.target || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin || url.pathname.startsWith("/api/")) return;
      event.preventDefault();
      if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) {
        window.history.pushState(null, "", url.href);
        document.getElementById(decodeURIComponent(url.hash.slice(1)))?.scrollIntoView();
        return;
      }
      navigate(url.pathname + url.search + url.hash);
    };
    window.addEventListener("popstate", update);
    window.addEventListener("app:navigate", update);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener("app:navigate", update);
      document.removeEventListener("click", onClick);
    };
  }, []);
  return <RouterContext.Provider value={location}>{children(location)}</RouterContext.Provider>;
}

export function Link(props: JSX.HTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a {...props} />;
}

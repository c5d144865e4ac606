import { useEffect, useLayoutEffect, useState } from "preact/hooks";
import { api, ApiError, type Params } from "./api.js";

export type Loaded<T> = { state: "loading" } | { state: "error"; error: ApiError } | { state: "done"; data: T };

/** Reads one API path; reloads when the path or parameters change, dropping answers that arrive late. */
export function useApi<T>(path: string | null, params: Params = {}): Loaded<T> {
  const key = path === null ? null : path + JSON.stringify(params);
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  // A layout effect: the request starts as soon as the page is in the document, not after the next paint.
  useLayoutEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoaded({ state: "loading" });
    api<T>(path, params, controller.signal).then(
      (data) => setLoaded({ state: "done", data }),
      (error: unknown) => {
        if ((error as Error).name === "AbortError") return;
        setLoaded({ state: "error", error: error instanceof ApiError ? error : new ApiError(0, String(error)) });
      },
    );
    return () => controller.abort();
  }, [key]);
  return loaded;
}

/**
 * Marks the page usable once its main content is on screen: the bench and the browser tests
 * read this mark (performance timeline) and the `data-ready` attribute.
 */
export function useUsable(ready: boolean, title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Mandate Registry` : "Mandate Registry";
  }, [title]);
  // A layout effect: the mark is set when the content is in the document, not a frame later.
  useLayoutEffect(() => {
    if (!ready) {
      document.body.removeAttribute("data-ready");
      return;
    }
    if (!performance.getEntriesByName("usable").length) performance.mark("usable");
    document.body.setAttribute("data-ready", "true");
  }, [ready, title]);
}

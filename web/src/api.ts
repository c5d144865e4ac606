/**
 * The pages read the registry only through its JSON API under /api. An answer that is not 2xx
 * becomes an ApiError carrying the API's own message, which the pages show.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The error's whole body: a 409's `current` state, a 400's `problems`. */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type Params = Record<string, string | number | boolean | undefined | null>;

export function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function apiUrl(path: string, params: Params = {}): string {
  return `/api${path}${query(params)}`;
}

export async function api<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { signal: signal ?? null, headers: { accept: "application/json" } });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "the registry could not be reached; check that the server is running");
  }
  if (!response.ok) {
    let message = `the registry answered ${response.status}`;
    try {
      const body = (await response.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      // not JSON: keep the status
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

let csrfToken: Promise<string> | null = null;

/** The CSRF token every change made with the session cookie carries (GET /api/auth/csrf sets its secret). */
function csrf(fresh = false): Promise<string> {
  if (fresh || !csrfToken) {
    csrfToken = fetch("/api/auth/csrf", { headers: { accept: "application/json" } })
      .then((r) => r.json() as Promise<{ token: string }>)
      .then((b) => b.token);
    csrfToken.catch(() => (csrfToken = null));
  }
  return csrfToken;
}

/**
 * A change: JSON (or CSV text) sent with the CSRF token; a refused token is fetched again once
 * (the server restarted, the secret's cookie expired). Errors carry the API's body.
 */
export async function send<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, contentType = "application/json"): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(`/api${path}`, {
        method,
        headers: { accept: "application/json", "x-csrf-token": await csrf(attempt > 0), ...(body !== undefined ? { "content-type": contentType } : {}) },
        ...(body !== undefined ? { body: contentType === "application/json" ? JSON.stringify(body) : String(body) } : {}),
      });
    } catch {
      throw new ApiError(0, "the registry could not be reached; check that the server is running");
    }
    if (response.status === 204) return undefined as T;
    let json: Record<string, unknown> = {};
    try {
      json = (await response.json()) as Record<string, unknown>;
    } catch {
      // not JSON
    }
    if (response.ok) return json as T;
    if (response.status === 403 && attempt === 0 && /csrf/i.test(String(json.message ?? ""))) continue;
    throw new ApiError(response.status, String(json.message ?? `the registry answered ${response.status}`), json);
  }
}

export const reviewPath = (id: string) => `/review/mandates/${encodeURIComponent(id)}`;

/** `/resolutions/A%2FRES%2F79%2F222`: a symbol is one path segment. */
export const resolutionPath = (symbol: string, hash = "") => `/resolutions/${encodeURIComponent(symbol)}${hash ? `#${hash}` : ""}`;
export const seriesPath = (symbol: string) => `/series/${encodeURIComponent(symbol)}`;
export const entityPath = (name: string) => `/entities/${encodeURIComponent(name)}`;
export const comparePath = (from: string, to: string) => `/compare${query({ from, to })}`;

/**
 * The pages read the registry only through its JSON API under /api. An answer that is not 2xx
 * becomes an ApiError carrying the API's own message, which the pages show.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
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

/** `/resolutions/A%2FRES%2F79%2F222`: a symbol is one path segment. */
export const resolutionPath = (symbol: string, hash = "") => `/resolutions/${encodeURIComponent(symbol)}${hash ? `#${hash}` : ""}`;
export const seriesPath = (symbol: string) => `/series/${encodeURIComponent(symbol)}`;
export const entityPath = (name: string) => `/entities/${encodeURIComponent(name)}`;
export const comparePath = (from: string, to: string) => `/compare${query({ from, to })}`;

import { fileURLToPath } from "node:url";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Headers and time limits every answer carries. The pages are Vite-built scripts and styles
 * served from this origin, so scripts come from 'self' alone; styles also allow inline
 * `<style>` elements and attributes, which the chart library writes for its marks (a style
 * cannot run code). Nothing is fetched from elsewhere, and no page may be framed.
 */

export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  // The icon is a data: URL in index.html; charts may draw to blob: images.
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    // Written out in full: helmet's defaults add upgrade-insecure-requests, which would send a
    // page served over plain HTTP on a private address to https for its own scripts.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // The pages are served over plain HTTP on a laptop as often as behind a TLS proxy.
    strictTransportSecurity: false,
  });
}

/**
 * Time limits of the HTTP server (fastify's options, in milliseconds). A client that sends its
 * request slowly (a slow-loris) is cut off after REQUEST_TIMEOUT; an idle connection after
 * CONNECTION_TIMEOUT; a kept-alive connection waits KEEP_ALIVE_TIMEOUT for its next request and
 * serves at most MAX_REQUESTS_PER_SOCKET. No route takes longer than its registry time limit
 * (src/server/read-pool.ts), well under these.
 */
export const SERVER_TIMEOUTS = {
  requestTimeout: 30_000,
  connectionTimeout: 60_000,
  keepAliveTimeout: 5_000,
  maxRequestsPerSocket: 1_000,
} as const;
/** Time to receive a request's head: under requestTimeout, as Node requires. */
export const HEADERS_TIMEOUT = 10_000;

/** The checkout: stripped from what is logged, so that a log names no server path. */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** An error as the log records it: its name, code and message, and its stack with paths relative to the checkout. */
export function loggableError(error: Error & { code?: string }): { type: string; code?: string; message: string; stack?: string } {
  const strip = (text: string) =>
    text
      .split(`file://${ROOT}`)
      .join("")
      .split(ROOT)
      .join("")
      .replace(/(?:file:\/\/)?\/(?:[^\s/:()'"]+\/)+/g, "…/");
  return {
    type: error.name,
    ...(error.code ? { code: error.code } : {}),
    message: strip(error.message),
    ...(error.stack ? { stack: strip(error.stack) } : {}),
  };
}

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * The web pages beside the API. The front end (web/) is built by Vite into dist/web: one
 * index.html and hashed files under assets/. Every page path is answered with index.html, and
 * the page's script reads the path and asks the JSON API under /api; a path no page owns gets
 * index.html with status 404, so a browser shows a "not found" page, never a blank one.
 */

/** dist/web in the checkout: src/server and dist/server are both two levels below it. */
export const WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** The paths the pages own (documented in the README); `*` is one URL-encoded segment. */
export const PAGE_ROUTES = ["/", "/search", "/resolutions/:symbol", "/compare", "/series/:symbol", "/mandates", "/entities/:name", "/duplicates", "/dashboard"];

const MISSING_BUILD = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mandate Registry</title></head>
<body><main><h1>Mandate Registry</h1><p>The web pages are not built: run <code>npm run build</code>. The JSON API answers under <a href="/api/openapi.json">/api</a>.</p></main></body></html>`;

/** Whether a request for an unknown path should get the page shell (a browser) rather than JSON. */
export function wantsPage(method: string, url: string, accept: string | undefined): boolean {
  return method === "GET" && !url.startsWith("/api/") && url !== "/api" && (accept ?? "").includes("text/html");
}

export type SendShell = (reply: FastifyReply, status?: number) => FastifyReply;

/** Registers the page routes and assets; returns how to answer with the page shell (for unknown paths). */
export async function registerWebPages(app: FastifyInstance, root: string): Promise<SendShell> {
  const indexFile = join(root, "index.html");
  const built = existsSync(indexFile);
  // Read once: the shell is small and the same for every page.
  const shell = built ? readFileSync(indexFile, "utf8") : MISSING_BUILD;
  const sendShell = (reply: FastifyReply, status = 200) =>
    reply.status(status).header("cache-control", "no-cache").type("text/html; charset=utf-8").send(shell);

  if (built) {
    await app.register(fastifyStatic, {
      root: join(root, "assets"),
      prefix: "/assets/",
      // File names carry their content hash: a changed file is a new name.
      immutable: true,
      maxAge: "365d",
      preCompressed: true,
      index: false,
      wildcard: true,
    });
  }
  for (const url of PAGE_ROUTES) app.get(url, { schema: { hide: true } }, async (_request, reply) => sendShell(reply));
  return sendShell;
}

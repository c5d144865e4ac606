import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { describeProblems } from "../model/problems.js";
import type { Problem } from "../model/types.js";
import { DuplicationCache } from "../registry/duplication-cache.js";
import type { Store } from "../registry/store.js";
import { collectRoutes, openApiDocument } from "./openapi.js";
import { citationRoutes } from "./routes/citations.js";
import { compareRoutes } from "./routes/compare.js";
import { documentRoutes } from "./routes/documents.js";
import { mandateRoutes } from "./routes/mandates.js";
import { searchRoutes } from "./routes/search.js";
import { seriesRoutes } from "./routes/series.js";
import { statisticsRoutes } from "./routes/statistics.js";
import { readingRoutes } from "./routes/reading.js";
import { resolutionSearchRoutes } from "./routes/resolution-search.js";
import { seriesViewRoutes } from "./routes/series-view.js";
import { symbolRoutes } from "./routes/symbols.js";
import { SHARED_SCHEMAS } from "./schemas.js";
import { registerWebPages, WEB_ROOT, wantsPage } from "./web.js";

/**
 * The registry's HTTP API. `buildApp` assembles it around a store without listening, so tests
 * call it through `app.inject()`; `serve` (src/cli/serve.ts) listens. Each resource is one
 * plugin under routes/; every route declares params, querystring and response schemas, from
 * which /api/openapi.json is generated. The web pages (web/, built into dist/web) are served
 * beside the API by ./web.ts. Errors are always `{statusCode, error, message}`.
 */

export interface AppOptions {
  /** Fastify's logger (pino) settings; off by default (tests, embedding). */
  logger?: boolean | { level: string };
  /** The built web pages (index.html and assets/); null serves the API alone. Default: dist/web in the checkout. */
  webRoot?: string | null;
  /** Compute registry-wide reports (duplication) as soon as the app is built; off for tests. */
  warmReports?: boolean;
}

/** Where every JSON route lives. */
export const API_PREFIX = "/api";

export interface RouteContext {
  store: Store;
  /** The duplication report, computed once per state of the registry. */
  duplication: DuplicationCache;
}

const STATUS_NAMES: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};

export function httpError(statusCode: number, message: string): FastifyError {
  return Object.assign(new Error(message), { statusCode, code: `REGISTRY_${statusCode}`, name: STATUS_NAMES[statusCode] ?? "Error" }) as FastifyError;
}

/** Input the registry refused (a search it cannot run): 400, the message naming each problem. */
export function badInput(problems: readonly Problem[]): FastifyError {
  return httpError(400, describeProblems(problems));
}

export async function buildApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Symbols are short; a long path parameter is a mistake or an attack.
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
  });
  for (const schema of SHARED_SCHEMAS) app.addSchema(structuredClone(schema) as object);
  const routes = collectRoutes(app);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = error.statusCode ?? 500;
    if (error.validation) status = 400;
    if (status >= 500) request.log.error(error);
    const message = status >= 500 && !(error.code ?? "").startsWith("REGISTRY_") ? "the server failed to answer; the error is logged" : error.message;
    return reply.status(status).type("application/json").send({ statusCode: status, error: STATUS_NAMES[status] ?? "Error", message });
  });
  const webRoot = options.webRoot === undefined ? WEB_ROOT : options.webRoot;
  const sendShell = webRoot === null ? null : await registerWebPages(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (sendShell && wantsPage(request.method, request.url, request.headers.accept)) return sendShell(reply, 404);
    return reply.status(404).type("application/json").send({ statusCode: 404, error: "Not Found", message: `no route ${request.method} ${request.url.split("?")[0]}` });
  });

  const context: RouteContext = { store, duplication: new DuplicationCache(store) };
  // Computed when the server starts, so that the first page view does not wait for the scan.
  if (options.warmReports) void context.duplication.warm().catch((e: unknown) => app.log.error(e));
  // The JSON API lives under /api, so that the web pages own the clean, shareable paths.
  await app.register(
    async (api) => {
      await api.register(documentRoutes, context);
      await api.register(readingRoutes, context);
      await api.register(symbolRoutes, context);
      await api.register(citationRoutes, context);
      await api.register(searchRoutes, context);
      await api.register(resolutionSearchRoutes, context);
      await api.register(mandateRoutes, context);
      await api.register(seriesRoutes, context);
      await api.register(seriesViewRoutes, context);
      await api.register(statisticsRoutes, context);
      await api.register(compareRoutes, context);
      let openApi: unknown;
      api.get(
        "/openapi.json",
        { schema: { summary: "This API's OpenAPI 3.1 description", tags: ["meta"], response: { 200: { type: "object", additionalProperties: true } } } },
        async () => (openApi ??= openApiDocument(app, routes, { title: "Mandate Registry API", version: "1" })),
      );
    },
    { prefix: API_PREFIX },
  );
  return app;
}

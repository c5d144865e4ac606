import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { DuplicationCache, scanInWorker } from "../registry/duplication-cache.js";
import type { Store } from "../registry/store.js";
import { registerPressureRelief, registerRateLimits } from "./load-shedding.js";
import { collectRoutes, openApiDocument } from "./openapi.js";
import { ReadPool, type ReadPoolOptions } from "./read-pool.js";
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
import type { Problem } from "../model/types.js";
import { type AuthOptions, registerAuth, type ResolvedAuth } from "./auth.js";
import { LIFECYCLE_SCHEMAS } from "./lifecycle-schemas.js";
import { accountRoutes } from "./routes/accounts.js";
import { auditRoutes } from "./routes/audit.js";
import { reportRoutes } from "./routes/reports.js";
import { reviewRoutes } from "./routes/reviews.js";
import { answerOtherMethods, BODY_LIMIT, clientErrorHandler, errorBody, frameworkErrors, guardUrlLength, guardValues, methodsByPath } from "./guards.js";
import { HEADERS_TIMEOUT, loggableError, registerSecurityHeaders, SERVER_TIMEOUTS } from "./security.js";
import { registerWebPages, WEB_ROOT, wantsPage } from "./web.js";

/**
 * The registry's HTTP API. `buildApp` assembles it around a store without listening, so tests
 * call it through `app.inject()`; `serve` (src/cli/serve.ts) listens. Each resource is one
 * plugin under routes/; every route declares params, querystring and response schemas, from
 * which /api/openapi.json is generated. The web pages (web/, built into dist/web) are served
 * beside the API by ./web.ts. Errors are always `{statusCode, error, message}`.
 */

export interface AppOptions {
  /** Fastify's logger (pino) settings; off by default (tests, embedding). Credentials are redacted from whatever it logs. */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Sign-in, sessions and who may read (src/server/auth.ts). */
  auth?: AuthOptions;
  /** The built web pages (index.html and assets/); null serves the API alone. Default: dist/web in the checkout. */
  webRoot?: string | null;
  /** Compute registry-wide reports (duplication) as soon as the app is built; off for tests. */
  warmReports?: boolean;
  /**
   * Where the store was opened (a file, or a URL with its password), so that worker threads can
   * open it too: costly reads and the duplication scan then run off the event loop. Without it
   * (an in-memory registry) they run in this thread.
   */
  location?: string;
  /** The read pool's size and limits (src/server/read-pool.ts). */
  reads?: ReadPoolOptions;
  /**
   * Rate limits per address and 503s while the event loop lags (src/server/load-shedding.ts), as
   * `mandates serve` runs; off by default (tests, embedding: a test machine's loaded moment is
   * not the server's overload).
   */
  loadShedding?: boolean;
}

/** The content type of JSON text a route sends as it is (written in a read worker). */
export const JSON_TYPE = "application/json; charset=utf-8";

/** The routes' view of the app: request and reply types come from their TypeBox schemas (src/server/schemas.ts). */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<TypeBoxTypeProvider>();
}

/** Where every JSON route lives. */
export const API_PREFIX = "/api";

export interface RouteContext {
  store: Store;
  /** Reads whose cost grows with the registry or the request, run off the event loop. */
  reads: ReadPool;
  /** The duplication report, computed once per state of the registry. */
  duplication: DuplicationCache;
  auth: ResolvedAuth;
}


/** Headers that carry credentials, never logged (a request's headers are not logged by default; this holds if that changes). */
const REDACTED = ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]', "headers.authorization", "headers.cookie"];

function loggerOptions(logger: AppOptions["logger"]) {
  if (!logger) return false;
  const { stream, ...rest } = logger === true ? { stream: undefined } : logger;
  return { ...rest, redact: { paths: REDACTED, censor: "[redacted]" }, ...(stream ? { stream } : {}) };
}

export async function buildApp(store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    // Symbols are short; a long path parameter is a mistake or an attack.
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allErrors: false } },
    bodyLimit: BODY_LIMIT,
    ...SERVER_TIMEOUTS,
    frameworkErrors,
    clientErrorHandler,
  });
  app.server.headersTimeout = HEADERS_TIMEOUT;
  const served = methodsByPath(app);
  await registerSecurityHeaders(app);
  const shedding = options.loadShedding ?? false;
  if (shedding) await registerPressureRelief(app);
  guardUrlLength(app);
  for (const schema of [...SHARED_SCHEMAS, ...LIFECYCLE_SCHEMAS]) app.addSchema(structuredClone(schema) as object);
  const routes = collectRoutes(app);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = error.statusCode ?? 500;
    if (error.validation) status = 400;
    // Logged without the server's paths; the answer names neither them nor the stack.
    if (status >= 500 && status !== 503) request.log.error({ err: loggableError(error) }, "request failed");
    const retryAfter = (error as { retryAfter?: unknown }).retryAfter;
    if (typeof retryAfter === "number") void reply.header("retry-after", String(retryAfter));
    const message = status >= 500 && !(error.code ?? "").startsWith("REGISTRY_") ? "the server failed to answer; the error is logged" : error.message;
    // input refused names each problem by its code (an import's rows by their line); a stale edit
    // carries the record as it stands
    const problems = (error as { problems?: Problem[] }).problems;
    const current = "current" in error ? { current: error.current } : {};
    return reply
      .status(status)
      .type("application/json")
      .send({ ...errorBody(status, message), ...(problems ? { problems: problems.map((p) => ({ code: p.code, message: p.message })) } : {}), ...current });
  });
  const webRoot = options.webRoot === undefined ? WEB_ROOT : options.webRoot;
  const sendShell = webRoot === null ? null : await registerWebPages(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (sendShell && wantsPage(request.method, request.url, request.headers.accept)) return sendShell(reply, 404);
    return reply.status(404).type("application/json").send(errorBody(404, `no route ${request.method} ${request.url.split("?")[0]}`));
  });

  const threaded = options.location && options.location !== ":memory:" ? options.location : null;
  const reads = new ReadPool(store, threaded, options.reads);
  app.addHook("onClose", () => reads.close());
  const auth = await registerAuth(app, store, options.auth);
  const context: RouteContext = { store, reads, duplication: new DuplicationCache(store, threaded ? { scan: scanInWorker(threaded) } : {}), auth };
  // Computed when the server starts, so that the first page view does not wait for the scan.
  if (options.warmReports) void context.duplication.warm().catch((e: unknown) => app.log.error(e));
  // The JSON API lives under /api, so that the web pages own the clean, shareable paths.
  await app.register(
    async (api) => {
      if (shedding) await registerRateLimits(api);
      guardValues(api);
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
      await api.register(accountRoutes, context);
      await api.register(reviewRoutes, context);
      await api.register(reportRoutes, context);
      await api.register(auditRoutes, context);
      let openApi: unknown;
      api.get(
        "/openapi.json",
        { schema: { summary: "This API's OpenAPI 3.1 description", tags: ["meta"], response: { 200: Type.Object({}, { additionalProperties: true }) } } },
        async () => (openApi ??= openApiDocument(app, routes, { title: "Mandate Registry API", version: "1" })),
      );
    },
    { prefix: API_PREFIX },
  );
  answerOtherMethods(app, served);
  return app;
}

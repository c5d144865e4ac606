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
import { type AuthOptions, registerAuth, type ResolvedAuth } from "./auth.js";
import { LIFECYCLE_SCHEMAS } from "./lifecycle-schemas.js";
import { accountRoutes } from "./routes/accounts.js";
import { auditRoutes } from "./routes/audit.js";
import { reportRoutes } from "./routes/reports.js";
import { reviewRoutes } from "./routes/reviews.js";
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
}

/** Where every JSON route lives. */
export const API_PREFIX = "/api";

export interface RouteContext {
  store: Store;
  /** The duplication report, computed once per state of the registry. */
  duplication: DuplicationCache;
  auth: ResolvedAuth;
}

const STATUS_NAMES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  409: "Conflict",
  429: "Too Many Requests",
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
  });
  for (const schema of [...SHARED_SCHEMAS, ...LIFECYCLE_SCHEMAS]) app.addSchema(structuredClone(schema) as object);
  const routes = collectRoutes(app);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = error.statusCode ?? 500;
    if (error.validation) status = 400;
    if (status >= 500) request.log.error(error);
    const message = status >= 500 && !(error.code ?? "").startsWith("REGISTRY_") ? "the server failed to answer; the error is logged" : error.message;
    // input refused names each problem by its code (an import's rows by their line)
    const problems = (error as { problems?: Problem[] }).problems;
    return reply
      .status(status)
      .type("application/json")
      .send({ statusCode: status, error: STATUS_NAMES[status] ?? "Error", message, ...(problems ? { problems: problems.map((p) => ({ code: p.code, message: p.message })) } : {}) });
  });
  const webRoot = options.webRoot === undefined ? WEB_ROOT : options.webRoot;
  const sendShell = webRoot === null ? null : await registerWebPages(app, webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (sendShell && wantsPage(request.method, request.url, request.headers.accept)) return sendShell(reply, 404);
    return reply.status(404).type("application/json").send({ statusCode: 404, error: "Not Found", message: `no route ${request.method} ${request.url.split("?")[0]}` });
  });

  const auth = await registerAuth(app, store, options.auth);
  const context: RouteContext = { store, duplication: new DuplicationCache(store), auth };
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
      await api.register(accountRoutes, context);
      await api.register(reviewRoutes, context);
      await api.register(reportRoutes, context);
      await api.register(auditRoutes, context);
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

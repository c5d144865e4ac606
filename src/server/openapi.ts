import type { FastifyInstance, RouteOptions } from "fastify";

/**
 * OpenAPI 3.1 from the route schemas themselves: every route registered after `collectRoutes`
 * is recorded with its params, querystring and responses; shared schemas (`Name#` references)
 * become `#/components/schemas/Name`. OpenAPI 3.1 schemas are JSON Schema, so the route
 * schemas are copied, only their references rewritten.
 */

declare module "fastify" {
  /** The documentation fields OpenAPI reads from a route schema (fastify validates none of them). */
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: readonly string[];
    hide?: boolean;
  }
}

interface CollectedRoute {
  method: string;
  url: string;
  schema: NonNullable<RouteOptions["schema"]>;
}

type Json = Record<string, unknown>;

export function collectRoutes(app: FastifyInstance): CollectedRoute[] {
  const routes: CollectedRoute[] = [];
  app.addHook("onRoute", (route) => {
    if (!route.schema || route.schema.hide) return;
    for (const method of [route.method].flat()) {
      if (method === "HEAD") continue;
      routes.push({ method: method.toLowerCase(), url: route.url, schema: route.schema });
    }
  });
  return routes;
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (!value || typeof value !== "object") return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "$ref" && typeof v === "string") out[k] = `#/components/schemas/${v.replace(/#$/, "")}`;
    else if (k !== "$id") out[k] = rewriteRefs(v);
  }
  return out;
}

function parameters(schema: unknown, where: "path" | "query"): Json[] {
  const s = schema as { properties?: Record<string, Json>; required?: string[] } | undefined;
  if (!s?.properties) return [];
  return Object.entries(s.properties).map(([name, property]) => {
    const { description, ...rest } = property as Json & { description?: string };
    return {
      name,
      in: where,
      // A parameter with a default is filled in by the server: the client may leave it out.
      required: where === "path" || ((s.required ?? []).includes(name) && !("default" in property)),
      ...(description ? { description } : {}),
      schema: rewriteRefs(rest),
    };
  });
}

const STATUS_TEXT: Record<string, string> = { 200: "OK", 400: "Bad request", 404: "Not found", 501: "Not implemented", 503: "Busy, or over its time limit: retry after Retry-After seconds" };

export function openApiDocument(app: FastifyInstance, routes: readonly CollectedRoute[], info: { title: string; version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const { method, url, schema } of routes) {
    const path = url.replace(/:([A-Za-z_]\w*)/g, "{$1}");
    const s = schema as Json & { response?: Record<string, Json>; params?: unknown; querystring?: unknown };
    const responses: Json = {};
    for (const [status, body] of Object.entries(s.response ?? {})) {
      const { description, content, ...rest } = body as Json & { description?: string; content?: Json };
      responses[status] = {
        description: description ?? STATUS_TEXT[status] ?? status,
        content: content ? rewriteRefs(content) : { "application/json": { schema: rewriteRefs(rest) } },
      };
    }
    (paths[path] ??= {})[method] = {
      ...(s.summary ? { summary: s.summary } : {}),
      ...(s.description ? { description: s.description } : {}),
      ...(s.tags ? { tags: s.tags } : {}),
      operationId: `${method}${path.replace(/\{(\w+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
      parameters: [...parameters(s.params, "path"), ...parameters(s.querystring, "query")],
      responses,
    };
  }
  const components = Object.fromEntries(Object.entries(app.getSchemas()).map(([id, schema]) => [id, rewriteRefs(schema)]));
  return { openapi: "3.1.0", info, paths, components: { schemas: components } };
}

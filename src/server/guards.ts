import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { describeProblems } from "../model/problems.js";
import type { Problem } from "../model/types.js";

/**
 * Checks every request meets before any handler reads it, so that what the schemas cannot say
 * is refused the same way on both databases: a control character in any text (PostgreSQL
 * refuses NUL in text, SQLite's full-text syntax chokes on it: both answered 500), a number
 * that is not finite (the schema validator turns "1e309" and "Infinity" into Infinity and lets
 * it past `maximum`), a URL longer than any the API builds (414), a method the path does not
 * serve (405 with `Allow`), and the framework's own refusals in the API's error shape.
 */

/** Every error answer: `{statusCode, error, message}`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export const STATUS_NAMES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
};

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_NAMES[statusCode] ?? "Error", message };
}

/** An error a route throws to answer with this status and message (shown to the client, whatever the status). */
export function httpError(statusCode: number, message: string): FastifyError {
  return Object.assign(new Error(message), { statusCode, code: `REGISTRY_${statusCode}`, name: STATUS_NAMES[statusCode] ?? "Error" }) as FastifyError;
}

/** Input the registry refused (a search it cannot run): 400, the message naming each problem. */
export function badInput(problems: readonly Problem[]): FastifyError {
  return httpError(400, describeProblems(problems));
}

/**
 * The longest URL served. The longest the API builds is a search of 500 characters, each
 * percent-encoded in three, with every filter: under 2,000. Node itself refuses request heads
 * over 16 KB (431).
 */
export const MAX_URL_LENGTH = 4096;
/** Bodies are small forms and JSON; anything bigger is refused before it is read whole (the CSV import of decisions sets its own limit). */
export const BODY_LIMIT = 16 * 1024;

/**
 * C0 controls other than tab, line feed and carriage return (a pasted query may hold those),
 * DEL, and the C1 controls. Lone surrogates are no characters at all in UTF-8 (PostgreSQL
 * refuses them, and a page could not show them).
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

function describeCharacter(text: string): string {
  const found = CONTROL.exec(text)![0];
  return `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The first problem with a value of the query, path or body: a control character, or a number that is not finite. */
function problemIn(where: string, value: unknown, name = ""): string | null {
  const label = name ? `${where} parameter "${name}"` : where;
  if (typeof value === "string") return CONTROL.test(value) ? `${label} holds a control character (${describeCharacter(value)}); text may not` : null;
  if (typeof value === "number") return Number.isFinite(value) ? null : `${label} must be a finite number`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = problemIn(where, item, name);
      if (problem) return problem;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key)) return `${where} holds a control character in a name (${describeCharacter(key)})`;
      const problem = problemIn(where, item, name ? `${name}.${key}` : key);
      if (problem) return problem;
    }
  }
  return null;
}

/** The checks of values, on the routes of `api` (after the schemas coerced them, so numbers are numbers). */
export function guardValues(api: FastifyInstance): void {
  api.addHook("preHandler", async (request: FastifyRequest) => {
    const problem = problemIn("query", request.query) ?? problemIn("path", request.params) ?? problemIn("body", request.body);
    if (problem) throw httpError(400, problem);
  });
}

/** A URL too long for any route: refused before routing reads it. */
export function guardUrlLength(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) {
      return reply.status(414).type("application/json").send(errorBody(414, `the URL is longer than ${MAX_URL_LENGTH} characters`));
    }
  });
}

/**
 * The framework's refusals before routing (`frameworkErrors`): a path that is not valid
 * percent-encoding, a path parameter over its length.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") void reply.status(414).type("application/json").send(errorBody(414, "a segment of the path is too long"));
  else if (error.code === "FST_ERR_BAD_URL") void reply.status(400).type("application/json").send(errorBody(400, "the path is not valid percent-encoded UTF-8"));
  else void reply.status(400).type("application/json").send(errorBody(400, "the request could not be read"));
}

/**
 * What Node's HTTP parser refuses before the framework sees a request (a head over 16 KB, a
 * request not received in time, a malformed request line), answered in the API's error shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "the request's head (URL and headers) is larger than 16 KB"]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "the request was not received in time"]
        : [400, "the request is not valid HTTP"];
  const body = JSON.stringify(errorBody(status, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_NAMES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * Records the methods each path serves; `answerOtherMethods` then makes every other method on
 * those paths a 405 naming them in `Allow` (the framework answers 404, as for a path that does
 * not exist).
 */
export function methodsByPath(app: FastifyInstance): Map<string, Set<string>> {
  const served = new Map<string, Set<string>>();
  app.addHook("onRoute", (route) => {
    const set = served.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) set.add(method.toUpperCase());
    served.set(route.url, set);
  });
  return served;
}

export function answerOtherMethods(app: FastifyInstance, served: Map<string, Set<string>>): void {
  for (const [url, methods] of [...served]) {
    const allowed = METHODS.filter((m) => methods.has(m));
    const others = METHODS.filter((m) => !methods.has(m));
    if (!others.length) continue;
    const allow = allowed.join(", ");
    app.route({
      method: others,
      url,
      schema: { hide: true },
      handler: async (request, reply) =>
        reply.status(405).header("allow", allow).type("application/json").send(errorBody(405, `${request.method} is not served on this path; it answers ${allow}`)),
    });
  }
}

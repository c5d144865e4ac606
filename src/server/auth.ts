import { randomBytes } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Role } from "../model/lifecycle.js";
import type { Principal } from "../registry/lifecycle/index.js";
import type { Store } from "../registry/store.js";

/**
 * Who is asking. A request is signed in by an API token (`Authorization: Bearer mrt_...`) or by
 * the web session cookie; both are looked up at every request (a revoked token, an ended
 * session, a disabled user stop working at once). Sessions are rows of the registry (their
 * SHA-256), not memory: they survive a restart, are shared by several server processes on
 * PostgreSQL, and end at a fixed lifetime or after sitting idle. The cookie is HttpOnly,
 * SameSite=Strict and Secure when served over HTTPS.
 *
 * Every request that changes something with the session cookie must carry a CSRF token
 * (@fastify/csrf-protection: a secret in a signed cookie, a token from GET /api/auth/csrf in the
 * `x-csrf-token` header); a request signed by a token carries no ambient credential and needs
 * none. Reading is public unless the server is private, when every API route but sign-in and
 * health asks for a user.
 */

export interface AuthOptions {
  /** Reading requires sign-in (`serve --private`). */
  private?: boolean;
  /** Cookies only over HTTPS (the default when serving beyond loopback). */
  secureCookies?: boolean;
  /** Signs the CSRF secret's cookie; a random one per process by default (forms then need a fresh token after a restart). */
  cookieSecret?: string;
  /** A session's lifetime, and how long it may sit unused. */
  sessionSeconds?: number;
  idleSeconds?: number;
  /** Sign-in attempts allowed per address, and per account, in `signInWindowMs`. */
  signInAttempts?: number;
  signInWindowMs?: number;
}

export const SESSION_COOKIE = "mr_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** API paths open to everyone even on a private server. */
const OPEN_PATHS = ["/api/auth/", "/api/health", "/api/openapi.json"];

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    principal: Principal | null;
  }
}

export interface ResolvedAuth {
  private: boolean;
  secureCookies: boolean;
  sessionSeconds: number;
  idleSeconds: number;
  signInAttempts: number;
  signInWindowMs: number;
}

export function resolveAuth(options: AuthOptions = {}): ResolvedAuth {
  return {
    private: options.private ?? false,
    secureCookies: options.secureCookies ?? false,
    sessionSeconds: options.sessionSeconds ?? 8 * 3600,
    idleSeconds: options.idleSeconds ?? 3600,
    signInAttempts: options.signInAttempts ?? 10,
    signInWindowMs: options.signInWindowMs ?? 15 * 60_000,
  };
}

export function httpFailure(statusCode: number, message: string): Error & { statusCode: number; code: string } {
  return Object.assign(new Error(message), { statusCode, code: `REGISTRY_${statusCode}` });
}

/** The signed-in user, or 401. */
export function signedIn(request: FastifyRequest): Principal {
  if (!request.principal) throw httpFailure(401, "sign in, or send an API token as Authorization: Bearer TOKEN");
  return request.principal;
}

/** The signed-in user holding one of `roles`, or 401 / 403. */
export function withRole(request: FastifyRequest, ...roles: Role[]): Principal {
  const principal = signedIn(request);
  if (!roles.includes(principal.role)) throw httpFailure(403, `this needs the role ${roles.join(" or ")}; you are ${principal.role === "admin" ? "an" : "a"} ${principal.role}`);
  return principal;
}

export function sessionCookie(auth: ResolvedAuth) {
  return { path: "/", httpOnly: true, sameSite: "strict" as const, secure: auth.secureCookies };
}

export async function registerAuth(app: FastifyInstance, store: Store, options: AuthOptions = {}): Promise<ResolvedAuth> {
  const auth = resolveAuth(options);
  await app.register(fastifyCookie, { secret: options.cookieSecret ?? randomBytes(32).toString("base64url") });
  await app.register(fastifyCsrf, { cookieOpts: { ...sessionCookie(auth), signed: true } });
  app.decorateRequest("principal", null);

  app.addHook("onRequest", async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0]!;
    // the pages and their assets are the same for everyone: only the API reads credentials
    if (!path.startsWith("/api/")) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
      request.principal = bearer ? await store.lifecycle.principalOfToken(bearer[1]!) : null;
      // a credential that does not work is refused, not read as no credential at all
      if (!request.principal) {
        reply.header("www-authenticate", 'Bearer error="invalid_token"');
        throw httpFailure(401, bearer ? "the API token is not valid: revoked, of a disabled user, or mistyped" : "Authorization must be Bearer TOKEN");
      }
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        request.principal = await store.lifecycle.principalOfSession(cookie, auth.idleSeconds);
        if (!request.principal) reply.clearCookie(SESSION_COOKIE, sessionCookie(auth));
      }
    }
    if (auth.private && !request.principal && !OPEN_PATHS.some((p) => path === p || path.startsWith(p))) {
      reply.header("www-authenticate", "Bearer");
      throw httpFailure(401, "this registry is private: sign in, or send an API token as Authorization: Bearer TOKEN");
    }
  });

  // A change made with the session cookie must carry the CSRF token, and so must signing in and
  // out (login CSRF). A change with no credential at all is the route's to refuse (401).
  app.addHook("preHandler", (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith("/api/")) return done();
    if (request.principal?.via === "web" || request.url.startsWith("/api/auth/")) return app.csrfProtection(request, reply, done);
    done();
  });
  return auth;
}

/**
 * Failed sign-ins per account, in memory: an address is limited by @fastify/rate-limit, and an
 * account, whatever the addresses guessing at it, by this count of failures in the window.
 */
export class SignInFailures {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  private recent(email: string, now: number): number[] {
    const list = (this.failures.get(email) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(email, list);
    else this.failures.delete(email);
    return list;
  }

  /** Seconds until the account may be tried again, or 0. */
  blockedFor(email: string, now = Date.now()): number {
    const list = this.recent(email, now);
    return list.length >= this.limit ? Math.ceil((list[0]! + this.windowMs - now) / 1000) : 0;
  }

  fail(email: string, now = Date.now()): void {
    this.failures.set(email, [...this.recent(email, now), now]);
    if (this.failures.size > 100_000) this.failures.clear();
  }

  succeed(email: string): void {
    this.failures.delete(email);
  }
}

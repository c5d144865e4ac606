import { randomBytes } from "node:crypto";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifySession, { type SessionStore } from "@fastify/session";
import type { FastifyInstance, FastifyReply, FastifyRequest, Session } from "fastify";
import type { Role } from "../model/lifecycle.js";
import { newSessionId } from "../registry/lifecycle/accounts.js";
import type { Principal } from "../registry/lifecycle/index.js";
import type { Store } from "../registry/store.js";
import { httpError } from "./guards.js";

/**
 * Who is asking. A request is signed in by an API token (`Authorization: Bearer mrt_...`) or by
 * the web session cookie; both are looked up at every request (a revoked token, an ended
 * session, a disabled user stop working at once). Web sessions are @fastify/session's, kept in
 * the registry by RegistrySessionStore (their id's SHA-256), not in memory: shared by several
 * server processes on PostgreSQL, ending at a fixed lifetime or after sitting idle, and kept
 * across a restart when the cookie secret is (MANDATES_COOKIE_SECRET). The cookie is signed,
 * HttpOnly, SameSite=Strict, sent to the API only, and Secure when served over HTTPS.
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
  /** Signs the session cookie and the CSRF secret's cookie, at least 32 characters; a random one per process by default (sessions then end, and forms need a fresh token, at a restart). */
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

/** The shortest cookie secret accepted (@fastify/session's own minimum). */
export const COOKIE_SECRET_MIN = 32;

declare module "fastify" {
  interface FastifyRequest {
    /** The signed-in user, or null. */
    principal: Principal | null;
  }
  interface Session {
    /** Set at sign-in: the session is recorded for this user when it is saved. */
    userId?: number;
    /** Read from the registry at each request: who the session belongs to now. */
    principal?: Principal;
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

/** The signed-in user, or 401. */
export function signedIn(request: FastifyRequest): Principal {
  if (!request.principal) throw httpError(401, "sign in, or send an API token as Authorization: Bearer TOKEN");
  return request.principal;
}

/** The signed-in user holding one of `roles`, or 401 / 403. */
export function withRole(request: FastifyRequest, ...roles: Role[]): Principal {
  const principal = signedIn(request);
  if (!roles.includes(principal.role)) throw httpError(403, `this needs the role ${roles.join(" or ")}; you are ${principal.role === "admin" ? "an" : "a"} ${principal.role}`);
  return principal;
}

export function sessionCookie(auth: ResolvedAuth) {
  return { path: "/", httpOnly: true, sameSite: "strict" as const, secure: auth.secureCookies };
}

/** The session cookie goes to the API only: the pages and their assets are the same for everyone. */
export const SESSION_COOKIE_PATH = "/api";

/**
 * @fastify/session's store on the registry's web_sessions. Only signed-in sessions are stored
 * (the plugin saves a session once sign-in sets its user); reading one checks its end, its idle
 * time and its user again, so ending or disabling works at the next request.
 */
export class RegistrySessionStore implements SessionStore {
  constructor(
    private readonly store: Store,
    private readonly auth: ResolvedAuth,
  ) {}

  set(sessionId: string, session: Session, callback: (err?: unknown) => void): void {
    if (session.userId === undefined) return callback();
    this.store.lifecycle.openSession(sessionId, session.userId, this.auth.sessionSeconds).then(() => callback(), callback);
  }

  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void): void {
    this.store.lifecycle.sessionOf(sessionId, this.auth.idleSeconds).then(
      (found) => callback(null, found ? { userId: found.principal.userId, principal: found.principal, cookie: { originalMaxAge: null, expires: new Date(found.expiresAt) } } : null),
      callback,
    );
  }

  destroy(sessionId: string, callback: (err?: unknown) => void): void {
    this.store.lifecycle.endSession(sessionId).then(() => callback(), callback);
  }
}

export async function registerAuth(app: FastifyInstance, store: Store, options: AuthOptions = {}): Promise<ResolvedAuth> {
  const auth = resolveAuth(options);
  const secret = options.cookieSecret ?? randomBytes(32).toString("base64url");
  if (secret.length < COOKIE_SECRET_MIN) throw new Error(`the cookie secret has at least ${COOKIE_SECRET_MIN} characters`);
  await app.register(fastifyCookie, { secret });
  await app.register(fastifyCsrf, { cookieOpts: { ...sessionCookie(auth), signed: true } });
  await app.register(fastifySession, {
    secret,
    cookieName: SESSION_COOKIE,
    cookie: { ...sessionCookie(auth), path: SESSION_COOKIE_PATH, maxAge: auth.sessionSeconds * 1000 },
    idGenerator: newSessionId,
    // nothing is stored for visitors, and a session is written once, when its user signs in
    saveUninitialized: false,
    rolling: false,
    store: new RegistrySessionStore(store, auth),
  });
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
        throw httpError(401, bearer ? "the API token is not valid: revoked, of a disabled user, or mistyped" : "Authorization must be Bearer TOKEN");
      }
    } else {
      // @fastify/session has read the cookie's session from the registry (its hook runs first)
      request.principal = request.session?.principal ?? null;
    }
    if (auth.private && !request.principal && !OPEN_PATHS.some((p) => path === p || path.startsWith(p))) {
      reply.header("www-authenticate", "Bearer");
      throw httpError(401, "this registry is private: sign in, or send an API token as Authorization: Bearer TOKEN");
    }
  });

  // A change made with the session cookie must carry the CSRF token, and so must signing in and
  // out (login CSRF). A change with no credential at all is the route's to refuse (401). Checked
  // before the body is validated, so that a forged request is refused as such whatever it holds.
  app.addHook("preValidation", (request, reply, done) => {
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

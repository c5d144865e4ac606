import fastifyRateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply } from "fastify";
import { ROLES, type Role } from "../../model/lifecycle.js";
import { checkEmail, normalEmail } from "../../registry/lifecycle/accounts.js";
import type { Done, Principal, UserRecord } from "../../registry/lifecycle/index.js";
import { hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from "../../registry/lifecycle/passwords.js";
import type { RouteContext } from "../app.js";
import { httpFailure, SESSION_COOKIE, SESSION_COOKIE_PATH, sessionCookie, signedIn, SignInFailures, withRole } from "../auth.js";
import { failures, lref } from "../lifecycle-schemas.js";

/**
 * Sign-in, sign-out and who is signed in; API tokens (each user their own, an admin anyone's);
 * users (admins). Sign-in is limited per address (@fastify/rate-limit, scoped to this route) and
 * per account (failures in a window); a refused sign-in never says whether the account exists.
 */

const userView = (u: UserRecord) => ({ email: u.email, role: u.role, entities: u.entities, disabled: u.disabled, createdAt: u.createdAt, updatedAt: u.updatedAt });
const principalView = (p: Principal) => ({ email: p.email, role: p.role, entities: p.entities, via: p.via });

/** A refusal from the store as the HTTP error it names. */
export function unwrap<T>(done: Done<T>): T {
  if (done.ok) return done.value;
  throw Object.assign(httpFailure(done.status, done.message), done.problems ? { problems: done.problems } : {});
}

export async function accountRoutes(app: FastifyInstance, { store, auth }: RouteContext): Promise<void> {
  const failed = new SignInFailures(auth.signInAttempts, auth.signInWindowMs);
  // `mandates serve` limits the whole API already (src/server/load-shedding.ts), whose plugin
  // applies this route's stricter limit; otherwise the sign-in route brings its own.
  if (!app.hasDecorator("rateLimit")) await app.register(fastifyRateLimit, { global: false });

  app.get(
    "/auth/csrf",
    {
      schema: {
        summary: "A CSRF token for the next change made with the session cookie (send it as the x-csrf-token header); sets the secret's cookie",
        tags: ["accounts"],
        response: { 200: { type: "object", properties: { token: { type: "string" } } } },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  app.get(
    "/auth/me",
    {
      schema: {
        summary: "The signed-in user (null when no one is), and whether reading needs signing in",
        tags: ["accounts"],
        response: {
          200: {
            type: "object",
            properties: {
              user: { anyOf: [{ type: "null" }, { type: "object", properties: { email: { type: "string" }, role: { type: "string" }, entities: { type: "array", items: { type: "string" } }, via: { type: "string" } } }] },
              private: { type: "boolean" },
            },
          },
        },
      },
    },
    async (request) => ({ user: request.principal ? principalView(request.principal) : null, private: auth.private }),
  );

  app.post<{ Body: { email: string; password: string } }>(
    "/auth/sign-in",
    {
      config: { rateLimit: { max: auth.signInAttempts, timeWindow: auth.signInWindowMs } },
      schema: {
        summary: "Sign in with email and password: sets the session cookie (HttpOnly, SameSite=Strict); needs the CSRF token; limited per address and per account",
        tags: ["accounts"],
        body: {
          type: "object",
          additionalProperties: false,
          required: ["email", "password"],
          properties: { email: { type: "string", maxLength: 254 }, password: { type: "string", maxLength: PASSWORD_MAX } },
        },
        response: { 200: { type: "object", properties: { user: lref("User") } }, ...failures(400, 401, 403, 429) },
      },
    },
    async (request, reply: FastifyReply) => {
      // @fastify/session would not save the session of a plain-HTTP request with a Secure cookie: say so, not a sign-in that silently does not hold
      if (auth.secureCookies && request.protocol !== "https") throw httpFailure(400, "this server sends its session cookie over HTTPS only: sign in over HTTPS, or serve with --no-secure-cookies behind a TLS proxy on loopback");
      const email = normalEmail(request.body.email);
      const wait = failed.blockedFor(email);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw httpFailure(429, `too many failed sign-ins for this account: try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}`);
      }
      const found = await store.lifecycle.passwordHashOf(email);
      const good = await verifyPassword(found?.passwordHash ?? null, request.body.password);
      if (!found || !good) {
        failed.fail(email);
        request.log.info({ event: "sign-in refused" }, "sign-in refused");
        throw httpFailure(401, "the email or the password is wrong");
      }
      failed.succeed(email);
      // a new session id at sign-in (a session planted before it is worth nothing); saved, and
      // its cookie set, as the answer leaves
      await request.session.regenerate();
      request.session.set("userId", found.user.id);
      return { user: userView(found.user) };
    },
  );

  app.post(
    "/auth/sign-out",
    { schema: { summary: "Sign out: ends the session at once", tags: ["accounts"], response: { 204: { type: "null" } } } },
    async (request, reply) => {
      if (request.session?.sessionId) await request.session.destroy();
      reply.clearCookie(SESSION_COOKIE, { ...sessionCookie(auth), path: SESSION_COOKIE_PATH });
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: { email?: string } }>(
    "/tokens",
    {
      schema: {
        summary: "API tokens: your own, or (admins) a user's or everyone's; never the tokens themselves",
        tags: ["accounts"],
        querystring: { type: "object", additionalProperties: false, properties: { email: { type: "string", maxLength: 254 } } },
        response: { 200: { type: "object", properties: { items: { type: "array", items: lref("Token") } } }, ...failures(401, 403) },
      },
    },
    async (request) => {
      const me = signedIn(request);
      if (me.role !== "admin" && request.query.email && normalEmail(request.query.email) !== me.email) throw httpFailure(403, "only an admin lists other users' tokens");
      return { items: await store.lifecycle.listTokens(me.role === "admin" ? request.query.email : me.email) };
    },
  );

  app.post<{ Body: { label?: string; email?: string } }>(
    "/tokens",
    {
      schema: {
        summary: "Create an API token (for yourself, or, admins, for a user): the token is in this answer only",
        tags: ["accounts"],
        body: { type: "object", additionalProperties: false, properties: { label: { type: "string", maxLength: 200 }, email: { type: "string", maxLength: 254 } } },
        response: { 201: { type: "object", properties: { token: { type: "string" }, record: lref("Token") } }, ...failures(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const me = signedIn(request);
      const email = request.body.email ? normalEmail(request.body.email) : me.email;
      if (email !== me.email && me.role !== "admin") throw httpFailure(403, "only an admin creates tokens for other users");
      const created = unwrap(await store.lifecycle.createToken(email, request.body.label ?? "", me));
      return reply.status(201).send(created);
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/tokens/:id",
    {
      schema: {
        summary: "Revoke an API token (your own; admins any): it stops working at the next request",
        tags: ["accounts"],
        params: { type: "object", required: ["id"], properties: { id: { type: "string", pattern: "^[0-9a-f]{12}$" } } },
        response: { 200: lref("Token"), ...failures(401, 403, 404) },
      },
    },
    async (request) => unwrap(await store.lifecycle.revokeToken(request.params.id, signedIn(request))),
  );

  app.get(
    "/users",
    {
      schema: { summary: "Users, their roles and entities (admins)", tags: ["accounts"], response: { 200: { type: "object", properties: { items: { type: "array", items: lref("User") } } }, ...failures(401, 403) } },
    },
    async (request) => {
      withRole(request, "admin");
      return { items: (await store.lifecycle.listUsers()).map(userView) };
    },
  );

  const userBody = {
    type: "object",
    additionalProperties: false,
    properties: {
      role: { type: "string", enum: [...ROLES] },
      entities: { type: "array", maxItems: 50, items: { type: "string", maxLength: 300 } },
      password: { type: "string", maxLength: PASSWORD_MAX },
      disabled: { type: "boolean" },
    },
  } as const;

  app.post<{ Body: { email: string; role: Role; entities?: string[]; password: string } }>(
    "/users",
    {
      schema: {
        summary: "Add a user (admins)",
        tags: ["accounts"],
        body: { ...userBody, required: ["email", "role", "password"], properties: { ...userBody.properties, email: { type: "string", maxLength: 254 } } },
        response: { 201: lref("User"), ...failures(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const me = withRole(request, "admin");
      const invalid = checkEmail(request.body.email) ?? passwordProblem(request.body.password);
      if (invalid) throw httpFailure(400, invalid);
      const user = unwrap(await store.lifecycle.createUser({ email: request.body.email, role: request.body.role, entities: request.body.entities ?? [], passwordHash: await hashPassword(request.body.password) }, me));
      return reply.status(201).send(userView(user));
    },
  );

  app.patch<{ Params: { email: string }; Body: { role?: Role; entities?: string[]; password?: string; disabled?: boolean } }>(
    "/users/:email",
    {
      schema: {
        summary: "Change a user's role, entities, password or disabled state (admins; disabling ends their sessions and stops their tokens at once)",
        tags: ["accounts"],
        params: { type: "object", required: ["email"], properties: { email: { type: "string", maxLength: 254 } } },
        body: userBody,
        response: { 200: lref("User"), ...failures(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const me = withRole(request, "admin");
      const { password, ...change } = request.body;
      if (password !== undefined) {
        const invalid = passwordProblem(password);
        if (invalid) throw httpFailure(400, invalid);
      }
      return userView(unwrap(await store.lifecycle.updateUser(request.params.email, { ...change, ...(password ? { passwordHash: await hashPassword(password) } : {}) }, me)));
    },
  );
}

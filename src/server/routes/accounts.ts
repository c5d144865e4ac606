import fastifyRateLimit from "@fastify/rate-limit";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import { LIMITS, ROLES } from "../../model/lifecycle.js";
import { checkEmail, normalEmail } from "../../registry/lifecycle/accounts.js";
import type { Done, Principal, ReviewConflict, UserRecord } from "../../registry/lifecycle/index.js";
import { hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from "../../registry/lifecycle/passwords.js";
import { type RouteContext, typed } from "../app.js";
import { SESSION_COOKIE, SESSION_COOKIE_PATH, sessionCookie, signedIn, SignInFailures, withRole } from "../auth.js";
import { httpError } from "../guards.js";
import { emailSchema, failures, SignedInSchema, TokenSchema, UserSchema } from "../lifecycle-schemas.js";
import { ref, stringEnum } from "../schemas.js";

/**
 * Sign-in, sign-out and who is signed in; API tokens (each user their own, an admin anyone's);
 * users (admins). Sign-in is limited per address (@fastify/rate-limit, scoped to this route) and
 * per account (failures in a window); a refused sign-in never says whether the account exists.
 */

const userView = (u: UserRecord) => ({ email: u.email, role: u.role, entities: u.entities, disabled: u.disabled, createdAt: u.createdAt, updatedAt: u.updatedAt });
const principalView = (p: Principal) => ({ email: p.email, role: p.role, entities: [...p.entities], via: p.via });

/** A refusal from the store as the HTTP error it names: a stale edit (409) with the record as it stands. */
export function unwrap<T>(done: Done<T> | ReviewConflict): T {
  if (done.ok) return done.value;
  const problems = "problems" in done && done.problems ? { problems: done.problems } : {};
  const current = done.status === 409 ? { current: "current" in done ? done.current : null } : {};
  throw Object.assign(httpError(done.status, done.message), problems, current);
}

export async function accountRoutes(app: FastifyInstance, { store, auth }: RouteContext): Promise<void> {
  const failed = new SignInFailures(auth.signInAttempts, auth.signInWindowMs);
  // `mandates serve` limits the whole API already (src/server/load-shedding.ts), whose plugin
  // applies this route's stricter limit; otherwise the sign-in route brings its own.
  if (!app.hasDecorator("rateLimit")) await app.register(fastifyRateLimit, { global: false });

  typed(app).get(
    "/auth/csrf",
    {
      schema: {
        summary: "A CSRF token for the next change made with the session cookie (send it as the x-csrf-token header); sets the secret's cookie",
        tags: ["accounts"],
        response: { 200: Type.Object({ token: Type.String() }) },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  typed(app).get(
    "/auth/me",
    {
      schema: {
        summary: "The signed-in user (null when no one is), and whether reading needs signing in",
        tags: ["accounts"],
        response: { 200: Type.Object({ user: Type.Union([Type.Null(), SignedInSchema]), private: Type.Boolean() }) },
      },
    },
    async (request) => ({ user: request.principal ? principalView(request.principal) : null, private: auth.private }),
  );

  typed(app).post(
    "/auth/sign-in",
    {
      config: { rateLimit: { max: auth.signInAttempts, timeWindow: auth.signInWindowMs } },
      schema: {
        summary: "Sign in with email and password: sets the session cookie (HttpOnly, SameSite=Strict); needs the CSRF token; limited per address and per account",
        tags: ["accounts"],
        body: Type.Object({ email: emailSchema, password: Type.String({ maxLength: PASSWORD_MAX }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ user: ref(UserSchema) }), ...failures(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      // @fastify/session would not save the session of a plain-HTTP request with a Secure cookie: say so, not a sign-in that silently does not hold
      if (auth.secureCookies && request.protocol !== "https") throw httpError(400, "this server sends its session cookie over HTTPS only: sign in over HTTPS, or serve with --no-secure-cookies behind a TLS proxy on loopback");
      const email = normalEmail(request.body.email);
      const wait = failed.blockedFor(email);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw httpError(429, `too many failed sign-ins for this account: try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? "s" : ""}`);
      }
      const found = await store.lifecycle.passwordHashOf(email);
      const good = await verifyPassword(found?.passwordHash ?? null, request.body.password);
      if (!found || !good) {
        failed.fail(email);
        request.log.info({ event: "sign-in refused" }, "sign-in refused");
        throw httpError(401, "the email or the password is wrong");
      }
      failed.succeed(email);
      // a new session id at sign-in (a session planted before it is worth nothing); saved, and
      // its cookie set, as the answer leaves
      await request.session.regenerate();
      request.session.set("userId", found.user.id);
      return { user: userView(found.user) };
    },
  );

  typed(app).post(
    "/auth/sign-out",
    { schema: { summary: "Sign out: ends the session at once", tags: ["accounts"], response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.session?.sessionId) await request.session.destroy();
      reply.clearCookie(SESSION_COOKIE, { ...sessionCookie(auth), path: SESSION_COOKIE_PATH });
      return reply.status(204).send(null);
    },
  );

  typed(app).get(
    "/tokens",
    {
      schema: {
        summary: "API tokens: your own, or (admins) a user's or everyone's; never the tokens themselves",
        tags: ["accounts"],
        querystring: Type.Object({ email: Type.Optional(emailSchema) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(ref(TokenSchema)) }), ...failures(401, 403) },
      },
    },
    async (request) => {
      const me = signedIn(request);
      if (me.role !== "admin" && request.query.email && normalEmail(request.query.email) !== me.email) throw httpError(403, "only an admin lists other users' tokens");
      return { items: await store.lifecycle.listTokens(me.role === "admin" ? request.query.email : me.email) };
    },
  );

  typed(app).post(
    "/tokens",
    {
      schema: {
        summary: "Create an API token (for yourself, or, admins, for a user): the token is in this answer only",
        tags: ["accounts"],
        body: Type.Object({ label: Type.Optional(Type.String({ maxLength: 200 })), email: Type.Optional(emailSchema) }, { additionalProperties: false }),
        response: { 201: Type.Object({ token: Type.String(), record: ref(TokenSchema) }), ...failures(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const me = signedIn(request);
      const email = request.body.email ? normalEmail(request.body.email) : me.email;
      if (email !== me.email && me.role !== "admin") throw httpError(403, "only an admin creates tokens for other users");
      const created = unwrap(await store.lifecycle.createToken(email, request.body.label ?? "", me));
      return reply.status(201).send(created);
    },
  );

  typed(app).delete(
    "/tokens/:id",
    {
      schema: {
        summary: "Revoke an API token (your own; admins any): it stops working at the next request",
        tags: ["accounts"],
        params: Type.Object({ id: Type.String({ pattern: "^[0-9a-f]{12}$" }) }),
        response: { 200: ref(TokenSchema), ...failures(401, 403, 404) },
      },
    },
    async (request) => unwrap(await store.lifecycle.revokeToken(request.params.id, signedIn(request))),
  );

  typed(app).get(
    "/users",
    {
      schema: { summary: "Users, their roles and entities (admins)", tags: ["accounts"], response: { 200: Type.Object({ items: Type.Array(ref(UserSchema)) }), ...failures(401, 403) } },
    },
    async (request) => {
      withRole(request, "admin");
      return { items: (await store.lifecycle.listUsers()).map(userView) };
    },
  );

  const userFields = {
    role: stringEnum(ROLES),
    entities: Type.Array(Type.String({ maxLength: LIMITS.entity }), { maxItems: 50 }),
    password: Type.String({ maxLength: PASSWORD_MAX }),
    disabled: Type.Boolean(),
  };

  typed(app).post(
    "/users",
    {
      schema: {
        summary: "Add a user (admins)",
        tags: ["accounts"],
        body: Type.Object(
          { email: emailSchema, role: userFields.role, entities: Type.Optional(userFields.entities), password: userFields.password, disabled: Type.Optional(userFields.disabled) },
          { additionalProperties: false },
        ),
        response: { 201: ref(UserSchema), ...failures(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const me = withRole(request, "admin");
      const invalid = checkEmail(request.body.email) ?? passwordProblem(request.body.password);
      if (invalid) throw httpError(400, invalid);
      const user = unwrap(await store.lifecycle.createUser({ email: request.body.email, role: request.body.role, entities: request.body.entities ?? [], passwordHash: await hashPassword(request.body.password) }, me));
      return reply.status(201).send(userView(user));
    },
  );

  typed(app).patch(
    "/users/:email",
    {
      schema: {
        summary: "Change a user's role, entities, password or disabled state (admins; disabling ends their sessions and stops their tokens at once)",
        tags: ["accounts"],
        params: Type.Object({ email: emailSchema }),
        body: Type.Partial(Type.Object(userFields), { additionalProperties: false }),
        response: { 200: ref(UserSchema), ...failures(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const me = withRole(request, "admin");
      const { password, ...change } = request.body;
      if (password !== undefined) {
        const invalid = passwordProblem(password);
        if (invalid) throw httpError(400, invalid);
      }
      return userView(unwrap(await store.lifecycle.updateUser(request.params.email, { ...change, ...(password ? { passwordHash: await hashPassword(password) } : {}) }, me)));
    },
  );
}

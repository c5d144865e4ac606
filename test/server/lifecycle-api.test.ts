import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { ingestPaths } from "../../src/registry/ingest.js";
import { CLI_AUTHOR } from "../../src/registry/lifecycle/index.js";
import { hashPassword } from "../../src/registry/lifecycle/passwords.js";
import { buildApp } from "../../src/server/app.js";
import { type OpenedStore, seriesFiles, storeFactories } from "../registry/stores.js";

/**
 * The review over HTTP, on both databases, as the acceptance checks drive it: an editor of UNIDO
 * records decisions on the mandates of 79/222 addressed to UNIDO and is refused one addressed to
 * the Secretary-General; a viewer is refused, no credential is 401; an admin creates and revokes a
 * token, which stops working at once; the audit trail names every change's author; a stale edit
 * is 409 with the current decision. Web sessions need the CSRF token on every change.
 */

const PASSWORD = "correct horse battery staple";
/** Signs the session and CSRF cookies of the app under test; it must never be shown either. */
const COOKIE_SECRET = "test cookie secret: 32 characters or more, never shown";
const UNIDO = "United Nations Industrial Development Organization";

export interface Mandate {
  id: string;
  ref: string;
  actorCanonical: string | null;
  actor: string;
}

for (const factory of storeFactories()) {
  describe(`review API on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    const tokens: Record<"admin" | "editor" | "viewer", string> = { admin: "", editor: "", viewer: "" };
    const logs: string[] = [];
    let mandates: Mandate[] = [];
    /** Every session cookie the tests were given, checked for in responses and logs at the end. */
    const sessionCookies: string[] = [];

    const call = (method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH", url: string, who: keyof typeof tokens | null, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } });

    before(async () => {
      db = await factory.open();
      assert.deepEqual((await ingestPaths(db.store, seriesFiles())).failed, []);
      const hash = await hashPassword(PASSWORD);
      for (const [email, role, entities] of [["admin@un.org", "admin", []], ["editor@unido.org", "editor", ["UNIDO"]], ["viewer@un.org", "viewer", []]] as const) {
        const made = await db.store.lifecycle.createUser({ email, role, entities, passwordHash: hash }, CLI_AUTHOR);
        assert.ok(made.ok);
        const token = await db.store.lifecycle.createToken(email, "tests", CLI_AUTHOR);
        assert.ok(token.ok);
        tokens[role] = token.value.token;
      }
      app = await buildApp(db.store, { logger: { level: "trace", stream: { write: (line: string) => void logs.push(line) } }, webRoot: null, auth: { cookieSecret: COOKIE_SECRET } });
      const listed = await call("GET", "/api/mandates?symbol=79/222&limit=100", null);
      assert.equal(listed.statusCode, 200);
      mandates = listed.json().items;
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    const unido = () => mandates.filter((m) => m.actorCanonical === UNIDO);
    const secretaryGeneral = () => mandates.find((m) => m.actorCanonical === "Secretary-General")!;

    test("GET /api/mandates?symbol= lists mandates with a stable id", () => {
      assert.ok(mandates.length >= 15);
      assert.ok(mandates.every((m) => /^[0-9a-f]{16}$/.test(m.id)));
      assert.equal(new Set(mandates.map((m) => m.id)).size, mandates.length);
      assert.ok(unido().length >= 10);
    });

    test("the editor of UNIDO records decisions on 79/222's UNIDO mandates, and is refused the Secretary-General's; a viewer 403, nobody 401", async () => {
      for (const [i, m] of unido().entries()) {
        const r = await call("PUT", `/api/mandates/${m.id}/review`, "editor", { entity: i % 2 ? UNIDO : "UNIDO", decision: ["RETAIN", "REVIEW", "REMOVE"][i % 3], status: "ongoing", justification: `paragraph ${m.ref}` });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().review.version, 1);
        assert.equal(r.json().review.entity, UNIDO);
      }
      const sg = secretaryGeneral();
      for (const entity of ["UNIDO", "Secretary-General"]) {
        const r = await call("PUT", `/api/mandates/${sg.id}/review`, "editor", { entity, decision: "RETAIN" });
        assert.equal(r.statusCode, 403, r.body);
        assert.deepEqual(Object.keys(r.json()).sort(), ["error", "message", "statusCode"]);
      }
      assert.equal((await call("PUT", `/api/mandates/${unido()[0]!.id}/review`, "viewer", { entity: "UNIDO", decision: "RETAIN", version: 1 })).statusCode, 403);
      const anonymous = await call("PUT", `/api/mandates/${unido()[0]!.id}/review`, null, { entity: "UNIDO", decision: "RETAIN", version: 1 });
      assert.equal(anonymous.statusCode, 401);
      assert.equal((await call("PUT", `/api/mandates/${unido()[0]!.id}/review`, null, { entity: "UNIDO", decision: "RETAIN" }, { authorization: "Bearer mrt_forged" })).statusCode, 401);
      // the mandate shows its decision and who may edit it
      const shown = await call("GET", `/api/mandates/${unido()[0]!.id}`, "editor");
      assert.equal(shown.statusCode, 200);
      assert.deepEqual(shown.json().editable, [UNIDO]);
      assert.equal(shown.json().reviews[0].updatedBy, "editor@unido.org");
      assert.deepEqual((await call("GET", `/api/mandates/${sg.id}`, "editor")).json().editable, []);
      assert.deepEqual((await call("GET", `/api/mandates/${sg.id}`, "admin")).json().editable, ["Secretary-General"]);
    });

    test("bad decisions are 400 naming each problem by its code", async () => {
      const m = unido()[1]!;
      const r = await call("PUT", `/api/mandates/${m.id}/review`, "editor", { entity: "UNIDO", decision: "KEEP", status: "halfway", disposition: "merger", evidence: ["javascript:alert(1)", { url: "javascript:alert(1)" }], version: 1 });
      assert.equal(r.statusCode, 400);
      const codes = r.json().problems.map((p: { code: string }) => p.code);
      assert.deepEqual([...new Set(codes)].sort(), ["review-absorbed-by", "review-field"]);
      assert.match(r.json().message, /^review-field: decision "KEEP" is not one of RETAIN, REVIEW, REMOVE/);
      assert.equal((await call("PUT", `/api/mandates/${m.id}/review`, "editor", { entity: "Ministry of Nowhere", decision: "RETAIN" })).json().problems[0].code, "review-entity");
      assert.equal((await call("PUT", "/api/mandates/0000000000000000/review", "editor", { entity: "UNIDO", decision: "RETAIN" })).statusCode, 404);
      assert.equal((await call("PUT", `/api/mandates/${m.id}/review`, "editor", { entity: "UNIDO", decision: "RETAIN", colour: "blue" })).statusCode, 400);
    });

    test("a stale edit is 409 with the current decision; the audit trail shows every change with its author", async () => {
      const m = unido()[2]!;
      const current = (await call("GET", `/api/mandates/${m.id}`, null)).json().reviews[0];
      const fresh = await call("PUT", `/api/mandates/${m.id}/review`, "editor", { entity: "UNIDO", decision: "REVIEW", justification: "fresh", version: current.version });
      assert.equal(fresh.statusCode, 200);
      const stale = await call("PUT", `/api/mandates/${m.id}/review`, "admin", { entity: "UNIDO", decision: "REMOVE", justification: "stale", version: current.version });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().current.justification, "fresh");
      assert.equal(stale.json().current.version, current.version + 1);
      const byAdmin = await call("PUT", `/api/mandates/${m.id}/review`, "admin", { entity: "UNIDO", decision: "REMOVE", justification: "decided", version: current.version + 1 });
      assert.equal(byAdmin.statusCode, 200);
      const audit = await call("GET", `/api/audit?mandate=${m.id}`, "viewer");
      assert.equal(audit.statusCode, 200);
      assert.deepEqual(
        audit.json().items.map((e: { user: string; via: string; after: { justification: string; version: number } }) => [e.user, e.via, e.after.justification, e.after.version]),
        [["admin@un.org", "token", "decided", 3], ["editor@unido.org", "token", "fresh", 2], ["editor@unido.org", "token", current.justification, 1]],
      );
      assert.equal((await call("GET", `/api/audit?mandate=${m.id}`, null)).statusCode, 401, "the audit trail names people: signed-in users only");
      const byUser = await call("GET", "/api/audit?user=admin@un.org", "viewer");
      assert.ok(byUser.json().items.every((e: { user: string }) => e.user === "admin@un.org") && byUser.json().total >= 1);
      const csv = await call("GET", `/api/audit.csv?mandate=${m.id}`, "viewer");
      assert.equal(csv.body.trim().split("\r\n").length, 4);
    });

    test("an admin creates a token for the editor and revokes it: it stops working at once", async () => {
      const created = await call("POST", "/api/tokens", "admin", { email: "editor@unido.org", label: "script" });
      assert.equal(created.statusCode, 201, created.body);
      const { token, record } = created.json();
      assert.match(token, /^mrt_/);
      const m = unido()[3]!;
      const use = (t: string) => app.inject({ method: "GET", url: "/api/tokens", headers: { authorization: `Bearer ${t}` } });
      assert.equal((await use(token)).statusCode, 200);
      assert.ok(!(await use(token)).body.includes(token), "a token is never listed");
      assert.equal((await call("DELETE", `/api/tokens/${record.id}`, "admin")).statusCode, 200);
      assert.equal((await use(token)).statusCode, 401);
      const write = await app.inject({ method: "PUT", url: `/api/mandates/${m.id}/review`, headers: { authorization: `Bearer ${token}` }, payload: { entity: "UNIDO", decision: "RETAIN", version: 1 } });
      assert.equal(write.statusCode, 401);
      // an editor cannot revoke another user's token, nor make one for someone else
      const adminTokens = (await call("GET", "/api/tokens", "admin")).json().items;
      const othersToken = adminTokens.find((t: { email: string }) => t.email === "viewer@un.org");
      assert.equal((await call("DELETE", `/api/tokens/${othersToken.id}`, "editor")).statusCode, 403);
      assert.equal((await call("POST", "/api/tokens", "editor", { email: "admin@un.org" })).statusCode, 403);
      assert.equal((await call("GET", "/api/users", "editor")).statusCode, 403);
    });

    test("web sign-in: a session cookie, CSRF on every change, sign-out ends it; brute force is stopped", async () => {
      const csrf = await app.inject({ method: "GET", url: "/api/auth/csrf" });
      const secret = csrf.cookies.find((c) => c.name === "_csrf")!;
      const cookie = (...c: { name: string; value: string }[]) => c.map((x) => `${x.name}=${x.value}`).join("; ");
      const signIn = (headers: Record<string, string>, password = PASSWORD) =>
        app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "editor@unido.org", password }, headers });
      assert.equal((await signIn({ cookie: cookie(secret) })).statusCode, 403, "sign-in without the CSRF token");
      const signedIn = await signIn({ cookie: cookie(secret), "x-csrf-token": csrf.json().token });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      const session = signedIn.cookies.find((c) => c.name === "mr_session")!;
      sessionCookies.push(session.value);
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, "Strict");
      assert.equal(session.path, "/api", "the session cookie goes to the API only");
      assert.ok(!signedIn.body.includes(session.value.split(".")[0]!), "the session id is in the cookie only");
      const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: cookie(session) } });
      assert.deepEqual(me.json().user, { email: "editor@unido.org", role: "editor", entities: [UNIDO], via: "web" });

      const m = unido()[4]!;
      const version = (await call("GET", `/api/mandates/${m.id}`, null)).json().reviews[0].version;
      const edit = (headers: Record<string, string>) => app.inject({ method: "PUT", url: `/api/mandates/${m.id}/review`, payload: { entity: "UNIDO", decision: "REVIEW", version }, headers });
      const forged = await edit({ cookie: cookie(session, secret) });
      assert.equal(forged.statusCode, 403, "a change with the session cookie and no CSRF token");
      assert.equal((await edit({ cookie: cookie(session, secret), "x-csrf-token": "forged" })).statusCode, 403);
      const fresh = (await app.inject({ method: "GET", url: "/api/auth/csrf", headers: { cookie: cookie(session, secret) } })).json().token;
      const ok = await edit({ cookie: cookie(session, secret), "x-csrf-token": fresh });
      assert.equal(ok.statusCode, 200, ok.body);
      const audited = (await call("GET", `/api/audit?mandate=${m.id}`, "viewer")).json().items[0];
      assert.deepEqual([audited.user, audited.via], ["editor@unido.org", "web"]);

      assert.equal((await app.inject({ method: "POST", url: "/api/auth/sign-out", headers: { cookie: cookie(session, secret), "x-csrf-token": fresh } })).statusCode, 204);
      assert.equal((await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: cookie(session) } })).json().user, null, "the session ended");

      const attempt = (email: string, password: string, remoteAddress: string) =>
        app.inject({ method: "POST", url: "/api/auth/sign-in", remoteAddress, payload: { email, password }, headers: { cookie: cookie(secret), "x-csrf-token": csrf.json().token } });
      // guessing one account from many addresses: 10 failures in the window, then 429, even with the right password
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await attempt("viewer@un.org", `guess number ${i}`, `10.0.0.${i}`)).statusCode);
      statuses.push((await attempt("viewer@un.org", PASSWORD, "10.0.1.1")).statusCode);
      assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
      // guessing many accounts from one address: 10 attempts, then 429
      const fromOne: number[] = [];
      for (let i = 0; i < 11; i++) fromOne.push((await attempt(`user${i}@un.org`, "a wrong password", "10.9.9.9")).statusCode);
      assert.deepEqual(fromOne, [...Array(10).fill(401), 429]);
    });

    test("web sessions: a new id at sign-in, stored as its hash, kept by a restart with the same secret, ended by disabling the user", async () => {
      // a user of its own: the test before has locked sessions@un.org out of signing in for a while
      assert.ok((await db.store.lifecycle.createUser({ email: "sessions@un.org", role: "viewer", entities: [], passwordHash: await hashPassword(PASSWORD) }, CLI_AUTHOR)).ok);
      const csrf = await app.inject({ method: "GET", url: "/api/auth/csrf" });
      const secret = csrf.cookies.find((c) => c.name === "_csrf")!;
      const jar = (...c: { name: string; value: string }[]) => c.map((x) => `${x.name}=${x.value}`).join("; ");
      const signIn = (email: string, extra: { name: string; value: string }[] = []) =>
        app.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email, password: PASSWORD }, headers: { cookie: jar(secret, ...extra), "x-csrf-token": csrf.json().token } });
      const first = (await signIn("sessions@un.org")).cookies.find((c) => c.name === "mr_session")!;
      sessionCookies.push(first.value);
      // signing in again on a session (one planted by someone else, say) gives a new one, and ends the old
      const second = (await signIn("sessions@un.org", [first])).cookies.find((c) => c.name === "mr_session")!;
      sessionCookies.push(second.value);
      assert.notEqual(second.value, first.value);
      const me = (value: string, on = app) => on.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: `mr_session=${value}` } });
      assert.equal((await me(first.value)).json().user, null, "the session signed in over is over");
      assert.equal((await me(second.value)).json().user.email, "sessions@un.org");
      // the registry holds the id's SHA-256, never the id
      const id = second.value.split(".")[0]!;
      assert.match(id, /^mrs_[A-Za-z0-9_-]{43}$/);
      const rows = await db.store.lifecycle.sessionOf(id, 3600);
      assert.equal(rows?.principal.email, "sessions@un.org");
      const stored = (await db.query("SELECT token_hash FROM web_sessions")).map((r) => String(r.token_hash));
      assert.ok(stored.length >= 1 && stored.every((h) => /^[0-9a-f]{64}$/.test(h)));
      assert.ok(!stored.some((h) => h.includes(id)));
      // every change the API offers, made with this session and no CSRF token, is refused as forged
      const openApi = (await app.inject({ url: "/api/openapi.json" })).json() as { paths: Record<string, Record<string, unknown>> };
      const params: Record<string, string> = { id: "0000000000000000", session: "79", email: "sessions@un.org" };
      const changes = Object.entries(openApi.paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((m) => ["post", "put", "patch", "delete"].includes(m))
          .map((m) => [m.toUpperCase() as "POST" | "PUT" | "PATCH" | "DELETE", `/api${path.replace(/^\/api/, "").replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "x")}`] as const),
      );
      assert.ok(changes.length >= 10, `${changes.length} changing routes`);
      for (const [method, url] of changes) {
        const forged = await app.inject({ method, url, payload: {}, headers: { cookie: jar(secret, second) } });
        assert.equal(forged.statusCode, 403, `${method} ${url}: ${forged.body}`);
      }
      assert.equal((await me(second.value)).json().user.email, "sessions@un.org", "not signed out by a forged sign-out");
      // a forged signature is no session
      assert.equal((await me(`${id}.forged`)).json().user, null);
      // a restart with the same secret keeps the session; another secret does not accept its cookie
      for (const [cookieSecret, email] of [[COOKIE_SECRET, "sessions@un.org"], ["another secret of thirty-two characters or more", null]] as const) {
        const restarted = await buildApp(db.store, { webRoot: null, auth: { cookieSecret } });
        try {
          assert.equal((await me(second.value, restarted)).json().user?.email ?? null, email);
        } finally {
          await restarted.close();
        }
      }
      await assert.rejects(buildApp(db.store, { webRoot: null, auth: { cookieSecret: "short" } }), /at least 32 characters/);
      // a server whose cookies travel over HTTPS only says so to a sign-in over plain HTTP
      const secure = await buildApp(db.store, { webRoot: null, auth: { cookieSecret: COOKIE_SECRET, secureCookies: true } });
      try {
        const plain = await secure.inject({ method: "POST", url: "/api/auth/sign-in", payload: { email: "sessions@un.org", password: PASSWORD }, headers: { cookie: jar(secret), "x-csrf-token": csrf.json().token } });
        assert.equal(plain.statusCode, 400, plain.body);
        assert.match(plain.json().message, /over HTTPS only/);
        assert.equal(plain.cookies.find((c) => c.name === "mr_session"), undefined);
      } finally {
        await secure.close();
      }
      // disabling the user ends their session at once
      assert.equal((await call("PATCH", "/api/users/sessions@un.org", "admin", { disabled: true })).statusCode, 200);
      assert.equal((await me(second.value)).json().user, null);
      assert.equal((await call("PATCH", "/api/users/sessions@un.org", "admin", { disabled: false })).statusCode, 200);
      assert.equal((await me(second.value)).json().user, null, "enabling the user again does not bring the session back");
    });

    test("SQL and script in every text field and parameter are stored and shown as text, never run", async () => {
      const hostile = ["'; DROP TABLE reviews; --", "<script>alert(1)</script>", "\" OR 1=1 --", "=HYPERLINK(\"http://x\")", "Robert'); DELETE FROM audit_log;--"];
      const m = unido()[5]!;
      let version = (await call("GET", `/api/mandates/${m.id}`, null)).json().reviews[0].version;
      for (const text of hostile) {
        const r = await call("PUT", `/api/mandates/${m.id}/review`, "editor", { entity: "UNIDO", decision: "REVIEW", justification: text, evidence: [text, { text, url: null }], version });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().review.justification, text);
        assert.deepEqual(r.json().review.evidence, [{ url: null, text }, { url: null, text }]);
        version = r.json().review.version;
        const shown = (await call("GET", `/api/mandates/${m.id}`, null)).json().reviews[0];
        assert.equal(shown.justification, text);
      }
      for (const url of [
        `/api/reviews?entity=${encodeURIComponent("' OR 1=1 --")}`,
        `/api/reviews?entity=UNIDO&symbol=${encodeURIComponent("'; DROP TABLE mandates; --")}`,
        `/api/audit?user=${encodeURIComponent("' OR ''='")}`,
        `/api/mandates?symbol=${encodeURIComponent("x' OR '1'='1")}`,
        `/api/reports/overdue?entity=${encodeURIComponent("<script>")}`,
        `/api/mandates/${encodeURIComponent("1' OR '1'='1")}`,
      ]) {
        const r = await call("GET", url, "viewer");
        assert.ok([200, 400, 404].includes(r.statusCode), `${url}: ${r.statusCode}`);
        if (r.statusCode === 200) assert.ok(!r.body.includes("editor@unido.org") || url.startsWith("/api/audit") === false || r.json().total === 0, url);
      }
      const held = await call("GET", "/api/mandates?symbol=79/222&limit=100", null);
      assert.equal(held.json().total, mandates.length, "the mandates are all there");
      const csv = await call("GET", "/api/reviews.csv?entity=UNIDO", "viewer");
      assert.ok(csv.body.includes("'=HYPERLINK") || !csv.body.includes("=HYPERLINK"), "a formula is written as text for spreadsheets");
      assert.match(csv.headers["content-type"] as string, /^text\/csv/);
    });

    test("private mode: reading needs a user; sign-in and health stay open", async () => {
      const closed = await buildApp(db.store, { webRoot: null, auth: { private: true } });
      try {
        assert.equal((await closed.inject({ url: "/api/documents" })).statusCode, 401);
        assert.equal((await closed.inject({ url: "/api/documents", headers: { authorization: `Bearer ${tokens.viewer}` } })).statusCode, 200);
        assert.equal((await closed.inject({ url: "/api/auth/csrf" })).statusCode, 200);
        assert.equal((await closed.inject({ url: "/api/auth/me" })).json().private, true);
        assert.equal((await call("GET", "/api/documents", null)).statusCode, 200, "public by default");
      } finally {
        await closed.close();
      }
    });

    test("no password, hash or token in any response or log line", async () => {
      const changedPassword = "a new password for the viewer, never shown";
      const changed = await call("PATCH", "/api/users/viewer@un.org", "admin", { password: changedPassword });
      assert.equal(changed.statusCode, 200, changed.body);
      const responses: LightMyRequestResponse[] = [
        changed,
        await call("GET", "/api/users", "admin"),
        await call("GET", "/api/tokens", "admin"),
        await call("GET", "/api/audit?limit=500", "admin"),
        await call("GET", "/api/audit.csv", "admin"),
        await call("GET", "/api/auth/me", "editor"),
      ];
      const text = responses.map((r) => r.body).join("\n") + logs.join("\n");
      assert.ok(logs.length > 20, `${logs.length} log lines`);
      assert.ok(sessionCookies.length >= 3, "the tests before signed in");
      const sessionIds = sessionCookies.map((c) => c.split(".")[0]!);
      for (const secret of [...Object.values(tokens), ...sessionCookies, ...sessionIds, PASSWORD, changedPassword, COOKIE_SECRET, "$argon2id", "mrs_", "password_hash", "token_hash"]) {
        assert.ok(!text.includes(secret), `${secret.slice(0, 12)}… leaked`);
      }
    });
  });
}

import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { after, before, describe, test } from "node:test";
import type { FastifyInstance } from "fastify";
import { ingestPaths } from "../../src/registry/ingest.js";
import type { Store } from "../../src/registry/store.js";
import { buildApp } from "../../src/server/app.js";
import { type OpenedStore, seriesFiles, storeFactories } from "../registry/stores.js";

/**
 * Parameters and requests a hostile client sends: each is refused with a 4xx in the API's
 * error shape `{statusCode, error, message}`, the same on both databases, never a 500. Over a
 * real socket, so that Node's own parser (heads over 16 KB) is part of the test.
 */

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(base: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = httpRequest(
      { host: url.hostname, port: url.port, path, method: options.method ?? "GET", headers: { accept: "application/json", ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  assert.ok(address && typeof address === "object");
  return `http://127.0.0.1:${address.port}`;
}

function assertErrorShape(answer: Answer, status: number, what: string): { statusCode: number; error: string; message: string } {
  assert.equal(answer.status, status, `${what}: ${answer.body.slice(0, 300)}`);
  assert.match(String(answer.headers["content-type"]), /^application\/json/, what);
  const body = JSON.parse(answer.body) as { statusCode: number; error: string; message: string };
  assert.deepEqual(Object.keys(body).sort(), ["error", "message", "statusCode"], what);
  assert.equal(body.statusCode, status, what);
  assert.ok(body.error.length > 3 && body.message.length > 5, what);
  return body;
}

for (const factory of storeFactories()) {
  describe(`hostile requests on ${factory.dialect}`, () => {
    let db: OpenedStore;
    let app: FastifyInstance;
    let base: string;

    before(async () => {
      db = await factory.open();
      assert.deepEqual((await ingestPaths(db.store, seriesFiles())).failed, []);
      app = await buildApp(db.store, { webRoot: null, location: db.location, loadShedding: false });
      base = await listen(app);
    });
    after(async () => {
      await app?.close();
      await db?.dispose();
    });

    test("numbers that are not finite or out of range are 400 on every route that takes one", async () => {
      for (const path of [
        "/api/search?q=development&limit=1e309",
        "/api/search?q=development&limit=Infinity",
        "/api/search?q=development&offset=1e309",
        "/api/search?q=development&offset=-Infinity",
        "/api/search/resolutions?q=development&limit=1e309",
        "/api/documents?limit=Infinity",
        "/api/documents?session=1e309",
        "/api/documents/A_RES_79_222?version=1e309",
        "/api/documents/A_RES_79_222/reading?version=Infinity",
        "/api/documents/A_RES_79_222/paragraphs/operative.38/elsewhere?limit=1e309",
        "/api/mandates?offset=1e309",
        "/api/mandates?due=Infinity",
        "/api/mandates.csv?minForce=1e309",
        "/api/mandates/groups?by=session&limit=1e309",
        "/api/symbols/nearest?near=79/999&limit=Infinity",
        "/api/duplicates?limit=1e309",
        "/api/duplicates?limit=10000",
        "/api/duplicates?mandates=100000",
        "/api/documents/A_RES_79_222/citations?depth=Infinity",
      ]) {
        const body = assertErrorShape(await send(base, path), 400, path);
        assert.doesNotMatch(body.message, /\n\s+at /, `${path}: no stack trace`);
      }
    });

    test("NUL and other control characters in any text parameter, query or path, are 400", async () => {
      for (const path of [
        "/api/search?verb=%00",
        "/api/search?q=development%00",
        "/api/search?q=%01development",
        "/api/search?actor=UNIDO%1B",
        "/api/search/resolutions?q=%00",
        "/api/documents?committee=%00",
        "/api/documents?title=%7F",
        "/api/mandates?actor=%00",
        "/api/mandates?verb=requests%C2%85",
        "/api/mandates.csv?actor=%00",
        "/api/mandates/groups?by=session&actor=%00",
        "/api/series?q=%00",
        "/api/series/79%2F222%00",
        "/api/symbols/nearest?near=%00",
        "/api/documents/79%2F222%00",
        "/api/documents/79%2F222%00/reading",
        "/api/documents/79%2F222%00/citations",
        "/api/diff?from=%00&to=79/222",
        "/api/duplicates?actor=%00",
      ]) {
        const body = assertErrorShape(await send(base, path), 400, path);
        assert.match(body.message, /control character|must be/, path);
      }
      const named = JSON.parse((await send(base, "/api/search?verb=%00")).body) as { message: string };
      assert.match(named.message, /"verb".*U\+0000/);
    });

    test("a method a path does not serve is 405 with Allow; an unknown /api path is 404", async () => {
      for (const [method, path] of [
        ["POST", "/api/search?q=x"],
        ["DELETE", "/api/documents/79%2F222"],
        ["PUT", "/api/health"],
        ["PATCH", "/api/mandates"],
        ["OPTIONS", "/api/stats"],
      ] as const) {
        const answer = await send(base, path, { method, ...(method === "POST" || method === "PUT" ? { headers: { "content-type": "application/json" }, body: "{}" } : {}) });
        assertErrorShape(answer, 405, `${method} ${path}`);
        assert.equal(answer.headers.allow, "GET, HEAD", `${method} ${path}`);
      }
      assertErrorShape(await send(base, "/api/no/such/route"), 404, "unknown route");
      assertErrorShape(await send(base, "/api/no/such/route", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }), 404, "POST to an unknown route");
      // HEAD still answers where GET does.
      assert.equal((await send(base, "/api/health", { method: "HEAD" })).status, 200);
    });

    test("a big body, a long URL and a huge head are 413, 414 and 431 in the error shape", async () => {
      assertErrorShape(
        await send(base, "/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ q: "x".repeat(100_000) }) }),
        413,
        "big body",
      );
      assertErrorShape(await send(base, `/api/search?q=${"a".repeat(5000)}`), 414, "long URL");
      assertErrorShape(await send(base, `/api/documents/${"A".repeat(300)}`), 414, "long path segment");
      assertErrorShape(await send(base, "/api/health", { headers: { "x-filler": "x".repeat(20_000) } }), 431, "huge header");
      assertErrorShape(await send(base, `/api/search?q=${"a".repeat(20_000)}`), 431, "URL over the head limit");
      assertErrorShape(await send(base, "/api/documents/%E0%A4%A"), 400, "malformed percent-encoding");
    });

    test("searches past the prefix budget are 400 naming the limit, before any long work", async () => {
      const cases: [string, RegExp][] = [
        ["a*%20b*%20c*%20d*%20e*%20f*%20g*%20h*%20i*%20j*%20k*%20l*%20m*%20n*%20o*%20p*&facets=all", /^search-too-many-prefixes: a search may hold at most 6 prefixes/],
      ];
      for (const [query, message] of cases) {
        for (const route of ["/api/search", "/api/search/resolutions"]) {
          const body = assertErrorShape(await send(base, `${route}?q=${query}`), 400, `${route} ${query}`);
          assert.match(body.message, message, `${route} ${query}`);
        }
      }
      // Prefixes within the budget are searched as before.
      const within = JSON.parse((await send(base, "/api/search?q=industri*%20cooperat*&facets=all")).body) as { total: number };
      assert.ok(within.total > 0);
    });

    test("a read past its time limit is stopped and answered 503 naming the limit, with Retry-After; the server goes on", async () => {
      const strict = await buildApp(db.store, { webRoot: null, location: db.location, loadShedding: false, reads: { timeLimitMs: 1 } });
      try {
        const strictBase = await listen(strict);
        const answer = await send(strictBase, "/api/search?q=development%20cooperation&facets=all");
        const body = assertErrorShape(answer, 503, "over the time limit");
        assert.match(body.message, /time limit of 0\.001 s/);
        assert.match(String(answer.headers["retry-after"]), /^\d+$/);
        assert.equal((await send(strictBase, "/api/documents/79%2F222")).status, 200, "the document route does not go through the read workers");
      } finally {
        await strict.close();
      }
      assert.equal((await send(base, "/api/search?q=development")).status, 200);
    });

    test("rate limits per address: the costly routes refuse with 429 and Retry-After beyond their share", async () => {
      const limited = await buildApp(db.store, { webRoot: null, location: db.location, loadShedding: true });
      try {
        const limitedBase = await listen(limited);
        // The pressure check counts the start-up's busy loop as lag for a moment.
        let health = await send(limitedBase, "/api/health");
        for (let i = 0; health.status === 503 && i < 40; i++) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          health = await send(limitedBase, "/api/health");
        }
        assert.equal(health.status, 200);
        const statuses: number[] = [];
        let refused: Answer | null = null;
        for (let i = 0; i < 31; i++) {
          const answer = await send(limitedBase, "/api/mandates.csv?actor=UNIDO");
          statuses.push(answer.status);
          if (answer.status === 429) refused = answer;
        }
        assert.deepEqual(statuses.slice(0, 30), Array(30).fill(200));
        assert.ok(refused, "the 31st download in a minute is refused");
        assert.match(assertErrorShape(refused, 429, "rate limit").message, /at most 30 a minute/);
        assert.match(String(refused.headers["retry-after"]), /^\d+$/);
        // Other routes keep their own, larger share.
        assert.equal((await send(limitedBase, "/api/documents/79%2F222")).status, 200);
      } finally {
        await limited.close();
      }
    });

    test("every answer carries the security headers, pages and errors included; the server has time limits", async () => {
      for (const path of ["/api/health", "/api/documents/79%2F222", "/api/no/such/route", "/api/search?verb=%00"]) {
        const answer = await send(base, path);
        const policy = String(answer.headers["content-security-policy"]);
        assert.match(policy, /default-src 'self'/, path);
        assert.match(policy, /script-src 'self'(;|$)/, `${path}: scripts from this origin only`);
        assert.match(policy, /frame-ancestors 'none'/, path);
        assert.doesNotMatch(policy, /upgrade-insecure-requests/, path);
        assert.equal(answer.headers["x-content-type-options"], "nosniff", path);
        assert.equal(answer.headers["x-frame-options"], "SAMEORIGIN", path);
        assert.ok(answer.headers["referrer-policy"], path);
        assert.equal(answer.headers["x-powered-by"], undefined, path);
      }
      assert.equal(app.server.requestTimeout, 30_000);
      assert.equal(app.server.headersTimeout, 10_000);
      assert.equal(app.server.keepAliveTimeout, 5_000);
      assert.ok(app.server.timeout > 0, "idle connections are closed");
    });
  });
}

describe("a failing registry", () => {
  test("answers 500 with a generic message, and logs no server path", async () => {
    const secretPath = "/srv/registry/private/registry.db";
    const failing = new Proxy({} as Store, {
      get: (_target, name) =>
        name === "dialect" ? "sqlite" : name === "close" ? async () => undefined : async () => {
          throw new Error(`SQLITE_CORRUPT: database disk image is malformed at ${secretPath}`);
        },
    });
    let logged = "";
    const stream = new Writable({
      write(chunk, _encoding, done) {
        logged += String(chunk);
        done();
      },
    });
    const app = await buildApp(failing, { webRoot: null, logger: { level: "error", stream } });
    try {
      for (const url of ["/api/stats", "/api/health", "/api/documents/79%2F222"]) {
        const answer = await app.inject({ method: "GET", url });
        assert.equal(answer.statusCode, 500, url);
        const body = answer.json() as { statusCode: number; error: string; message: string };
        assert.deepEqual(body, { statusCode: 500, error: "Internal Server Error", message: "the server failed to answer; the error is logged" }, url);
      }
      assert.match(logged, /SQLITE_CORRUPT/, "the failure is logged");
      assert.doesNotMatch(logged, /\/srv\/registry/, "without the server's paths");
      assert.doesNotMatch(logged, new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), "nor the checkout's");
    } finally {
      await app.close();
    }
  });
});

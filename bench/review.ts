import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { startServer } from "./load.js";
import { lostUpdates, runReviewLoad } from "./review-load.js";
import { shipped } from "./shipped.js";

const { ingestPaths } = await shipped<typeof import("../src/registry/ingest.js")>("registry/ingest.js");
const { openStore } = await shipped<typeof import("../src/registry/open.js")>("registry/open.js");
const { CLI_AUTHOR } = await shipped<typeof import("../src/registry/lifecycle/index.js")>("registry/lifecycle/index.js");

/**
 * The review under load (`npm run bench -- review`): 100 editors, each with their own API token,
 * record decisions on the UNIDO mandates of the Industrial development cooperation series for
 * 60 s over loopback, against the compiled server (in a process of its own) on
 * SQLite and, when DATABASE_URL names a server, PostgreSQL. Prints requests/s, write latency
 * (p50/p95/p99), errors, accepted changes and conflicts, then checks the registry: lost updates
 * (must be 0) and audit entries against accepted changes (must be equal).
 * REVIEW_BENCH_SECONDS and REVIEW_BENCH_EDITORS change the run.
 *
 * The server runs without its per-address rate limits (bench/load-server.ts): the editors all
 * write from one loopback address and as fast as they are answered, which the limits would
 * answer with 429 after 600 requests a minute; the bench measures the review itself.
 */

function seriesFiles(corpus: string): string[] {
  return [join(corpus, "seeds", "A_RES_63_231.en.txt"), join(corpus, "seeds", "A_RES_69_235.en.txt"), join(corpus, "ods", "A_RES_75_231.en.txt"), join(corpus, "ods", "A_RES_77_180.en.txt"), join(corpus, "ods", "A_RES_79_222.en.txt")];
}

async function benchOne(name: string, location: string, corpus: string, print: (line: string) => void, seconds: number, editors: number): Promise<void> {
  const store = await openStore(location);
  const tokens: string[] = [];
  let mandates: string[] = [];
  try {
    await ingestPaths(store, seriesFiles(corpus));
    for (let i = 0; i < editors; i++) {
      const email = `editor${i}@unido.example`;
      const made = await store.lifecycle.createUser({ email, role: "editor", entities: ["UNIDO"], passwordHash: "$argon2id$bench" }, CLI_AUTHOR);
      if (!made.ok) throw new Error(made.message);
      const token = await store.lifecycle.createToken(email, "bench", CLI_AUTHOR);
      if (!token.ok) throw new Error(token.message);
      tokens.push(token.value.token);
    }
    mandates = (await store.mandates({ actor: "United Nations Industrial Development Organization" }, { limit: 500, offset: 0 })).items.map((m) => m.id);
  } finally {
    await store.close();
  }
  const { process: child, base } = await startServer(location, false);
  let result;
  try {
    result = await runReviewLoad({ base, tokens, entity: "UNIDO", mandates, seconds });
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  const check = await openStore(location);
  try {
    const finals = new Map<string, number>();
    for (const id of mandates) finals.set(id, (await check.lifecycle.reviewsOf(id))[0]?.version ?? 0);
    let reviewEntries = 0;
    for (let offset = 0; ; offset += 5000) {
      const page = await check.lifecycle.audit({}, { limit: 5000, offset });
      reviewEntries += page.items.filter((e) => e.action === "review.set").length;
      if (page.items.length < 5000) break;
    }
    print(
      `  ${name}: ${editors} editors, ${mandates.length} mandates, ${seconds} s: ${Math.round(result.requestsPerSecond)} requests/s (${result.requests} requests), ` +
        `writes p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; errors ${result.errors}${result.errorSamples.length ? ` (${result.errorSamples.join("; ")})` : ""}`,
    );
    print(
      `    accepted changes ${result.accepted}, conflicts (409) ${result.conflicts}; lost updates ${lostUpdates(result, finals)} (target 0); ` +
        `audit entries of changes ${reviewEntries} = accepted ${result.accepted}: ${reviewEntries === result.accepted ? "yes" : "NO"}`,
    );
  } finally {
    await check.close();
  }
}

export async function runReviewBench(options: { corpus: string; print?: (line: string) => void }): Promise<void> {
  const print = options.print ?? ((line: string) => console.log(line));
  const seconds = Number(process.env.REVIEW_BENCH_SECONDS ?? 60);
  const editors = Number(process.env.REVIEW_BENCH_EDITORS ?? 100);
  print(`\nReview under load (load average ${loadavg()[0]!.toFixed(1)}; target: no lost update, one audit entry per accepted change)`);
  const dir = mkdtempSync(join(tmpdir(), "review-bench-"));
  try {
    await benchOne("SQLite", join(dir, "registry.db"), options.corpus, print, seconds, editors);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    print("  PostgreSQL: skipped (set DATABASE_URL to a postgres:// server)");
    return;
  }
  const schema = `review_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    const u = new URL(url);
    u.searchParams.set("options", `-c search_path=${schema}`);
    await benchOne("PostgreSQL", u.toString(), options.corpus, print, seconds, editors);
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

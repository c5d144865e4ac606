import { type ChildProcess, spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { corpusRegistry, waitForDuplicationReport } from "./web.js";
import { percentile } from "./stats.js";

/**
 * Load benchmark (issue 17): while 8 clients send the costliest searches and duplication
 * requests they can build (bench/load-client.ts), `/api/health` and the document route keep a
 * p99 under 100 ms. The built server runs in a child process on loopback, the attackers in a
 * second, the probe in a third (so that neither's own work delays the probe's clock). Each run
 * is bounded in time. Run with the server's rate limits per address (as deployed; each attacker
 * has its own loopback address) and without them (the read budgets alone), on SQLite and, when
 * DATABASE_URL names a PostgreSQL registry holding the corpus, on PostgreSQL.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const ATTACK_MS = 30_000;
const BASELINE_MS = 8_000;
const CLIENTS = 8;
/** Each probed path 4 times a second: under the per-address API limit (600 a minute) with room. */
const PROBE_INTERVAL_MS = 125;
const DOCUMENT = "/api/documents/A%2FRES%2F79%2F222";
const PROBED = ["/api/health", DOCUMENT];
const TARGET_P99_MS = 100;

export interface LoadBenchOptions {
  corpus: string;
  /** SQLite registry holding the corpus (default: the registry bench's, or one loaded for the bench). */
  registry?: string;
  /** PostgreSQL registry holding the corpus (default DATABASE_URL). */
  postgresUrl?: string;
  print?: (line: string) => void;
}

function child(script: string, argument: unknown): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench", script), JSON.stringify(argument)], { stdio: ["ignore", "pipe", "pipe"] });
}

function output(process: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let out = "";
    process.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
    process.stderr!.on("data", (chunk: Buffer) => globalThis.process.stderr.write(chunk));
    process.on("exit", (code) => (code === 0 ? resolvePromise(out) : reject(new Error(`${String(process.spawnargs[3])} exited with code ${code}`))));
  });
}

/** The compiled server (bench/load-server.ts) on a registry, on a free loopback port, in a process of its own. */
export function startServer(location: string, loadShedding: boolean): Promise<{ base: string; process: ChildProcess }> {
  const server = child("load-server.ts", { location, loadShedding });
  return new Promise((resolvePromise, reject) => {
    let out = "";
    server.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolvePromise({ base: m[1]!, process: server });
    });
    server.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
    server.on("exit", (code) => reject(new Error(`the server exited with code ${code}`)));
  });
}


interface ProbeResult {
  latencies: Record<string, number[]>;
  failures: Record<string, Record<string, number>>;
}

function describeProbe(result: ProbeResult, withTarget: boolean): string[] {
  return PROBED.map((path) => {
    const sorted = [...result.latencies[path]!].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const failed = Object.entries(result.failures[path]!).map(([status, n]) => `${n} answered ${status}`);
    const verdict = withTarget ? ` (target p99 < ${TARGET_P99_MS} ms: ${p99 < TARGET_P99_MS && !failed.length ? "met" : "MISSED"})` : "";
    return (
      `    ${path.padEnd(34)} p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ` +
      `max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms over ${sorted.length} answers${failed.length ? `; ${failed.join(", ")}` : ""}${verdict}`
    );
  });
}

async function runOnce(location: string, label: string, loadShedding: boolean, print: (line: string) => void): Promise<void> {
  const server = await startServer(location, loadShedding);
  try {
    const started = performance.now();
    await waitForDuplicationReport(server.base);
    print(`  ${label}, ${loadShedding ? "with" : "without"} the rate limits (duplication report ready ${((performance.now() - started) / 1000).toFixed(1)} s after start)`);
    const baseline = JSON.parse(await output(child("load-client.ts", { role: "probe", base: server.base, durationMs: BASELINE_MS, paths: PROBED, intervalMs: PROBE_INTERVAL_MS }))) as ProbeResult;
    print("   idle:");
    for (const line of describeProbe(baseline, false)) print(line);
    const attack = output(child("load-client.ts", { role: "attack", base: server.base, durationMs: ATTACK_MS, clients: CLIENTS }));
    const probe = output(child("load-client.ts", { role: "probe", base: server.base, durationMs: ATTACK_MS, paths: PROBED, intervalMs: PROBE_INTERVAL_MS }));
    const [attacked, probed] = await Promise.all([attack, probe]);
    const { requests, statuses } = JSON.parse(attacked) as { requests: number; statuses: Record<string, number> };
    const byStatus = Object.entries(statuses).map(([status, n]) => `${n} x ${status}`).join(", ");
    print(`   under attack (${CLIENTS} clients, ${ATTACK_MS / 1000} s, ${requests} costly requests answered: ${byStatus}; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores):`);
    for (const line of describeProbe(JSON.parse(probed) as ProbeResult, true)) print(line);
  } finally {
    server.process.kill("SIGTERM");
    await new Promise((resolvePromise) => server.process.once("exit", resolvePromise));
  }
}

export async function runLoadBench(options: LoadBenchOptions): Promise<void> {
  const print = options.print ?? ((line: string) => console.log(line));
  print("load: /api/health and the document route while 8 clients send the costliest requests (loopback)");
  const sqlite = await corpusRegistry(options.corpus, print, options.registry ?? process.env.LOAD_BENCH_REGISTRY);
  await runOnce(sqlite, "SQLite", true, print);
  await runOnce(sqlite, "SQLite", false, print);
  const postgres = options.postgresUrl ?? process.env.DATABASE_URL;
  if (!postgres) {
    print("  PostgreSQL: skipped (set DATABASE_URL to a registry holding the corpus)");
    return;
  }
  await runOnce(postgres, "PostgreSQL", true, print);
  await runOnce(postgres, "PostgreSQL", false, print);
}

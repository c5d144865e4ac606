import { Agent, request } from "node:http";
import { ATTACKS } from "./load-attacks.js";

/**
 * Child process of the load benchmark, in one of two roles (argument `{role, base, ...}`):
 *
 * - `attack`: `clients` loops, each from its own loopback address (127.0.0.10, .11, ...: the
 *   server counts rate limits per address), each sending the costliest requests it can build
 *   one after another, for `durationMs`; prints the answers counted by status.
 * - `probe`: from 127.0.0.2, one request every `intervalMs` to each of `paths` in turn, for
 *   `durationMs`; prints every path's latencies (request sent to last byte read).
 *
 * Both stop by themselves: their loops are bounded in time, their requests go to loopback only.
 */

interface Options {
  role: "attack" | "probe";
  base: string;
  durationMs: number;
  clients?: number;
  paths?: string[];
  intervalMs?: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as Options;
const base = new URL(options.base);
if (!/^127\./.test(base.hostname)) throw new Error("the load benchmark only sends to loopback");

function send(method: string, path: string, agent: Agent, localAddress: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({ host: base.hostname, port: base.port, method, path, agent, localAddress, headers: { accept: "application/json" } }, (res) => {
      res.on("data", () => undefined);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    });
    req.setTimeout(60_000, () => req.destroy());
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.end();
  });
}

const until = performance.now() + options.durationMs;

if (options.role === "attack") {
  const statuses: Record<string, number> = {};
  let requests = 0;
  await Promise.all(
    Array.from({ length: options.clients ?? 8 }, async (_, client) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const address = `127.0.0.${10 + client}`;
      for (let i = client; performance.now() < until; i++) {
        const [method, path] = ATTACKS[i % ATTACKS.length]!;
        const { status } = await send(method, path, agent, address);
        statuses[status] = (statuses[status] ?? 0) + 1;
        requests++;
      }
      agent.destroy();
    }),
  );
  console.log(JSON.stringify({ requests, statuses }));
} else {
  const paths = options.paths ?? ["/api/health"];
  const interval = options.intervalMs ?? 125;
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const latencies: Record<string, number[]> = Object.fromEntries(paths.map((p) => [p, []]));
  const failures: Record<string, Record<string, number>> = Object.fromEntries(paths.map((p) => [p, {}]));
  const pending: Promise<void>[] = [];
  for (let i = 0; performance.now() < until; i++) {
    const path = paths[i % paths.length]!;
    // Sent on a schedule, not after the previous answer: a stalled server shows as late answers, not as fewer requests.
    pending.push(
      send("GET", path, agent, "127.0.0.2").then(({ status, ms }) => {
        if (status === 200) latencies[path]!.push(ms);
        else failures[path]![status] = (failures[path]![status] ?? 0) + 1;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  await Promise.all(pending);
  agent.destroy();
  console.log(JSON.stringify({ latencies, failures }));
}

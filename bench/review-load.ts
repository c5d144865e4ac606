/**
 * Editors at work over loopback: each of `editors` clients, with a token of its own, reads a
 * mandate's decision and writes a new one against the version it read, again and again for
 * `seconds`; on a 409 (someone else wrote first) the editor makes the change again against the
 * version the answer gives. Afterwards the registry is checked: every accepted change is in the audit
 * trail exactly once, and each review's version is the number of changes accepted on it, so no
 * accepted change was overwritten unseen (a lost update would leave fewer versions than
 * acceptances). Used by `npm run bench -- review` (60 s, 100 editors, both databases) and, shorter,
 * by the tests.
 */

import { percentile } from "./stats.js";

export interface ReviewLoadOptions {
  base: string;
  /** One token per editor. */
  tokens: readonly string[];
  entity: string;
  mandates: readonly string[];
  /** How long the editors work, at most. */
  seconds: number;
  /** Writes each editor attempts before stopping; unbounded by default (the time decides). */
  writesPerEditor?: number;
}

export interface ReviewLoadResult {
  requests: number;
  requestsPerSecond: number;
  /** Latency of the writes, milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  accepted: number;
  conflicts: number;
  /** Answers other than 200 and 409, and failed connections. */
  errors: number;
  errorSamples: string[];
  /** Accepted changes per mandate id. */
  acceptedOn: Map<string, number>;
  /** New versions acceptances reported, per mandate: each must be reported once. */
  versionsSeen: Map<string, number[]>;
}


export async function runReviewLoad(options: ReviewLoadOptions): Promise<ReviewLoadResult> {
  const deadline = performance.now() + options.seconds * 1000;
  const latencies: number[] = [];
  const acceptedOn = new Map<string, number>();
  const versionsSeen = new Map<string, number[]>();
  let requests = 0;
  let conflicts = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const fail = (what: string) => {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(what);
  };
  const started = performance.now();

  const editor = async (token: string, n: number) => {
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" };
    let edit = 0;
    const known = new Map<string, number>();
    // after a 409 the editor makes their change again, against the version the answer gave
    let retry: string | null = null;
    let writes = 0;
    while (performance.now() < deadline && writes < (options.writesPerEditor ?? Number.POSITIVE_INFINITY)) {
      const mandate: string = retry ?? options.mandates[(n * 7 + edit) % options.mandates.length]!;
      retry = null;
      edit++;
      try {
        let version = known.get(mandate);
        if (version === undefined) {
          requests++;
          const read = await fetch(`${options.base}/api/mandates/${mandate}`, { headers });
          const body = (await read.json()) as { reviews?: { entity: string; version: number }[] };
          if (!read.ok) {
            fail(`GET ${read.status}`);
            continue;
          }
          version = body.reviews?.find((r) => r.entity === options.entity)?.version ?? 0;
        }
        const t0 = performance.now();
        requests++;
        writes++;
        const write = await fetch(`${options.base}/api/mandates/${mandate}/review`, {
          method: "PUT",
          headers,
          body: JSON.stringify({ entity: options.entity, decision: ["RETAIN", "REVIEW", "REMOVE"][edit % 3], status: "ongoing", justification: `editor ${n}, edit ${edit}`, version }),
        });
        latencies.push(performance.now() - t0);
        const body = (await write.json()) as { review?: { version: number }; changed?: boolean; current?: { version: number } | null };
        if (write.status === 200 && body.review) {
          if (body.changed) {
            acceptedOn.set(mandate, (acceptedOn.get(mandate) ?? 0) + 1);
            versionsSeen.set(mandate, [...(versionsSeen.get(mandate) ?? []), body.review.version]);
          }
          known.set(mandate, body.review.version);
        } else if (write.status === 409) {
          conflicts++;
          known.set(mandate, body.current?.version ?? 0);
          retry = mandate;
        } else {
          fail(`PUT ${write.status}`);
          known.delete(mandate);
        }
      } catch (e) {
        fail(e instanceof Error ? e.message : String(e));
      }
    }
  };
  await Promise.all(options.tokens.map((token, n) => editor(token, n)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const accepted = [...acceptedOn.values()].reduce((a, b) => a + b, 0);
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    accepted,
    conflicts,
    errors,
    errorSamples,
    acceptedOn,
    versionsSeen,
  };
}

/** Accepted changes that left no trace: for each mandate, acceptances that reported the same new version, or fewer versions than acceptances. */
export function lostUpdates(result: ReviewLoadResult, finalVersions: ReadonlyMap<string, number>): number {
  let lost = 0;
  for (const [mandate, accepted] of result.acceptedOn) {
    const seen = result.versionsSeen.get(mandate) ?? [];
    lost += seen.length - new Set(seen).size;
    lost += Math.max(0, accepted - (finalVersions.get(mandate) ?? 0));
  }
  return lost;
}

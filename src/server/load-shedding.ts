import rateLimit from "@fastify/rate-limit";
import underPressure from "@fastify/under-pressure";
import type { FastifyInstance } from "fastify";
import { errorBody } from "./guards.js";

/**
 * What keeps one client, or a flood, from taking the server from everyone else, beside the
 * budgets of each read (src/server/read-pool.ts, the search's prefix limits):
 *
 * - per address, at most API_RATE requests a minute to the API (a page view asks 1-5), and
 *   fewer to the routes whose answers cost most (the `rateLimit` config of those routes:
 *   SEARCH_RATE for searches and the duplication report, HEAVY_RATE for the CSV of all
 *   mandates, comparisons and series); 429 with Retry-After beyond;
 * - when the event loop lags more than MAX_EVENT_LOOP_DELAY_MS all the same, every request is
 *   answered 503 at once until it recovers, rather than queued behind the lag.
 */

export const API_RATE = { max: 600, timeWindow: 60_000 } as const;
export const SEARCH_RATE = { max: 120, timeWindow: 60_000 } as const;
export const HEAVY_RATE = { max: 30, timeWindow: 60_000 } as const;
export const MAX_EVENT_LOOP_DELAY_MS = 1_000;
const PRESSURE_RETRY_AFTER_S = 5;

/** Answers 503 while the event loop lags (registered on the whole server). */
export async function registerPressureRelief(app: FastifyInstance): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: MAX_EVENT_LOOP_DELAY_MS,
    retryAfter: PRESSURE_RETRY_AFTER_S,
    pressureHandler: (_request, reply, type, value) => {
      void reply
        .status(503)
        .header("retry-after", String(PRESSURE_RETRY_AFTER_S))
        .type("application/json")
        .send(errorBody(503, `the server is overloaded (${type}${value === undefined ? "" : ` ${Math.round(value)}`}); retry in ${PRESSURE_RETRY_AFTER_S} s`));
    },
  });
}

/** Limits requests per address on the routes of `api`; routes name a stricter limit in their `config.rateLimit`. */
export async function registerRateLimits(api: FastifyInstance): Promise<void> {
  await api.register(rateLimit, {
    ...API_RATE,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`too many requests from this address: at most ${context.max} a minute here; retry in ${context.after}`), {
        statusCode: context.statusCode,
      }),
  });
}

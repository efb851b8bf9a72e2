import { z } from 'zod';

// Load limits of lib/env.ts (pure; reads no environment itself): how much the app asks of Prometheus
// at once, how much of an answer it will hold, how long one API request may wait, and whether
// answers travel compressed.

/** A whole number of `unit` between `min` and `max`, from an environment string. */
export function integerSchema(min: number, max: number) {
  const message = `must be an integer between ${min} and ${max}`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

const MB = 1024 * 1024;

export const limitVariables = {
  // The largest page sends about 40 queries at once (debug, on-call with their checklists); a cap
  // under that doubled their time on a slow Prometheus (the rest waited one answer: `npm run bench --
  // slow`). Prometheus itself runs 20 at once by default (--query.max-concurrency) and queues the rest,
  // so this bounds what many viewers and backtests pile up, not a single page.
  PROMETHEUS_MAX_CONCURRENCY: integerSchema(1, 1_000).default(64),
  // The largest answer of the 10x bench mesh is about 1 MB; 32 MB is ample and bounds the parsed
  // copy (several times the text) far below what a runaway query (a 50 MB answer took 861 MB) costs.
  PROMETHEUS_MAX_RESPONSE_MB: integerSchema(1, 1_024).default(32),
  // Answers shared between viewers; 0 turns the cache off (identical in-flight queries are still sent once).
  MESHWATCH_QUERY_CACHE_MB: integerSchema(0, 16_384).default(64),
  // One API request's time for all its Prometheus queries; each query also has PROMETHEUS_TIMEOUT_MS.
  MESHWATCH_REQUEST_DEADLINE_MS: integerSchema(100, 600_000).default(20_000),
  // Prometheus gzips its answers when asked. Beside the app (same host or cluster) that costs both
  // sides CPU for bandwidth nobody lacks: inflating answers was a quarter of the app's CPU in a debug
  // dashboard load. `gzip` is for a Prometheus behind a slow or metered link.
  PROMETHEUS_COMPRESSION: z.enum(['none', 'gzip'], { error: 'must be none or gzip' }).default('none'),
};

export interface Limits {
  maxConcurrency: number;
  maxResponseBytes: number;
  cacheBytes: number;
  requestDeadlineMs: number;
  /** Ask Prometheus for gzipped answers. */
  gzip: boolean;
}

type LimitInput = { [K in keyof typeof limitVariables]: z.output<(typeof limitVariables)[K]> };

export function toLimits(raw: LimitInput): Limits {
  return {
    maxConcurrency: raw.PROMETHEUS_MAX_CONCURRENCY,
    maxResponseBytes: raw.PROMETHEUS_MAX_RESPONSE_MB * MB,
    cacheBytes: raw.MESHWATCH_QUERY_CACHE_MB * MB,
    requestDeadlineMs: raw.MESHWATCH_REQUEST_DEADLINE_MS,
    gzip: raw.PROMETHEUS_COMPRESSION === 'gzip',
  };
}

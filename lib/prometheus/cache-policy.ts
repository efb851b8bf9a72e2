// Which Prometheus answers may be shared, under which key, and for how long. Pure.

/**
 * An answer about a time older than this no longer changes: late scrapes, out-of-order samples and
 * rule evaluations land within a few scrape intervals, far less than five minutes.
 */
export const SETTLED_AFTER_SECONDS = 300;
/**
 * Answers about recent times are shared this long: one usual scrape interval, so a viewer never sees
 * data more than one scrape older than Prometheus would give, while viewers of a live page share.
 */
export const LIVE_TTL_MS = 15_000;
/** Settled answers live until the byte budget evicts them, or an hour at most. */
export const SETTLED_TTL_MS = 3_600_000;
/**
 * "Now" is floored to this grid for instant queries that name no time, so that viewers asking within
 * the same ten seconds ask the same question (the browser rounds its times the same way, lib/queries/time.ts).
 */
export const LIVE_ALIGN_SECONDS = 10;

/** Now, as unix seconds on the live grid. */
export function liveTime(nowMs: number = Date.now()): number {
  return Math.floor(nowMs / 1000 / LIVE_ALIGN_SECONDS) * LIVE_ALIGN_SECONDS;
}

/** The question as Prometheus sees it: method, path and form (the client builds forms in a fixed order). */
export function answerKey(method: string, path: string, form: string): string {
  return `${method} ${path}?${form}`;
}

/** How long an answer to `params` may be shared: long once its time (or range end) has settled. */
export function answerTtlMs(params: URLSearchParams | undefined, nowMs: number): number {
  const at = params?.get('time') ?? params?.get('end');
  // No time means "now" on the Prometheus server; RFC 3339 times (never sent by this client) count as live.
  const seconds = at === null || at === undefined ? Number.NaN : Number(at);
  const settled = Number.isFinite(seconds) && seconds * 1000 < nowMs - SETTLED_AFTER_SECONDS * 1000;
  return settled ? SETTLED_TTL_MS : LIVE_TTL_MS;
}

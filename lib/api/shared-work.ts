import 'server-only';
import { getEnv } from '@/lib/env';
import { abortError, createSharedAnswers, isPrometheusError, requestScope, withRequestDeadline, type SharedAnswers } from '@/lib/prometheus';

// Identical GET requests in flight share one computation: fifty viewers opening one page at once
// cost one run of each panel (its queries, its transform, its JSON), not fifty. JSON bodies are also
// kept as long as a live Prometheus answer (LIVE_TTL_MS), so viewers arriving seconds apart share
// them too; the browser's time alignment makes identical URLs the common case.

/** A quarter of the query cache's budget: bodies are smaller than the answers they are made of. */
const BODY_SHARE_OF_CACHE = 4;

const globalForWork = globalThis as typeof globalThis & { __meshwatchSharedWork?: SharedAnswers };
function flights(): SharedAnswers {
  globalForWork.__meshwatchSharedWork ??= createSharedAnswers(Math.floor(getEnv().limits.cacheBytes / BODY_SHARE_OF_CACHE));
  return globalForWork.__meshwatchSharedWork;
}

/**
 * The upstream it was asked of, the request's path and query (its parameters in a canonical order). The
 * upstream is part of the key because the same question of another Prometheus is another question (a
 * process whose PROMETHEUS_URL changes, as in the tests that read both meshes' fixtures).
 */
function keyOf(target: string): string {
  const url = new URL(target);
  url.searchParams.sort();
  return `${getEnv().prometheus.url} ${url.pathname}?${url.searchParams}${url.hash}`;
}

/** How long to keep an answer and what it costs; `ttlOf` may keep one answer shorter (0: not at all). */
export type Keep<T> = { ttlMs: number; bytes(value: T): number; ttlOf?(value: T): number };

/**
 * `compute` run once for all identical requests in flight. It gets a signal and a deadline of its own
 * that end only when every request waiting for it has gone, so the first caller leaving does not fail
 * the others; each caller still answers 504 at its own deadline.
 */
export function sharedWork<T>(request: Request, compute: (signal: AbortSignal) => Promise<T>, keep?: Keep<T>): Promise<T> {
  return shareAt(request.url, request.signal, compute, keep);
}

/** sharedWork for a GET of `url` (the key), waited for under `signal` (a batch asks for its parts so). */
export async function shareAt<T>(url: string, signal: AbortSignal, compute: (signal: AbortSignal) => Promise<T>, keep?: Keep<T>): Promise<T> {
  const scope = requestScope();
  const load = async (flightSignal: AbortSignal) => {
    const value = await withRequestDeadline(getEnv().limits.requestDeadlineMs, flightSignal, () => compute(flightSignal));
    return { value, bytes: keep?.bytes(value) ?? 0, ttlMs: keep?.ttlOf?.(value) };
  };
  try {
    return await flights().get(`${keep ? 'kept' : 'flight'} ${keyOf(url)}`, keep?.ttlMs ?? 0, load, scope?.signal ?? signal);
  } catch (err) {
    if (isPrometheusError(err) || !(scope?.signal.aborted ?? signal.aborted)) throw err;
    throw abortError({ endpoint: new URL(url).pathname }, scope, err);
  }
}

import 'server-only';
import { getEnv } from '@/lib/env';
import { abortError, createSharedAnswers, isPrometheusError, LIVE_TTL_MS, requestScope, withRequestDeadline, type SharedAnswers } from '@/lib/prometheus';

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
function keyOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.sort();
  return `${getEnv().prometheus.url} ${url.pathname}?${url.searchParams}`;
}

/**
 * `compute` run once for all identical requests in flight. It gets a signal and a deadline of its own
 * that end only when every request waiting for it has gone, so the first caller leaving does not fail
 * the others; each caller still answers 504 at its own deadline.
 */
export async function sharedWork<T>(request: Request, compute: (signal: AbortSignal) => Promise<T>, keep?: { ttlMs: number; bytes(value: T): number }): Promise<T> {
  const scope = requestScope();
  const load = async (signal: AbortSignal) => {
    const value = await withRequestDeadline(getEnv().limits.requestDeadlineMs, signal, () => compute(signal));
    return { value, bytes: keep?.bytes(value) ?? 0 };
  };
  try {
    return await flights().get(`${keep ? 'kept' : 'flight'} ${keyOf(request)}`, keep?.ttlMs ?? 0, load, scope?.signal ?? request.signal);
  } catch (err) {
    if (isPrometheusError(err) || !(scope?.signal.aborted ?? request.signal.aborted)) throw err;
    throw abortError({ endpoint: new URL(request.url).pathname }, scope, err);
  }
}

/**
 * A JSON response computed once for all identical requests in flight and serialised once too, then
 * kept for LIVE_TTL_MS unless `keep` is false (bodies that show stored SLOs: an edit must show at
 * once); `headers` may depend on the body (a count, say). Each caller gets its own Response of the
 * same text.
 */
export async function sharedJson<T>(
  request: Request,
  compute: (signal: AbortSignal) => Promise<T>,
  { headers = () => ({}), keep = true }: { headers?: (body: T) => Record<string, string>; keep?: boolean } = {},
): Promise<Response> {
  const serialised = async (signal: AbortSignal) => {
    const body = await compute(signal);
    return { text: JSON.stringify(body), extra: headers(body) };
  };
  const { text, extra } = await sharedWork(request, serialised, keep ? { ttlMs: LIVE_TTL_MS, bytes: (v) => v.text.length } : undefined);
  return new Response(text, { headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra } });
}

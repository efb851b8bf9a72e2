import 'server-only';
import { getEnv } from '@/lib/env';
import { abortError, createSharedAnswers, isPrometheusError, requestScope, withRequestDeadline, type SharedAnswers } from '@/lib/prometheus';

// Identical GET requests in flight share one computation: fifty viewers opening one page at once
// cost one run of each panel (its queries, its transform, its JSON), not fifty. Nothing is kept once
// the answer is out (the Prometheus answers underneath have their own cache); the browser's own
// cache keys already make identical URLs the common case.

const globalForWork = globalThis as typeof globalThis & { __meshwatchSharedWork?: SharedAnswers };
const flights = (globalForWork.__meshwatchSharedWork ??= createSharedAnswers(0));

/** The request's path and query, its parameters in a canonical order. */
function keyOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.sort();
  return `${url.pathname}?${url.searchParams}`;
}

/**
 * `compute` run once for all identical requests in flight. It gets a signal and a deadline of its own
 * that end only when every request waiting for it has gone, so the first caller leaving does not fail
 * the others; each caller still answers 504 at its own deadline.
 */
export async function sharedWork<T>(request: Request, compute: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const scope = requestScope();
  const load = async (signal: AbortSignal) => {
    const value = await withRequestDeadline(getEnv().limits.requestDeadlineMs, signal, () => compute(signal));
    return { value, bytes: 0 };
  };
  try {
    return await flights.get(keyOf(request), 0, load, scope?.signal ?? request.signal);
  } catch (err) {
    if (isPrometheusError(err) || !(scope?.signal.aborted ?? request.signal.aborted)) throw err;
    throw abortError({ endpoint: new URL(request.url).pathname }, scope, err);
  }
}

/**
 * A JSON response computed once for all identical requests in flight and serialised once too;
 * `headers` may depend on the body (a count, say). Each caller gets its own Response of the same text.
 */
export async function sharedJson<T>(
  request: Request,
  compute: (signal: AbortSignal) => Promise<T>,
  headers: (body: T) => Record<string, string> = () => ({}),
): Promise<Response> {
  const { text, extra } = await sharedWork(request, async (signal) => {
    const body = await compute(signal);
    return { text: JSON.stringify(body), extra: headers(body) };
  });
  return new Response(text, { headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra } });
}

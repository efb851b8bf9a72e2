import 'server-only';
import { getEnv } from '@/lib/env';
import { abortError, createSharedAnswers, isPrometheusError, LIVE_TTL_MS, requestScope, withRequestDeadline, type SharedAnswers } from '@/lib/prometheus';
import { errorResponse } from './errors';

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

type Keep<T> = { ttlMs: number; bytes(value: T): number };

/**
 * `compute` run once for all identical requests in flight. It gets a signal and a deadline of its own
 * that end only when every request waiting for it has gone, so the first caller leaving does not fail
 * the others; each caller still answers 504 at its own deadline.
 */
export function sharedWork<T>(request: Request, compute: (signal: AbortSignal) => Promise<T>, keep?: Keep<T>): Promise<T> {
  return shareAt(request.url, request.signal, compute, keep);
}

/** sharedWork for a GET of `url` (the key), waited for under `signal` (a batch asks for its parts so). */
async function shareAt<T>(url: string, signal: AbortSignal, compute: (signal: AbortSignal) => Promise<T>, keep?: Keep<T>): Promise<T> {
  const scope = requestScope();
  const load = async (flightSignal: AbortSignal) => {
    const value = await withRequestDeadline(getEnv().limits.requestDeadlineMs, flightSignal, () => compute(flightSignal));
    return { value, bytes: keep?.bytes(value) ?? 0 };
  };
  try {
    return await flights().get(`${keep ? 'kept' : 'flight'} ${keyOf(url)}`, keep?.ttlMs ?? 0, load, scope?.signal ?? signal);
  } catch (err) {
    if (isPrometheusError(err) || !(scope?.signal.aborted ?? signal.aborted)) throw err;
    throw abortError({ endpoint: new URL(url).pathname }, scope, err);
  }
}

export interface JsonOptions<T> {
  /** Headers that depend on the body (a count, say). */
  headers?: (body: T) => Record<string, string>;
  /** False: shared while in flight only. */
  keep?: boolean;
  /**
   * For bodies that show stored SLOs: the SLO store's revision, part of the key, so an edit shows at
   * once (the next request asks under the new revision) while unchanged SLOs keep the body shared.
   */
  revision?: string;
}

/** A JSON answer as text, with its status and headers: what a batch puts together from its parts. */
export interface JsonText {
  status: number;
  text: string;
  headers: Record<string, string>;
}

/** The body text of a GET of `url`, computed and serialised once for all identical GETs (see sharedJson). */
function sharedText<T>(url: string, signal: AbortSignal, compute: (signal: AbortSignal) => Promise<T>, { headers = () => ({}), keep = true, revision }: JsonOptions<T>) {
  const serialised = async (flightSignal: AbortSignal) => {
    const body = await compute(flightSignal);
    return { text: JSON.stringify(body), extra: headers(body) };
  };
  const key = revision === undefined ? url : `${url}#${encodeURIComponent(revision)}`;
  return shareAt(key, signal, serialised, keep ? { ttlMs: LIVE_TTL_MS, bytes: (v) => v.text.length } : undefined);
}

/**
 * A JSON response computed once for all identical requests in flight and serialised once too, then
 * kept for LIVE_TTL_MS unless `keep` is false; only answers are kept, never errors. Each caller gets
 * its own Response of the same text.
 */
export async function sharedJson<T>(request: Request, compute: (signal: AbortSignal) => Promise<T>, options: JsonOptions<T> = {}): Promise<Response> {
  const { text, extra } = await sharedText(request.url, request.signal, compute, options);
  return new Response(text, { headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra } });
}

/**
 * What sharedJson answers to a GET of `url`, as text, sharing the same work and kept text as such GETs
 * (the key is `url`); a failure becomes its JSON error body and status, as apiHandler would send it.
 */
export async function sharedJsonText<T>(url: string, signal: AbortSignal, compute: () => { run: (signal: AbortSignal) => Promise<T>; options?: JsonOptions<T> }): Promise<JsonText> {
  try {
    const { run, options = {} } = compute();
    const { text, extra } = await sharedText(url, signal, run, options);
    return { status: 200, text, headers: extra };
  } catch (err) {
    const response = errorResponse(err);
    return { status: response.status, text: await response.text(), headers: {} };
  }
}

import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { setMaxListeners } from 'node:events';
import { PrometheusError } from './errors';

// One deadline per API request, shared by every Prometheus query the request makes, however deep in
// lib/ the query is built: the route handler wrapper (lib/api/handler.ts) opens a scope, the one
// request() of this client reads it. Queries outside a request (start-up rules sync) have no scope
// and only their per-query timeout.

export interface RequestScope {
  /** Aborts at the deadline (reason: a TimeoutError) or when the caller goes away. */
  signal: AbortSignal;
  deadlineMs: number;
  /** The signal the scope was opened under (its `signal` follows it). */
  parent?: AbortSignal;
}

// Next.js bundles the route handlers and instrumentation.ts apart, and the client singleton may come
// from either: one storage per process keeps the scope visible to both copies of this module.
const globalForScope = globalThis as typeof globalThis & { __meshwatchRequestScope?: AsyncLocalStorage<RequestScope> };
const storage = (globalForScope.__meshwatchRequestScope ??= new AsyncLocalStorage<RequestScope>());

/**
 * Listeners allowed on a signal that every query of a request or a page waits on (a scope's, a server
 * prefetch's): each query listens up to three times (its shared flight, its place in the queue, its
 * HTTP call), removed when it ends, so a dashboard's forty queries pass Node's leak warning threshold
 * of ten without leaking anything. A leak would still pass this one.
 */
export const SHARED_SIGNAL_MAX_LISTENERS = 1024;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/**
 * Runs `fn` with a deadline of `deadlineMs` for all its Prometheus queries; `parent` (the HTTP request's
 * signal) ends it early. The deadline covers `fn`'s run: its timer and its watch on `parent` end when
 * `fn`'s promise settles (no route streams a body after its handler returns), where AbortSignal.timeout
 * and AbortSignal.any left a timer and two signals behind each time, on every request.
 */
export function withRequestDeadline<T>(deadlineMs: number, parent: AbortSignal | undefined, fn: () => T): T {
  const controller = new AbortController();
  const { signal } = controller;
  setMaxListeners(SHARED_SIGNAL_MAX_LISTENERS, signal);
  const onParent = () => controller.abort(parent?.reason);
  const timer = setTimeout(() => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')), deadlineMs);
  // As AbortSignal.timeout's: a deadline alone does not keep the process running.
  timer.unref();
  const done = () => {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onParent);
  };
  if (parent?.aborted) onParent();
  else parent?.addEventListener('abort', onParent, { once: true });
  let result: T;
  try {
    result = storage.run({ signal, deadlineMs, parent }, fn);
  } catch (err) {
    done();
    throw err;
  }
  if (!isThenable(result)) {
    done();
    return result;
  }
  result.then(done, done);
  return result;
}

/**
 * One signal for a wait under `scope`: it aborts when `signal` or the scope does. The scope's own when
 * it already follows `signal` (a shared flight's queries, asked under the flight's signal), so the usual
 * query makes no new signal.
 */
export function scopedSignal(signal: AbortSignal | undefined, scope: RequestScope | undefined): AbortSignal | undefined {
  if (!scope) return signal;
  if (!signal || signal === scope.parent || signal === scope.signal) return scope.signal;
  return AbortSignal.any([signal, scope.signal]);
}

/** The scope of the API request being served, if any. */
export function requestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** True when `reason` is the abort reason of a timeout (AbortSignal.timeout), not of a caller that left. */
export function isTimeoutReason(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && 'name' in reason && reason.name === 'TimeoutError';
}

/** The error of a wait abandoned because the request's deadline passed (`timeout`, a 504) or its caller left (`aborted`). */
export function abortError(spec: { endpoint: string }, scope: RequestScope | undefined, cause: unknown): PrometheusError {
  if (scope?.signal.aborted && isTimeoutReason(scope.signal.reason)) {
    const message = `Prometheus did not answer within the request's deadline of ${scope.deadlineMs} ms`;
    return new PrometheusError({ kind: 'timeout', endpoint: spec.endpoint, message, cause });
  }
  return new PrometheusError({ kind: 'aborted', endpoint: spec.endpoint, message: 'Request to Prometheus was aborted', cause });
}

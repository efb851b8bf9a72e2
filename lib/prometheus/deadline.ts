import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { PrometheusError } from './errors';

// One deadline per API request, shared by every Prometheus query the request makes, however deep in
// lib/ the query is built: the route handler wrapper (lib/api/handler.ts) opens a scope, the one
// request() of this client reads it. Queries outside a request (start-up rules sync) have no scope
// and only their per-query timeout.

export interface RequestScope {
  /** Aborts at the deadline (reason: a TimeoutError) or when the caller goes away. */
  signal: AbortSignal;
  deadlineMs: number;
}

// Next.js bundles the route handlers and instrumentation.ts apart, and the client singleton may come
// from either: one storage per process keeps the scope visible to both copies of this module.
const globalForScope = globalThis as typeof globalThis & { __meshwatchRequestScope?: AsyncLocalStorage<RequestScope> };
const storage = (globalForScope.__meshwatchRequestScope ??= new AsyncLocalStorage<RequestScope>());

/** Runs `fn` with a deadline of `deadlineMs` for all its Prometheus queries; `parent` (the HTTP request's signal) ends it early. */
export function withRequestDeadline<T>(deadlineMs: number, parent: AbortSignal | undefined, fn: () => T): T {
  const timeout = AbortSignal.timeout(deadlineMs);
  const signal = parent ? AbortSignal.any([parent, timeout]) : timeout;
  return storage.run({ signal, deadlineMs }, fn);
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

import 'server-only';
import { getMetrics } from './registry';

/** Records one Prometheus API call; `outcome` is `success` or a PrometheusError kind. */
export function observePrometheusRequest(endpoint: string, outcome: string, seconds: number): void {
  getMetrics().prometheusRequestDuration.observe({ endpoint, outcome }, seconds);
}

/** Counts one API route response. `route` must be the route pattern (`/api/slos/[name]`), never a raw path. */
export function countHttpRequest(route: string, status: number): void {
  getMetrics().httpRequests.inc({ route, status: String(status) });
}

/** Counts one question to Prometheus by where its answer came from. */
export function countCacheLookup(result: 'hit' | 'joined' | 'miss'): void {
  getMetrics().cacheLookups.inc({ result });
}

export function setCacheBytes(bytes: number): void {
  getMetrics().cacheBytes.set(bytes);
}

/** The process-wide limiter's load: calls running and calls queued. */
export function setQueryLoad(active: number, waiting: number): void {
  const metrics = getMetrics();
  metrics.queriesInFlight.set(active);
  metrics.queriesWaiting.set(waiting);
}

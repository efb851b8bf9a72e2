import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

interface MeshwatchMetrics {
  registry: Registry;
  prometheusRequestDuration: Histogram<'endpoint' | 'outcome'>;
  httpRequests: Counter<'route' | 'status'>;
  cacheLookups: Counter<'result'>;
  cacheBytes: Gauge;
  queriesInFlight: Gauge;
  queriesWaiting: Gauge;
}

// Next.js builds several server bundles (and re-evaluates modules in dev), each with its own copy of
// this module. One registry on globalThis keeps metrics registered exactly once per process, so we
// never need `register.clear()` (blockscout/frontend src/server/monitoring/metrics.ts does the same).
const globalForMetrics = globalThis as typeof globalThis & { __meshwatchMetrics?: MeshwatchMetrics };

function createMetrics(): MeshwatchMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    prometheusRequestDuration: new Histogram({
      name: 'meshwatch_prometheus_request_duration_seconds',
      help: 'Duration of Prometheus HTTP API calls, by endpoint and outcome (success or error kind).',
      labelNames: ['endpoint', 'outcome'],
      // prom-client's defaults stop at 10s; queries over 30-day windows and the 15s default
      // timeout (PROMETHEUS_TIMEOUT_MS) need the upper buckets.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 60],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: 'meshwatch_http_requests_total',
      help: 'HTTP requests served by Meshwatch API routes, by route and status code.',
      labelNames: ['route', 'status'],
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: 'meshwatch_prometheus_cache_lookups_total',
      help: 'Prometheus questions by where the answer came from: hit (cache), joined (an identical query in flight), miss (sent).',
      labelNames: ['result'],
      registers: [registry],
    }),
    cacheBytes: new Gauge({
      name: 'meshwatch_prometheus_cache_bytes',
      help: 'Size of the cached Prometheus answers, as Prometheus sent them (bounded by MESHWATCH_QUERY_CACHE_MB).',
      registers: [registry],
    }),
    queriesInFlight: new Gauge({
      name: 'meshwatch_prometheus_queries_in_flight',
      help: 'Prometheus calls running now (at most PROMETHEUS_MAX_CONCURRENCY).',
      registers: [registry],
    }),
    queriesWaiting: new Gauge({
      name: 'meshwatch_prometheus_queries_waiting',
      help: 'Prometheus calls queued for a slot under PROMETHEUS_MAX_CONCURRENCY.',
      registers: [registry],
    }),
  };
}

export function getMetrics(): MeshwatchMetrics {
  globalForMetrics.__meshwatchMetrics ??= createMetrics();
  return globalForMetrics.__meshwatchMetrics;
}

/** The app's own registry, exposed by /api/metrics. */
export function getRegistry(): Registry {
  return getMetrics().registry;
}

import 'server-only';
import { getEnv, type PrometheusAuth } from '@/lib/env';
import { createPrometheusClient, type PrometheusClient } from './client';

// One client per process, shared by every server bundle Next.js builds (same reason as lib/metrics).
const globalForClient = globalThis as typeof globalThis & { __meshwatchPrometheusClient?: PrometheusClient };

/** The Authorization header for the configured auth, if any. */
export function authHeaders(auth: PrometheusAuth): Record<string, string> {
  switch (auth.type) {
    case 'bearer':
      return { Authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { Authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` };
    case 'none':
      return {};
  }
}

/** The Prometheus client configured from the environment (PROMETHEUS_* variables). */
export function getPrometheusClient(): PrometheusClient {
  if (!globalForClient.__meshwatchPrometheusClient) {
    const { prometheus, limits } = getEnv();
    globalForClient.__meshwatchPrometheusClient = createPrometheusClient({
      baseUrl: prometheus.url,
      // PROMETHEUS_COMPRESSION: gzip answers are inflated by the client (http-call.ts).
      headers: { 'Accept-Encoding': limits.gzip ? 'gzip' : 'identity', ...prometheus.headers, ...authHeaders(prometheus.auth) },
      timeoutMs: prometheus.timeoutMs,
      maxConcurrency: limits.maxConcurrency,
      maxResponseBytes: limits.maxResponseBytes,
      cacheBytes: limits.cacheBytes,
    });
  }
  return globalForClient.__meshwatchPrometheusClient;
}

import 'server-only';
import type { PrometheusClient } from './client';
import { PrometheusError } from './errors';

export type Readiness = { ready: true; version: string } | { ready: false; reason: string };

// Kubernetes probes give up after a few seconds; a readiness check must answer before that.
const READINESS_TIMEOUT_MS = 3_000;

/**
 * Asks Prometheus for its build info, a cheap call that also proves auth and tenant headers work.
 * Servers without that endpoint (404) are checked with a trivial query instead.
 */
export async function checkPrometheusReadiness(client: PrometheusClient, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  try {
    const { version } = await client.buildInfo({ timeoutMs });
    return { ready: true, version };
  } catch (err) {
    if (!(err instanceof PrometheusError)) throw err;
    if (err.status !== 404) return { ready: false, reason: readinessReason(err) };
  }
  try {
    await client.instantQuery('vector(1)', { timeoutMs });
    return { ready: true, version: 'unknown' };
  } catch (err) {
    if (!(err instanceof PrometheusError)) throw err;
    return { ready: false, reason: readinessReason(err) };
  }
}

/** A reason fit for operators: says what failed, never where (no URL, no credentials). */
export function readinessReason(err: PrometheusError): string {
  if (err.status === 401 || err.status === 403) {
    return `Prometheus refused the credentials (HTTP ${err.status}); check PROMETHEUS_BEARER_TOKEN or PROMETHEUS_BASIC_AUTH_*`;
  }
  return err.message;
}

import type { PrometheusClient } from '@prometheus-io/codemirror-promql';

// Completion data for the PromQL editor without exposing Prometheus to the browser (DESIGN.md):
// the mesh metrics the adapters read, their labels, and the services discovered by /api/services.

export const MESH_METRICS = [
  'istio_requests_total',
  'istio_request_duration_milliseconds_bucket',
  'istio_request_duration_milliseconds_count',
  'istio_request_duration_milliseconds_sum',
  'request_total',
  'response_total',
  'response_latency_ms_bucket',
  'response_latency_ms_count',
] as const;

export const MESH_LABELS = [
  'reporter',
  'destination_service_name',
  'destination_service_namespace',
  'destination_workload',
  'source_workload',
  'response_code',
  'response_flags',
  'connection_security_policy',
  'le',
  'direction',
  'deployment',
  'namespace',
  'classification',
] as const;

const FIXED_VALUES: Record<string, string[]> = {
  reporter: ['destination', 'source'],
  connection_security_policy: ['mutual_tls', 'none'],
  direction: ['inbound', 'outbound'],
  classification: ['success', 'failure'],
};

/** `services` are `namespace/service` ids. */
export function labelValuesFor(label: string, services: readonly string[]): string[] {
  const split = services.map((s) => s.split('/'));
  if (label === 'destination_service_name' || label === 'deployment') return [...new Set(split.map((p) => p[1] ?? ''))].filter(Boolean);
  if (label === 'destination_service_namespace' || label === 'namespace') return [...new Set(split.map((p) => p[0] ?? ''))].filter(Boolean);
  return FIXED_VALUES[label] ?? [];
}

export function staticPromClient(services: readonly string[]): PrometheusClient {
  return {
    labelNames: () => Promise.resolve([...MESH_LABELS]),
    labelValues: (label) => Promise.resolve(labelValuesFor(label, services)),
    metricMetadata: () => Promise.resolve({}),
    series: () => Promise.resolve([]),
    metricNames: (prefix) => Promise.resolve(MESH_METRICS.filter((m) => !prefix || m.startsWith(prefix))),
    flags: () => Promise.resolve({}),
  };
}

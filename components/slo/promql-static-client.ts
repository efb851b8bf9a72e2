import type { PrometheusClient } from '@prometheus-io/codemirror-promql';
import type { EditorHintsBody } from '@/lib/queries/schemas';

// Completion data for the PromQL editor without exposing Prometheus to the browser (DESIGN.md): the
// metrics and labels of the server's mesh (its adapter's hints, from /api/mesh), and the services
// discovered by /api/services.

/** Until /api/mesh answers: completion offers the services' names only where it knows the labels (nowhere). */
export const NO_HINTS: EditorHintsBody = {
  metrics: [],
  labels: [],
  labelValues: {},
  namespaceLabels: [],
  serviceLabels: [],
  customTemplate: { errorQuery: '', totalQuery: '' },
};

/** `services` are `namespace/service` ids. */
export function labelValuesFor(label: string, services: readonly string[], hints: EditorHintsBody): string[] {
  const split = services.map((s) => s.split('/'));
  if (hints.serviceLabels.includes(label)) return [...new Set(split.map((p) => p[1] ?? ''))].filter(Boolean);
  if (hints.namespaceLabels.includes(label)) return [...new Set(split.map((p) => p[0] ?? ''))].filter(Boolean);
  return hints.labelValues[label] ?? [];
}

export function staticPromClient(services: readonly string[], hints: EditorHintsBody): PrometheusClient {
  return {
    labelNames: () => Promise.resolve([...hints.labels]),
    labelValues: (label) => Promise.resolve(labelValuesFor(label, services, hints)),
    metricMetadata: () => Promise.resolve({}),
    series: () => Promise.resolve([]),
    metricNames: (prefix) => Promise.resolve(hints.metrics.filter((m) => !prefix || m.startsWith(prefix))),
    flags: () => Promise.resolve({}),
  };
}

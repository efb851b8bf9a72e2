import type { MeshSample, ServiceSummaryResults, ServiceSummaryRow, SummaryField } from './types';

/** Labels that identify a destination service in a summary vector. */
export interface ServiceLabels {
  namespace: string;
  service: string;
}

export const ISTIO_SERVICE_LABELS: ServiceLabels = {
  namespace: 'destination_service_namespace',
  service: 'destination_service_name',
};

const NO_TRAFFIC = 'no traffic in window';

type Value = { value: number | null; reason?: string };

function nonFinite(field: SummaryField, value: number): string {
  if (Number.isNaN(value)) return field === 'rps' ? 'Prometheus returned NaN' : NO_TRAFFIC;
  if (field === 'p95Ms' && value > 0) return 'above the highest finite histogram bucket';
  return `Prometheus returned ${value > 0 ? '+Inf' : '-Inf'}`;
}

function toValue(field: SummaryField, sample: MeshSample | undefined, rps: number | null): Value {
  if (sample === undefined) {
    // No sample is how the queries say "zero traffic"; anything else is missing data.
    if (field !== 'rps' && (rps === 0 || rps === null)) return { value: null, reason: NO_TRAFFIC };
    return { value: null, reason: 'no sample from Prometheus' };
  }
  if (!Number.isFinite(sample.value)) return { value: null, reason: nonFinite(field, sample.value) };
  return { value: sample.value };
}

/**
 * Joins the three summary vectors on (namespace, service) into one row per service, sorted by
 * namespace then service. Non-finite values become null with a reason instead of leaking NaN.
 */
export function combineServiceSummary(
  results: ServiceSummaryResults,
  labels: ServiceLabels = ISTIO_SERVICE_LABELS,
): ServiceSummaryRow[] {
  const byKey = new Map<string, { namespace: string; service: string } & Partial<Record<SummaryField, MeshSample>>>();
  const fields: SummaryField[] = ['rps', 'successRatio', 'p95Ms'];
  for (const field of fields) {
    for (const sample of results[field]) {
      const namespace = sample.labels[labels.namespace] ?? '';
      const service = sample.labels[labels.service] ?? '';
      const key = JSON.stringify([namespace, service]);
      const entry = byKey.get(key) ?? { namespace, service };
      entry[field] = sample;
      byKey.set(key, entry);
    }
  }

  const rows = [...byKey.values()].map((entry): ServiceSummaryRow => {
    const rps = toValue('rps', entry.rps, null);
    const successRatio = toValue('successRatio', entry.successRatio, rps.value);
    const p95Ms = toValue('p95Ms', entry.p95Ms, rps.value);
    const reasons: ServiceSummaryRow['reasons'] = {};
    if (rps.reason) reasons.rps = rps.reason;
    if (successRatio.reason) reasons.successRatio = successRatio.reason;
    if (p95Ms.reason) reasons.p95Ms = p95Ms.reason;
    return {
      namespace: entry.namespace,
      service: entry.service,
      rps: rps.value,
      successRatio: successRatio.value,
      p95Ms: p95Ms.value,
      reasons,
    };
  });
  return rows.sort((a, b) => compareText(a.namespace, b.namespace) || compareText(a.service, b.service));
}

// Code-point order, not locale order, so the server and every browser agree.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

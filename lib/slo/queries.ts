import { matchers, type MatcherSpec } from '@/lib/promql';
import { substituteWindow, type SloSpec } from './spec';

// PromQL of each indicator over one window, for one SLO. Pure. Istio conventions (lib/mesh/istio.ts):
// server side only (reporter="destination", never both reporters), errors are 5xx and 0.

/** Server-side errors, 4xx being the caller's (DESIGN.md "Mesh telemetry"; same as lib/mesh/istio.ts). */
export const ISTIO_ERROR_CODES = '5..|0';
export const ISTIO_REQUESTS = 'istio_requests_total';
export const ISTIO_DURATION_BUCKETS = 'istio_request_duration_milliseconds_bucket';
export const SERVICE_LABELS = { namespace: 'destination_service_namespace', service: 'destination_service_name' } as const;

/**
 * Matches a bucket's `le` whatever its spelling: Prometheus 2 keeps the exposition's ("250"),
 * Prometheus 3 normalises integers to floats ("250.0").
 */
export function leRegex(thresholdMs: number): string {
  const text = String(thresholdMs);
  return Number.isInteger(thresholdMs) ? `${text}(\\.0)?` : text.replace(/\./g, '\\.');
}

/** Parses an `le` label value; undefined when it is not a number. */
export function parseLe(text: string): number | undefined {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

export function istioSelector(metric: string, extra: Record<string, MatcherSpec>): string {
  return `${metric}${matchers({ reporter: 'destination', ...extra })}`;
}

function serviceMatchers(spec: Pick<SloSpec, 'service' | 'namespace'>): Record<string, MatcherSpec> {
  return { [SERVICE_LABELS.namespace]: spec.namespace, [SERVICE_LABELS.service]: spec.service };
}

/** Raw counter selectors (no range): bad or good events and all events, for exports. */
export function counterSelectors(spec: SloSpec): { bad?: string; good?: string; total: string } | null {
  const svc = serviceMatchers(spec);
  switch (spec.indicator.type) {
    case 'availability':
      return {
        bad: istioSelector(ISTIO_REQUESTS, { ...svc, response_code: ['=~', ISTIO_ERROR_CODES] }),
        total: istioSelector(ISTIO_REQUESTS, svc),
      };
    case 'latency':
      return {
        good: istioSelector(ISTIO_DURATION_BUCKETS, { ...svc, le: ['=~', leRegex(spec.indicator.thresholdMs)] }),
        total: istioSelector(ISTIO_DURATION_BUCKETS, { ...svc, le: '+Inf' }),
      };
    case 'custom':
      return null;
  }
}

export interface WindowExprs {
  /** Bad events in the window, one label-less sample. */
  bad: string;
  /** All events in the window, one label-less sample. */
  total: string;
  /**
   * bad / total with zero traffic giving no sample (not NaN): the numerator falls back to 0 when no
   * bad series exists, except for latency, where a missing threshold bucket must not read as "no errors".
   */
  ratio: string;
}

const increase = (selector: string, window: string) => `sum(increase(${selector}[${window}]))`;

/** sum(increase(bad[W])), sum(increase(total[W])) and their ratio for one SLO. */
export function windowExprs(spec: SloSpec, window: string): WindowExprs {
  const sel = counterSelectors(spec);
  if (spec.indicator.type === 'custom' || sel === null) {
    const indicator = spec.indicator as { errorQuery: string; totalQuery: string };
    const bad = `sum(${substituteWindow(indicator.errorQuery, window)})`;
    const total = `sum(${substituteWindow(indicator.totalQuery, window)})`;
    return { bad, total, ratio: `(${bad} or vector(0)) / (${total} > 0)` };
  }
  const total = increase(sel.total, window);
  if (sel.good !== undefined) {
    const bad = `${total} - ${increase(sel.good, window)}`;
    return { bad, total, ratio: `(${bad}) / (${total} > 0)` };
  }
  const bad = increase(sel.bad ?? '', window);
  return { bad, total, ratio: `(${bad} or vector(0)) / (${total} > 0)` };
}

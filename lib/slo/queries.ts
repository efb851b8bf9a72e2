import type { MatcherSpec } from '@/lib/promql';
import type { SliSource } from './sli-source';
import { substituteWindow, type SloSpec } from './spec';

// PromQL of each indicator over one window, for one SLO. Pure. The counters come from the mesh's
// SliSource (lib/mesh): which metric holds failed requests or latency buckets is the mesh's business.

/**
 * A bound as Prometheus 3 spells `le` (model/labels.FormatOpenMetricsFloat): Go's shortest 'g' form,
 * which turns to an exponent from 1e6 on or under 1e-4 ("1.8e+06"), with ".0" on an integer otherwise.
 */
export function openMetricsFloat(value: number): string {
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const exp = Number(exponent);
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  const plain = String(value);
  return plain.includes('.') ? plain : `${plain}.0`;
}

/**
 * Matches a bucket's `le` whatever its spelling: Prometheus 2 keeps the exposition's ("250"),
 * Prometheus 3 normalises it (openMetricsFloat: "250.0", and "1.8e+06" for Istio's 30-minute bucket).
 */
export function leRegex(thresholdMs: number): string {
  const text = String(thresholdMs);
  const usual = Number.isInteger(thresholdMs) ? `${text}(\\.0)?` : text.replace(/\./g, '\\.');
  const normalised = openMetricsFloat(thresholdMs);
  return normalised.includes('e') ? `${usual}|${normalised.replace(/[.+]/g, '\\$&')}` : usual;
}

/** Parses an `le` label value; undefined when it is not a number. */
export function parseLe(text: string): number | undefined {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** Raw counter selectors (no range): bad or good events and all events, for exports; `cluster` restricts the serving cluster. */
export function counterSelectors(spec: SloSpec, source: SliSource, cluster?: MatcherSpec): { bad?: string; good?: string; total: string } | null {
  const svc = { namespace: spec.namespace, service: spec.service, cluster };
  switch (spec.indicator.type) {
    case 'availability':
      return { bad: source.failedRequests(svc), total: source.allRequests(svc) };
    case 'latency':
      return { good: source.latencyBuckets(svc, ['=~', leRegex(spec.indicator.thresholdMs)]), total: source.latencyBuckets(svc, '+Inf') };
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
export function windowExprs(spec: SloSpec, window: string, source: SliSource): WindowExprs {
  const sel = counterSelectors(spec, source);
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

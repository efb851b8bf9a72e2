import { matchers, parsePromDuration } from '@/lib/prometheus/promql';
import type { MeshAdapter, ServiceSummaryParams, ServiceSummaryQueries } from './types';

// Istio standard metrics: https://istio.io/latest/docs/reference/config/metrics/
const REQUESTS = 'istio_requests_total';
const DURATION_BUCKETS = 'istio_request_duration_milliseconds_bucket';

/** Server-side errors; 4xx are the caller's. `0` is Envoy's code for "no response" (reset, timeout). */
export const ISTIO_ERROR_CODES = '5..|0';

// Grouping by destination keeps the number of queries constant however many services there are.
const BY_SERVICE = 'destination_service_namespace, destination_service_name';

function rangeWindow(window: string): string {
  parsePromDuration(window); // throws RangeError on anything that is not a duration literal
  return window;
}

/**
 * Only `reporter="destination"`: each request is reported by both proxies, so summing both reporters
 * would double-count, and the server side is what a service's SLI is about.
 */
function selector(namespace: string | undefined, extra: Record<string, readonly ['=~', string]> = {}): string {
  return matchers({ reporter: 'destination', destination_service_namespace: namespace, ...extra });
}

function serviceSummaryQueries({ window, namespace }: ServiceSummaryParams): ServiceSummaryQueries {
  const w = rangeWindow(window);
  const total = `sum(rate(${REQUESTS}${selector(namespace)}[${w}])) by (${BY_SERVICE})`;
  const errors = `sum(rate(${REQUESTS}${selector(namespace, { response_code: ['=~', ISTIO_ERROR_CODES] })}[${w}])) by (${BY_SERVICE})`;
  return {
    rps: total,
    // Numerator and denominator are summed separately (never average ratios). `or total * 0` gives
    // services without errors a zero numerator; `> 0` drops zero-traffic services so they get no
    // sample (read as null) instead of NaN from 0/0.
    successRatio: `1 - ((${errors} or ${total} * 0) / (${total} > 0))`,
    p95Ms: `histogram_quantile(0.95, sum(rate(${DURATION_BUCKETS}${selector(namespace)}[${w}])) by (le, ${BY_SERVICE}))`,
  };
}

export const istioAdapter: MeshAdapter = {
  kind: 'istio',
  serviceSummaryQueries,
};

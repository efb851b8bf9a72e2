// Istio's counters for SLIs (lib/slo's SliSource): server side only (reporter="destination", never
// both reporters), errors are 5xx and 0, latency from the destination's duration histogram.
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { ServiceMatch, SliSource } from '@/lib/slo/sli-source';
import { DURATION_BUCKETS, ISTIO_ERROR_CODES, ISTIO_LABELS, REQUESTS } from './istio-traffic';

const SERVICE_LABELS = { namespace: ISTIO_LABELS.namespace, service: ISTIO_LABELS.service } as const;
/** The cluster of the destination pod, i.e. the cluster that served the request (multi-cluster Istio). */
const CLUSTER_LABEL = 'destination_cluster';

const selector = (metric: string, match: ServiceMatch, extra: Record<string, MatcherSpec> = {}) =>
  `${metric}${matchers({ reporter: 'destination', [SERVICE_LABELS.namespace]: match.namespace, [SERVICE_LABELS.service]: match.service, [CLUSTER_LABEL]: match.cluster, ...extra })}`;

const serviceLabels = (s: { namespace: string; service: string }) => ({
  reporter: 'destination',
  [SERVICE_LABELS.namespace]: s.namespace,
  [SERVICE_LABELS.service]: s.service,
});

export const istioSli: SliSource = {
  mesh: 'istio',
  serviceLabels: SERVICE_LABELS,
  clusterLabel: CLUSTER_LABEL,
  failureText: 'responses with code 5xx or 0 (reset or timeout)',
  failedRequests: (match) => selector(REQUESTS, match, { response_code: ['=~', ISTIO_ERROR_CODES] }),
  allRequests: (match) => selector(REQUESTS, match),
  latencyBuckets: (match, le) => selector(DURATION_BUCKETS, match, { le }),
  // 503 is a server error whatever the error-code convention; 200 never is.
  requestSeries: (s, outcome) => ({ metric: REQUESTS, labels: { ...serviceLabels(s), response_code: outcome === 'ok' ? '200' : '503' } }),
  bucketSeries: (s, le) => ({ metric: DURATION_BUCKETS, labels: { ...serviceLabels(s), le } }),
};

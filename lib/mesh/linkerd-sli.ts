// Linkerd's counters for SLIs (lib/slo's SliSource): the server's own proxy (direction="inbound"),
// availability from response_total's classification (Linkerd's "failure" is 5xx and gRPC errors,
// never 4xx), latency from response_latency_ms_bucket. https://linkerd.io/2/reference/proxy-metrics/
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { ServiceMatch, SliSource } from '@/lib/slo/sli-source';
import { SIDE_LABELS } from './linkerd-traffic';

const RESPONSES = 'response_total';
const LATENCY_BUCKETS = 'response_latency_ms_bucket';
/** Inbound series name the workload that served the request by its own namespace and deployment. */
/**
 * The target label of the cluster whose Prometheus scraped the serving pod (what multi-cluster
 * federation adds); on inbound series that is the cluster that served the request.
 */
const CLUSTER_LABEL = 'cluster';
const SERVICE_LABELS = { namespace: SIDE_LABELS.inbound.namespace ?? '', service: SIDE_LABELS.inbound.service ?? '' };

const selector = (metric: string, match: ServiceMatch, extra: Record<string, MatcherSpec> = {}) =>
  `${metric}${matchers({ direction: 'inbound', [SERVICE_LABELS.namespace]: match.namespace, [SERVICE_LABELS.service]: match.service, [CLUSTER_LABEL]: match.cluster, ...extra })}`;

const serviceLabels = (s: { namespace: string; service: string }) => ({
  direction: 'inbound',
  [SERVICE_LABELS.namespace]: s.namespace,
  [SERVICE_LABELS.service]: s.service,
});

export const linkerdSli: SliSource = {
  mesh: 'linkerd',
  serviceLabels: SERVICE_LABELS,
  clusterLabel: CLUSTER_LABEL,
  failureText: 'responses Linkerd classifies as failures (5xx and gRPC errors)',
  failedRequests: (match) => selector(RESPONSES, match, { classification: 'failure' }),
  allRequests: (match) => selector(RESPONSES, match),
  latencyBuckets: (match, le) => selector(LATENCY_BUCKETS, match, { le }),
  requestSeries: (s, outcome) => ({
    metric: RESPONSES,
    labels: { ...serviceLabels(s), classification: outcome === 'ok' ? 'success' : 'failure', status_code: outcome === 'ok' ? '200' : '503' },
  }),
  bucketSeries: (s, le) => ({ metric: LATENCY_BUCKETS, labels: { ...serviceLabels(s), le } }),
};

// Istio request telemetry: rates, errors, latency, mTLS, codes and flags, grouped in PromQL.
// Metrics: https://istio.io/latest/docs/reference/config/metrics/
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { Dimension, FlagQuestion, Grouping, MeshQuery, QuantileQuestion, TrafficQuestion, TrafficScope } from './adapter';
import { checkWindow, quantile, ratio, sumBy } from './expr';

export const REQUESTS = 'istio_requests_total';
export const DURATION_BUCKETS = 'istio_request_duration_milliseconds_bucket';

/** Server-side errors; 4xx are the caller's. `0` is Envoy's code for "no response" (reset, timeout). */
export const ISTIO_ERROR_CODES = '5..|0';

export const ISTIO_LABELS = {
  namespace: 'destination_service_namespace',
  service: 'destination_service_name',
  // Workload, not canonical service: the duration histogram keeps only the workload labels.
  sourceNamespace: 'source_workload_namespace',
  sourceService: 'source_workload',
  // Both reporters carry both clusters (https://istio.io/latest/docs/reference/config/metrics/#labels).
  cluster: 'destination_cluster',
  sourceCluster: 'source_cluster',
} as const satisfies Partial<Record<Dimension, string>>;

const GROUPS: Record<Grouping, ReadonlyArray<keyof typeof ISTIO_LABELS>> = {
  mesh: [],
  namespace: ['namespace'],
  service: ['namespace', 'service'],
  source: ['sourceNamespace', 'sourceService'],
  edge: ['sourceNamespace', 'sourceService', 'namespace', 'service'],
};

type Reporter = 'destination' | 'source';

export function groupLabels(by: Grouping): { names: string[]; labels: MeshQuery['labels'] } {
  const dims = GROUPS[by];
  return { names: dims.map((d) => ISTIO_LABELS[d]), labels: Object.fromEntries(dims.map((d) => [d, ISTIO_LABELS[d]])) };
}

/**
 * `reporter="destination"` unless told otherwise: each request is reported by both proxies, so
 * summing both reporters would double-count, and the server side is what an SLI is about.
 */
export function istioSelector(scope: TrafficScope, extra: Record<string, MatcherSpec> = {}, reporter: Reporter = 'destination'): string {
  return matchers({
    reporter,
    [ISTIO_LABELS.namespace]: scope.namespace,
    [ISTIO_LABELS.service]: scope.service,
    [ISTIO_LABELS.sourceNamespace]: scope.sourceNamespace,
    [ISTIO_LABELS.sourceService]: scope.sourceService,
    [ISTIO_LABELS.cluster]: scope.cluster,
    [ISTIO_LABELS.sourceCluster]: scope.sourceCluster,
    ...extra,
  });
}

function rateSum(q: TrafficQuestion, extra: Record<string, MatcherSpec> = {}, metric = REQUESTS, reporter: Reporter = 'destination'): string {
  return sumBy(groupLabels(q.by).names, `rate(${metric}${istioSelector(q, extra, reporter)}[${checkWindow(q.window)}])`);
}

const ERRORS = { response_code: ['=~', ISTIO_ERROR_CODES] } as const;
const MTLS = { connection_security_policy: 'mutual_tls' } as const;

export const istioTraffic = {
  requestRate: (q: TrafficQuestion): MeshQuery => ({ promql: rateSum(q), labels: groupLabels(q.by).labels }),
  errorRate: (q: TrafficQuestion): MeshQuery => ({ promql: rateSum(q, ERRORS), labels: groupLabels(q.by).labels }),
  errorRatio: (q: TrafficQuestion): MeshQuery => ({ promql: ratio(rateSum(q, ERRORS), rateSum(q)), labels: groupLabels(q.by).labels }),
  // reporter="source": one series per request as the caller's proxy finished it (after its retries).
  callerRequestRate: (q: TrafficQuestion): MeshQuery => ({ promql: rateSum(q, {}, REQUESTS, 'source'), labels: groupLabels(q.by).labels }),
  callerErrorRatio: (q: TrafficQuestion): MeshQuery => ({
    promql: ratio(rateSum(q, ERRORS, REQUESTS, 'source'), rateSum(q, {}, REQUESTS, 'source')),
    labels: groupLabels(q.by).labels,
  }),
  // Only the server-side proxy knows how the connection was secured; the client reports "unknown".
  mtlsRatio: (q: TrafficQuestion): MeshQuery => ({ promql: ratio(rateSum(q, MTLS), rateSum(q)), labels: groupLabels(q.by).labels }),
  plaintextRate: (q: TrafficQuestion): MeshQuery => ({
    promql: `${rateSum(q, { connection_security_policy: ['!=', 'mutual_tls'] })} > 0`,
    labels: groupLabels(q.by).labels,
  }),
  latencyQuantile: (q: QuantileQuestion): MeshQuery => ({
    promql: quantile(q.quantile, groupLabels(q.by).names, `rate(${DURATION_BUCKETS}${istioSelector(q)}[${checkWindow(q.window)}])`),
    labels: groupLabels(q.by).labels,
  }),
  latencyBuckets: (q: TrafficQuestion): MeshQuery => {
    const { names, labels } = groupLabels(q.by);
    const inner = `rate(${DURATION_BUCKETS}${istioSelector(q)}[${checkWindow(q.window)}])`;
    return { promql: sumBy(['le', ...names], inner), labels: { ...labels, le: 'le' } };
  },
  statusCodes: (q: TrafficQuestion): MeshQuery => {
    const { names, labels } = groupLabels(q.by);
    const inner = `rate(${REQUESTS}${istioSelector(q)}[${checkWindow(q.window)}])`;
    return { promql: sumBy(['response_code', ...names], inner), labels: { ...labels, code: 'response_code' } };
  },
  /**
   * Flags as the caller's proxy (reporter="source") set them: UH, UF, URX, UO, UT and NR describe
   * the upstream and are set on the client side; some (UH, URX, UO) never reach the destination.
   */
  responseFlags: (q: FlagQuestion): MeshQuery => {
    const { names, labels } = groupLabels(q.by);
    const flags: MatcherSpec = q.flags ? ['=~', { literal: q.flags }] : ['!=', '-'];
    const inner = `rate(${REQUESTS}${istioSelector(q, { response_flags: flags }, 'source')}[${checkWindow(q.window)}])`;
    return { promql: sumBy(['response_flags', ...names], inner), labels: { ...labels, flag: 'response_flags' } };
  },
};

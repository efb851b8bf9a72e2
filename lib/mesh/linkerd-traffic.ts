// Linkerd request telemetry (https://linkerd.io/2/reference/proxy-metrics/). Server-side figures read
// direction="inbound"; anything about the caller (grouping by source, edges, a source scope) can only
// come from the caller's proxy, direction="outbound", whose labels name both ends.
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { Dimension, Grouping, MeshQuery, QuantileQuestion, TrafficQuestion, TrafficScope } from './adapter';
import { checkWindow, quantile, ratio, sumBy } from './expr';
import { outboundRate, TARGET_CLUSTER } from './linkerd-cluster';
import { POD_CLUSTER } from './kube';

type Side = 'inbound' | 'outbound';
type Labels = Partial<Record<Dimension, string>>;

// `cluster` is the scraping cluster: the server's on inbound series, the caller's on outbound ones,
// where the serving cluster is read through outboundRate (TARGET_CLUSTER once normalised).
export const SIDE_LABELS: Record<Side, Labels> = {
  inbound: { namespace: 'namespace', service: 'deployment', cluster: POD_CLUSTER },
  outbound: {
    namespace: 'dst_namespace', service: 'dst_deployment', cluster: TARGET_CLUSTER,
    sourceNamespace: 'namespace', sourceService: 'deployment', sourceCluster: POD_CLUSTER,
  },
};

const GROUPS: Record<Grouping, readonly Dimension[]> = {
  mesh: [],
  namespace: ['namespace'],
  service: ['namespace', 'service'],
  source: ['sourceNamespace', 'sourceService'],
  edge: ['sourceNamespace', 'sourceService', 'namespace', 'service'],
};

export function sideOf(q: TrafficQuestion): Side {
  const aboutCaller = q.by === 'source' || q.by === 'edge' || q.sourceNamespace !== undefined || q.sourceService !== undefined || q.sourceCluster !== undefined;
  return aboutCaller ? 'outbound' : 'inbound';
}

export function grouping(side: Side, by: Grouping): { names: string[]; labels: Labels } {
  const map = SIDE_LABELS[side];
  const dims = GROUPS[by];
  return { names: dims.map((d) => map[d] ?? ''), labels: Object.fromEntries(dims.map((d) => [d, map[d] ?? ''])) };
}

function selectorSpec(side: Side, scope: TrafficScope, extra: Record<string, MatcherSpec>): Record<string, MatcherSpec> {
  const map = SIDE_LABELS[side];
  const spec: Record<string, MatcherSpec> = { direction: side };
  const put = (dim: keyof TrafficScope) => {
    const label = map[dim];
    if (scope[dim] !== undefined && label) spec[label] = scope[dim];
  };
  // An outbound call's serving cluster is not one label: outboundRate reads it.
  const dims = ['namespace', 'service', 'sourceNamespace', 'sourceService', 'sourceCluster', ...(side === 'inbound' ? (['cluster'] as const) : [])] as const;
  dims.forEach(put);
  return { ...spec, ...extra };
}

/** A selector of one side's series (inbound: all of a scope; outbound: without the serving cluster). */
export function linkerdSelector(side: Side, scope: TrafficScope, extra: Record<string, MatcherSpec> = {}): string {
  return matchers(selectorSpec(side, scope, extra));
}

/** Per-series rates of one side within a scope (the serving cluster of outbound calls included). */
function rates(metric: string, side: Side, q: TrafficQuestion, extra: Record<string, MatcherSpec> = {}): string {
  const spec = selectorSpec(side, q, extra);
  return side === 'outbound' ? outboundRate(metric, spec, q.window, { servedIn: q.cluster }) : `rate(${metric}${matchers(spec)}[${checkWindow(q.window)}])`;
}

function rateSum(q: TrafficQuestion, metric: string, extra: Record<string, MatcherSpec> = {}, side: Side = sideOf(q)): string {
  return sumBy(grouping(side, q.by).names, rates(metric, side, q, extra));
}

const labelsOf = (q: TrafficQuestion) => grouping(sideOf(q), q.by).labels;
// Linkerd classifies each response; "failure" is 5xx (and gRPC errors), never 4xx.
const FAILURE = { classification: 'failure' } as const;

export const linkerdTraffic = {
  requestRate: (q: TrafficQuestion): MeshQuery => ({ promql: rateSum(q, 'request_total'), labels: labelsOf(q) }),
  errorRate: (q: TrafficQuestion): MeshQuery => ({ promql: rateSum(q, 'response_total', FAILURE), labels: labelsOf(q) }),
  errorRatio: (q: TrafficQuestion): MeshQuery => ({ promql: ratio(rateSum(q, 'response_total', FAILURE), rateSum(q, 'response_total')), labels: labelsOf(q) }),
  mtlsRatio: (q: TrafficQuestion): MeshQuery => ({ promql: ratio(rateSum(q, 'request_total', { tls: 'true' }), rateSum(q, 'request_total')), labels: labelsOf(q) }),
  plaintextRate: (q: TrafficQuestion): MeshQuery => ({ promql: `${rateSum(q, 'request_total', { tls: ['!=', 'true'] })} > 0`, labels: labelsOf(q) }),
  latencyQuantile: (q: QuantileQuestion): MeshQuery => {
    const side = sideOf(q);
    const { names, labels } = grouping(side, q.by);
    return { promql: quantile(q.quantile, names, rates('response_latency_ms_bucket', side, q)), labels };
  },
  latencyBuckets: (q: TrafficQuestion): MeshQuery => {
    const side = sideOf(q);
    const { names, labels } = grouping(side, q.by);
    return { promql: sumBy(['le', ...names], rates('response_latency_ms_bucket', side, q)), labels: { ...labels, le: 'le' } };
  },
  statusCodes: (q: TrafficQuestion): MeshQuery => {
    const side = sideOf(q);
    const { names, labels } = grouping(side, q.by);
    return { promql: sumBy(['status_code', ...names], rates('response_total', side, q)), labels: { ...labels, code: 'status_code' } };
  },
};

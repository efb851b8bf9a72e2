// Linkerd request telemetry (https://linkerd.io/2/reference/proxy-metrics/). Server-side figures read
// direction="inbound"; anything about the caller (grouping by source, edges, a source scope) can only
// come from the caller's proxy, direction="outbound", whose labels name both ends.
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { Dimension, Grouping, MeshQuery, QuantileQuestion, TrafficQuestion, TrafficScope } from './adapter';
import { checkWindow, quantile, ratio, sumBy } from './expr';

type Side = 'inbound' | 'outbound';
type Labels = Partial<Record<Dimension, string>>;

export const SIDE_LABELS: Record<Side, Labels> = {
  inbound: { namespace: 'namespace', service: 'deployment' },
  outbound: { namespace: 'dst_namespace', service: 'dst_deployment', sourceNamespace: 'namespace', sourceService: 'deployment' },
};

const GROUPS: Record<Grouping, readonly Dimension[]> = {
  mesh: [],
  namespace: ['namespace'],
  service: ['namespace', 'service'],
  source: ['sourceNamespace', 'sourceService'],
  edge: ['sourceNamespace', 'sourceService', 'namespace', 'service'],
};

export function sideOf(q: TrafficQuestion): Side {
  const aboutCaller = q.by === 'source' || q.by === 'edge' || q.sourceNamespace !== undefined || q.sourceService !== undefined;
  return aboutCaller ? 'outbound' : 'inbound';
}

export function grouping(side: Side, by: Grouping): { names: string[]; labels: Labels } {
  const map = SIDE_LABELS[side];
  const dims = GROUPS[by];
  return { names: dims.map((d) => map[d] ?? ''), labels: Object.fromEntries(dims.map((d) => [d, map[d] ?? ''])) };
}

export function linkerdSelector(side: Side, scope: TrafficScope, extra: Record<string, MatcherSpec> = {}): string {
  const map = SIDE_LABELS[side];
  const spec: Record<string, MatcherSpec> = { direction: side };
  const put = (dim: keyof TrafficScope) => {
    const label = map[dim];
    if (scope[dim] !== undefined && label) spec[label] = scope[dim];
  };
  (['namespace', 'service', 'sourceNamespace', 'sourceService'] as const).forEach(put);
  return matchers({ ...spec, ...extra });
}

function rateSum(q: TrafficQuestion, metric: string, extra: Record<string, MatcherSpec> = {}, side: Side = sideOf(q)): string {
  return sumBy(grouping(side, q.by).names, `rate(${metric}${linkerdSelector(side, q, extra)}[${checkWindow(q.window)}])`);
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
    return { promql: quantile(q.quantile, names, `rate(response_latency_ms_bucket${linkerdSelector(side, q)}[${checkWindow(q.window)}])`), labels };
  },
  latencyBuckets: (q: TrafficQuestion): MeshQuery => {
    const side = sideOf(q);
    const { names, labels } = grouping(side, q.by);
    return { promql: sumBy(['le', ...names], `rate(response_latency_ms_bucket${linkerdSelector(side, q)}[${checkWindow(q.window)}])`), labels: { ...labels, le: 'le' } };
  },
  statusCodes: (q: TrafficQuestion): MeshQuery => {
    const side = sideOf(q);
    const { names, labels } = grouping(side, q.by);
    return { promql: sumBy(['status_code', ...names], `rate(response_total${linkerdSelector(side, q)}[${checkWindow(q.window)}])`), labels: { ...labels, code: 'status_code' } };
  },
};

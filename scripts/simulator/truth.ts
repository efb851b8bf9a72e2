// The model's exact event counts for a window (from, to]: differences of the same integer counters
// the outputs expose, read at the window's ends. Prometheus' increase() is an estimate of these.
import type { Counter } from './counter';
import type { HttpStreams } from './streams';
import type { Workload } from './topology';
import { isClientError, isError } from './traffic';

export interface LatencyBucketCount {
  le: number; // Infinity for +Inf
  count: number; // cumulative
}

export interface TruthCounts {
  requests: number; // reporter="destination" (server side)
  errors: number; // 5xx and 0
  errorRatio: number | null; // null without requests
  fourxx: number;
  latencyBuckets: LatencyBucketCount[];
}

export interface ServiceTruth extends TruthCounts {
  id: string; // namespace/name
  namespace: string;
  service: string;
  team: string;
}

export interface EdgeTruth extends TruthCounts {
  source: string; // namespace/name
  target: string;
  mtls: boolean;
  mtlsRequests: number;
  mtlsRatio: number | null;
  sourceRequests: number; // reporter="source" (client side), includes requests that never left it
  sourceErrors: number;
  sourceErrorRatio: number | null;
}

export interface Truth {
  from: number;
  to: number;
  services: ServiceTruth[];
  edges: EdgeTruth[];
  mesh: { requests: number; errors: number; errorRatio: number | null };
}

export function increase(counter: Counter, from: number, to: number): number {
  if (to <= from) return 0;
  return counter.value(to) - counter.value(from);
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function emptyBuckets(les: readonly number[]): LatencyBucketCount[] {
  return les.map((le) => ({ le, count: 0 }));
}

function addBuckets(into: LatencyBucketCount[], from: readonly LatencyBucketCount[]): void {
  from.forEach((b, i) => {
    const target = into[i];
    if (target) target.count += b.count;
  });
}

function edgeTruth(s: HttpStreams, from: number, to: number): EdgeTruth {
  let requests = 0;
  let errors = 0;
  let fourxx = 0;
  let sourceRequests = 0;
  let sourceErrors = 0;
  for (const c of s.series) {
    const n = increase(c.counter, from, to);
    if (c.side === 'client') {
      sourceRequests += n;
      if (isError(c.cls.code)) sourceErrors += n;
      continue;
    }
    requests += n;
    if (isError(c.cls.code)) errors += n;
    if (isClientError(c.cls.code)) fourxx += n;
  }
  const les = s.histograms[0]?.buckets.map((b) => b.le) ?? [];
  const latencyBuckets = emptyBuckets(les);
  for (const h of s.histograms) addBuckets(latencyBuckets, h.buckets.map((b) => ({ le: b.le, count: increase(b.counter, from, to) })));
  const mtlsRequests = s.edge.mtls ? requests : 0;
  return {
    source: s.edge.source.id,
    target: s.edge.target.id,
    mtls: s.edge.mtls,
    requests,
    errors,
    errorRatio: ratio(errors, requests),
    fourxx,
    latencyBuckets,
    mtlsRequests,
    mtlsRatio: ratio(mtlsRequests, requests),
    sourceRequests,
    sourceErrors,
    sourceErrorRatio: ratio(sourceErrors, sourceRequests),
  };
}

/** Truth for every HTTP service that receives traffic, every HTTP edge, and the whole mesh. */
export function computeTruth(streams: readonly HttpStreams[], workloads: readonly Workload[], from: number, to: number): Truth {
  const edges = streams.map((s) => edgeTruth(s, from, to));
  const targets = workloads.filter((w) => edges.some((e) => e.target === w.id));
  const services = targets.map((w): ServiceTruth => {
    const incoming = edges.filter((e) => e.target === w.id);
    const requests = incoming.reduce((sum, e) => sum + e.requests, 0);
    const errors = incoming.reduce((sum, e) => sum + e.errors, 0);
    const latencyBuckets = emptyBuckets(incoming[0]?.latencyBuckets.map((b) => b.le) ?? []);
    for (const e of incoming) addBuckets(latencyBuckets, e.latencyBuckets);
    return {
      id: w.id,
      namespace: w.namespace,
      service: w.name,
      team: w.team,
      requests,
      errors,
      errorRatio: ratio(errors, requests),
      fourxx: incoming.reduce((sum, e) => sum + e.fourxx, 0),
      latencyBuckets,
    };
  });
  const requests = edges.reduce((sum, e) => sum + e.requests, 0);
  const errors = edges.reduce((sum, e) => sum + e.errors, 0);
  return { from, to, services, edges, mesh: { requests, errors, errorRatio: ratio(errors, requests) } };
}

// The model's exact event counts for a window (from, to]: differences of the same integer counters
// the outputs expose, read at the window's ends. Prometheus' increase() is an estimate of these.
import type { Counter } from './counter';
import type { HttpStreams } from './streams';
import type { PodEpoch, Workload } from './topology';
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

/** A service's figures in one cluster: the requests that cluster's pods served (server side). */
export interface ClusterTruth extends TruthCounts {
  cluster: string;
  region: string;
}

export interface ServiceTruth extends TruthCounts {
  id: string; // namespace/name
  namespace: string;
  service: string;
  team: string;
  /** One entry per cluster the service is deployed in; they sum to the all-clusters figures above. */
  byCluster: ClusterTruth[];
}

/** An edge's figures between one source cluster and one destination cluster. */
export interface EdgeClusterTruth {
  sourceCluster: string;
  targetCluster: string;
  requests: number; // server side
  errors: number;
  errorRatio: number | null;
  sourceRequests: number; // client side
  sourceErrors: number;
  sourceErrorRatio: number | null;
  endpointRequests: number;
  endpointErrors: number;
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
  /**
   * Requests the caller sent to a chosen endpoint: those that reached the server (`requests`) plus
   * those that failed to reach it (a partition's 503 UF), as per-endpoint counters (Linkerd's
   * outbound) count them; and their errors.
   */
  endpointRequests: number;
  endpointErrors: number;
  /** Per (source cluster, destination cluster) that carries traffic; sums to the figures above. */
  byCluster: EdgeClusterTruth[];
}

export interface Truth {
  from: number;
  to: number;
  services: ServiceTruth[];
  edges: EdgeTruth[];
  mesh: { requests: number; errors: number; errorRatio: number | null; byCluster: Array<{ cluster: string; region: string; requests: number; errors: number; errorRatio: number | null }> };
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

interface Tally {
  requests: number;
  errors: number;
  fourxx: number;
  sourceRequests: number;
  sourceErrors: number;
  endpointRequests: number;
  endpointErrors: number;
  latencyBuckets: LatencyBucketCount[];
}

function emptyTally(les: readonly number[]): Tally {
  return { requests: 0, errors: 0, fourxx: 0, sourceRequests: 0, sourceErrors: 0, endpointRequests: 0, endpointErrors: 0, latencyBuckets: emptyBuckets(les) };
}

/** Counts of one edge's series in (from, to], by (source cluster, destination cluster). */
function edgeTallies(s: HttpStreams, from: number, to: number): Map<string, Tally & { sourceCluster: string; targetCluster: string }> {
  const les = s.histograms[0]?.buckets.map((b) => b.le) ?? [];
  const tallies = new Map<string, Tally & { sourceCluster: string; targetCluster: string }>();
  const tallyOf = (src: PodEpoch, dst: PodEpoch) => {
    const key = `${src.cluster}->${dst.cluster}`;
    let t = tallies.get(key);
    if (!t) {
      t = { ...emptyTally(les), sourceCluster: src.cluster, targetCluster: dst.cluster };
      tallies.set(key, t);
    }
    return t;
  };
  for (const c of s.series) {
    const n = increase(c.counter, from, to);
    const t = tallyOf(c.src, c.dst);
    if (c.side === 'server' || c.cls.endpoint === true) {
      t.endpointRequests += n;
      if (isError(c.cls.code)) t.endpointErrors += n;
    }
    if (c.side === 'client') {
      t.sourceRequests += n;
      if (isError(c.cls.code)) t.sourceErrors += n;
      continue;
    }
    t.requests += n;
    if (isError(c.cls.code)) t.errors += n;
    if (isClientError(c.cls.code)) t.fourxx += n;
  }
  for (const h of s.histograms) addBuckets(tallyOf(h.src, h.dst).latencyBuckets, h.buckets.map((b) => ({ le: b.le, count: increase(b.counter, from, to) })));
  return tallies;
}

function sumTallies(list: readonly Tally[], les: readonly number[]): Tally {
  const total = emptyTally(les);
  for (const t of list) {
    total.requests += t.requests;
    total.errors += t.errors;
    total.fourxx += t.fourxx;
    total.sourceRequests += t.sourceRequests;
    total.sourceErrors += t.sourceErrors;
    total.endpointRequests += t.endpointRequests;
    total.endpointErrors += t.endpointErrors;
    addBuckets(total.latencyBuckets, t.latencyBuckets);
  }
  return total;
}

function edgeTruth(s: HttpStreams, from: number, to: number): EdgeTruth & { tallies: Array<Tally & { sourceCluster: string; targetCluster: string }> } {
  const tallies = [...edgeTallies(s, from, to).values()];
  const les = s.histograms[0]?.buckets.map((b) => b.le) ?? [];
  const { requests, errors, fourxx, sourceRequests, sourceErrors, endpointRequests, endpointErrors, latencyBuckets } = sumTallies(tallies, les);
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
    endpointRequests,
    endpointErrors,
    byCluster: tallies.map((t) => ({
      sourceCluster: t.sourceCluster,
      targetCluster: t.targetCluster,
      requests: t.requests,
      errors: t.errors,
      errorRatio: ratio(t.errors, t.requests),
      sourceRequests: t.sourceRequests,
      sourceErrors: t.sourceErrors,
      sourceErrorRatio: ratio(t.sourceErrors, t.sourceRequests),
      endpointRequests: t.endpointRequests,
      endpointErrors: t.endpointErrors,
    })),
    tallies,
  };
}

/** Truth for every HTTP service that receives traffic, every HTTP edge, and the whole mesh. */
export function computeTruth(
  streams: readonly HttpStreams[],
  workloads: readonly Workload[],
  clusters: ReadonlyArray<{ cluster: string; region: string }>,
  from: number,
  to: number,
): Truth {
  const regionOf = (cluster: string) => clusters.find((c) => c.cluster === cluster)?.region ?? cluster;
  const full = streams.map((s) => edgeTruth(s, from, to));
  const targets = workloads.filter((w) => full.some((e) => e.target === w.id));
  const services = targets.map((w): ServiceTruth => {
    const incoming = full.filter((e) => e.target === w.id);
    const les = incoming[0]?.latencyBuckets.map((b) => b.le) ?? [];
    const total = sumTallies(incoming.flatMap((e) => e.tallies), les);
    const byCluster = w.clusters.map((cluster): ClusterTruth => {
      const mine = sumTallies(incoming.flatMap((e) => e.tallies.filter((t) => t.targetCluster === cluster)), les);
      return { cluster, region: regionOf(cluster), ...counts(mine) };
    });
    return { id: w.id, namespace: w.namespace, service: w.name, team: w.team, ...counts(total), byCluster };
  });
  const edges = full.map(({ tallies: _tallies, ...edge }): EdgeTruth => edge);
  const requests = edges.reduce((sum, e) => sum + e.requests, 0);
  const errors = edges.reduce((sum, e) => sum + e.errors, 0);
  const meshByCluster = clusters.map(({ cluster, region }) => {
    const mine = edges.flatMap((e) => e.byCluster.filter((b) => b.targetCluster === cluster));
    const r = mine.reduce((sum, b) => sum + b.requests, 0);
    const x = mine.reduce((sum, b) => sum + b.errors, 0);
    return { cluster, region, requests: r, errors: x, errorRatio: ratio(x, r) };
  });
  return { from, to, services, edges, mesh: { requests, errors, errorRatio: ratio(errors, requests), byCluster: meshByCluster } };
}

function counts(t: Tally): TruthCounts {
  return { requests: t.requests, errors: t.errors, errorRatio: ratio(t.errors, t.requests), fourxx: t.fourxx, latencyBuckets: t.latencyBuckets };
}

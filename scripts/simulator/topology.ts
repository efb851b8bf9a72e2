// The online shop: workloads, teams and edges with their peak request rates.
import { between, token } from './rng';
import type { Timeline } from './timeline';

export type Mesh = 'istio' | 'linkerd';
export type Protocol = 'http' | 'tcp';
export type WorkloadKind = 'gateway' | 'service' | 'database';

/** Teams own namespaces. */
export const TEAMS: Readonly<Record<string, string>> = {
  shop: 'storefront',
  payments: 'payments',
  platform: 'platform',
  'istio-system': 'platform',
  'ingress-nginx': 'platform',
};

/** The one plaintext edge (connection_security_policy="none" / tls="no_identity"). */
export const PLAINTEXT_EDGE = { source: 'shop/checkout', target: 'platform/notifications' } as const;
/** The edge where 70% of calls are 404s (a caller bug, not the callee's error). */
export const NOT_FOUND_EDGE = { source: 'shop/search', target: 'shop/reviews' } as const;
/** The very-low-traffic service (3 requests per hour at peak). */
export const LOW_TRAFFIC_SERVICE = 'platform/audit-export';

/** Every workload runs in the home cluster; one service also runs in a second region. */
export const HOME_CLUSTER = 'prod-us-east';
export const REMOTE_CLUSTER = 'prod-eu-west';
export const CLUSTERS: ReadonlyArray<{ cluster: string; region: string }> = [
  { cluster: HOME_CLUSTER, region: 'us-east' },
  { cluster: REMOTE_CLUSTER, region: 'eu-west' },
];
/** CLUSTERS in MESHWATCH_REGIONS' form (`cluster=region,...`), for the demo's and the tests' app. */
export const REGIONS_SETTING = CLUSTERS.map((c) => `${c.cluster}=${c.region}`).join(',');
/** The service deployed in both clusters (same namespace and name, its own pods in each). */
export const MULTI_CLUSTER_SERVICE = 'shop/reviews';
/** Share of the split edges' traffic each cluster's pods carry. */
export const CLUSTER_SHARE: Readonly<Record<string, number>> = { [HOME_CLUSTER]: 0.6, [REMOTE_CLUSTER]: 0.4 };
/**
 * Edges whose traffic is split between the clusters of the multi-cluster service, by the cluster of
 * whichever end runs in both (frontend's calls to reviews, reviews' calls to inventory); every other
 * edge touching that service stays in the home cluster.
 */
const SPLIT_EDGES: ReadonlySet<string> = new Set(['shop/frontend->shop/reviews', 'shop/reviews->platform/inventory']);

const GATEWAY = 'gateway';

/** [source, target, peak requests per second]; `gateway` is the mesh's ingress. */
const HTTP_EDGES: ReadonlyArray<readonly [string, string, number]> = [
  [GATEWAY, 'shop/frontend', 120],
  ['shop/frontend', 'shop/catalog', 80],
  ['shop/frontend', 'shop/search', 30],
  ['shop/frontend', 'shop/cart', 40],
  ['shop/frontend', 'shop/recommendations', 60],
  ['shop/frontend', 'shop/reviews', 25],
  ['shop/frontend', 'shop/checkout', 8],
  ['shop/catalog', 'platform/inventory', 50],
  ['shop/recommendations', 'shop/catalog', 40],
  ['shop/cart', 'platform/inventory', 20],
  ['shop/checkout', 'shop/cart', 8],
  ['shop/checkout', 'payments/payments', 7],
  ['payments/payments', 'payments/fraud-check', 7],
  ['payments/payments', 'payments/ledger', 7],
  ['shop/checkout', 'platform/notifications', 6],
  ['shop/search', 'shop/reviews', 5],
  ['shop/reviews', 'platform/inventory', 10],
  ['payments/ledger', 'platform/audit-export', 3 / 3600],
];

/** [source, target, peak new connections per second, request bytes per connection, response bytes]. */
const TCP_EDGES: ReadonlyArray<readonly [string, string, number, number, number]> = [
  ['shop/cart', 'platform/redis', 4, 2_400, 9_600],
  ['payments/ledger', 'payments/postgres', 0.8, 18_000, 6_500],
];

/** Server-side median latency (ms) and log-normal sigma of each HTTP service. */
export const SERVICE_LATENCY: Readonly<Record<string, readonly [number, number]>> = {
  'shop/frontend': [45, 0.6],
  'shop/catalog': [12, 0.5],
  'shop/search': [35, 0.6],
  'shop/cart': [8, 0.5],
  'shop/recommendations': [25, 0.55],
  'shop/reviews': [10, 0.5],
  'shop/checkout': [140, 0.6],
  'platform/inventory': [4, 0.45],
  'payments/payments': [90, 0.55],
  'payments/fraud-check': [40, 0.5],
  'payments/ledger': [15, 0.5],
  'platform/notifications': [20, 0.5],
  'platform/audit-export': [300, 0.6],
};

export interface PodEpoch {
  workload: Workload;
  cluster: string; // the Kubernetes cluster the pod runs in
  revision: string; // canonical revision / version label
  pod: string;
  ip: string;
  from: number; // the pod exists in [from, to)
  to: number;
}

export interface Workload {
  id: string; // namespace/name
  baseId: string; // the shop workload this one copies (itself unless it is a replica)
  namespace: string;
  name: string;
  team: string;
  kind: WorkloadKind;
  protocol: Protocol;
  serviceAccount: string;
  clusters: string[]; // the clusters it is deployed in, home cluster first
  epochs: PodEpoch[];
}

export interface HttpEdge {
  id: string; // source->target
  key: string; // mesh-neutral id for seeding, so Istio and Linkerd renderings carry the same traffic
  source: Workload;
  target: Workload;
  peakRps: number;
  mtls: boolean;
  /** Share of the edge's traffic a (source pod, destination pod) pair carries, by their clusters. */
  clusterShare: (src: PodEpoch, dst: PodEpoch) => number;
}

export interface TcpEdge {
  id: string;
  key: string;
  source: Workload;
  target: Workload;
  peakConnections: number;
  requestBytes: number; // per connection, client -> server
  responseBytes: number; // per connection, server -> client
}

export interface Topology {
  workloads: Workload[];
  httpEdges: HttpEdge[];
  tcpEdges: TcpEdge[];
  byId: ReadonlyMap<string, Workload>;
}

/** Kubernetes' pod-name suffix alphabet (no vowels, no look-alikes). */
const POD_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function gatewayId(mesh: Mesh): string {
  return mesh === 'istio' ? 'istio-system/istio-ingressgateway' : 'ingress-nginx/ingress-nginx-controller';
}

/**
 * Replica r >= 2 of the shop lives in namespaces `<ns>-r` behind the same gateway, with the same
 * traffic but none of the scripted incidents: a larger, quiet mesh for benchmarks.
 */
function replicate<T extends readonly [string, string, ...number[]]>(edges: ReadonlyArray<T>, replicas: number, baseIds: Map<string, string>): T[] {
  const out: T[] = [...edges];
  for (let r = 2; r <= replicas; r += 1) {
    const rep = (id: string) => {
      if (id === GATEWAY) return id;
      const [ns = '', name = ''] = id.split('/');
      const copy = `${ns}-${r}/${name}`;
      baseIds.set(copy, id);
      return copy;
    };
    for (const [s, t, ...rest] of edges) out.push([rep(s), rep(t), ...rest] as unknown as T);
  }
  return out;
}

export function createTopology(seed: number, mesh: Mesh, timeline: Timeline, replicas = 1): Topology {
  const resolve = (id: string) => (id === GATEWAY ? gatewayId(mesh) : id);
  const baseIds = new Map<string, string>();
  const httpEdgeList = replicate(HTTP_EDGES, replicas, baseIds);
  const tcpEdgeList = replicate(TCP_EDGES, replicas, baseIds);
  const ids = new Set<string>();
  for (const [s, t] of httpEdgeList) ids.add(resolve(s)).add(resolve(t));
  for (const [s, t] of tcpEdgeList) ids.add(s).add(t);
  const tcpTargets = new Set(tcpEdgeList.map(([, t]) => t));
  const workloads = [...ids].sort().map((id, index): Workload => {
    const [namespace = '', name = ''] = id.split('/');
    const kind: WorkloadKind = id === gatewayId(mesh) ? 'gateway' : tcpTargets.has(id) ? 'database' : 'service';
    const baseId = baseIds.get(id) ?? id;
    const w: Workload = {
      id,
      baseId,
      namespace,
      name,
      team: TEAMS[baseId.split('/')[0] ?? ''] ?? 'platform',
      kind,
      protocol: tcpTargets.has(id) ? 'tcp' : 'http',
      serviceAccount: kind === 'gateway' && mesh === 'istio' ? 'istio-ingressgateway-service-account' : name,
      clusters: [HOME_CLUSTER],
      epochs: [],
    };
    const revisions: Array<[string, number, number]> =
      id === 'shop/catalog'
        ? [['v1', timeline.epoch, timeline.deploy], ['v2', timeline.deploy, Number.POSITIVE_INFINITY]]
        : [['v1', timeline.epoch, Number.POSITIVE_INFINITY]];
    w.clusters = id === MULTI_CLUSTER_SERVICE ? [HOME_CLUSTER, REMOTE_CLUSTER] : [HOME_CLUSTER];
    w.epochs = w.clusters.flatMap((cluster) =>
      revisions.map(([revision, from, to], r): PodEpoch => {
        // Home-cluster pods keep the seeds they had before there were clusters.
        const key = cluster === HOME_CLUSTER ? `${id}:${revision}` : `${id}:${revision}:${cluster}`;
        const rkey = cluster === HOME_CLUSTER ? `${id}:${r}` : `${id}:${r}:${cluster}`;
        const subnet = cluster === HOME_CLUSTER ? 12 + (index % 4) : 44 + (index % 4);
        return {
          workload: w,
          cluster,
          revision,
          pod: `${name}-${token(seed, `${key}:rs`, 'abcdef0123456789', 9)}-${token(seed, `${key}:pod`, POD_ALPHABET, 5)}`,
          ip: `10.${subnet}.${Math.floor(between(seed, `${rkey}:ip3`, 0, 250))}.${Math.floor(between(seed, `${rkey}:ip4`, 2, 250))}`,
          from,
          to,
        };
      }),
    );
    return w;
  });
  const byId = new Map(workloads.map((w) => [w.id, w]));
  const get = (id: string): Workload => {
    const w = byId.get(resolve(id));
    if (!w) throw new Error(`unknown workload ${id}`);
    return w;
  };
  const httpEdges = httpEdgeList.map(([s, t, peakRps]): HttpEdge => {
    const source = get(s);
    const target = get(t);
    const mtls = !(source.id === PLAINTEXT_EDGE.source && target.id === PLAINTEXT_EDGE.target);
    const key = `${s}->${t}`;
    const split = SPLIT_EDGES.has(key);
    const clusterShare = (src: PodEpoch, dst: PodEpoch): number => {
      // The end that runs in more than one cluster decides; an edge runs in the home cluster otherwise.
      const multi = source.clusters.length > 1 ? src.cluster : target.clusters.length > 1 ? dst.cluster : HOME_CLUSTER;
      if (split) return CLUSTER_SHARE[multi] ?? 0;
      return multi === HOME_CLUSTER ? 1 : 0;
    };
    return { id: `${source.id}->${target.id}`, key, source, target, peakRps, mtls, clusterShare };
  });
  const tcpEdges = tcpEdgeList.map(([s, t, peakConnections, requestBytes, responseBytes]): TcpEdge => ({
    id: `${s}->${t}`,
    key: `${s}->${t}`,
    source: get(s),
    target: get(t),
    peakConnections,
    requestBytes,
    responseBytes,
  }));
  return { workloads, httpEdges, tcpEdges, byId };
}

/** Pairs of (source pod, target pod) that coexist, with the span they coexist for. */
export function epochPairs(source: Workload, target: Workload): Array<{ src: PodEpoch; dst: PodEpoch; from: number; to: number }> {
  const pairs = [];
  for (const src of source.epochs) {
    for (const dst of target.epochs) {
      const from = Math.max(src.from, dst.from);
      const to = Math.min(src.to, dst.to);
      if (from < to) pairs.push({ src, dst, from, to });
    }
  }
  return pairs;
}

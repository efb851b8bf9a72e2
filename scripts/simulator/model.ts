// createModel: one seeded, deterministic model of the shop's mesh; every output derives from it.
import { istioControlPlaneFamilies, linkerdControlPlaneFamilies } from './control-plane';
import { envoyRetryFamilies } from './envoy';
import { podFamilies } from './pods';
import { istioHttpFamilies, istioTcpFamilies } from './istio';
import { LATENCY_BUCKETS_MS } from './latency';
import { linkerdHttpFamilies, linkerdTcpFamilies } from './linkerd';
import type { Family } from './series';
import { httpStreams, tcpStreams, type HttpStreams } from './streams';
import { createTimeline, MODEL_EPOCH_DAYS, type Span, type TimelineEvent } from './timeline';
import { CLUSTERS, createTopology, LOW_TRAFFIC_SERVICE, NOT_FOUND_EDGE, PLAINTEXT_EDGE, type Mesh, type Protocol, type WorkloadKind } from './topology';
import { backgroundErrorShare, retryShares } from './traffic';
import { computeTruth, type Truth } from './truth';

export interface ModelOptions {
  seed: number;
  anchor: number; // unix seconds: the story's "now"
  mesh?: Mesh;
  /** Copies of the shop in namespaces `<ns>-2`..`<ns>-N` (quiet, for benchmarks); default 1. */
  replicas?: number;
  /** Regional partitions besides the scripted one (the live demo injects them on demand). */
  partitions?: Span[];
}

export interface ServiceInfo {
  id: string; // namespace/name
  namespace: string;
  name: string;
  team: string;
  kind: WorkloadKind;
  protocol: Protocol;
  backgroundErrorRatio: number | null; // seeded 500 share (HTTP services only)
  /** The clusters it is deployed in (the home cluster first). */
  clusters: string[];
  pods: Array<{ pod: string; cluster: string; revision: string; from: number; to: number | null }>;
}

export interface EdgeInfo {
  source: string;
  target: string;
  protocol: Protocol;
  peakRps: number; // HTTP requests/s, TCP connections/s
  mtls: boolean;
}

export interface ModelFacts {
  plaintextEdge: { source: string; target: string };
  notFoundEdge: { source: string; target: string; share: number };
  lowTrafficService: string;
  rootCertExpiry: number;
  /** Earliest time with data: histories may not start before it. */
  epoch: number;
  latencyBucketsMs: number[];
  /** The clusters of the mesh and their regions (MESHWATCH_REGIONS for the demo and the tests). */
  clusters: Array<{ cluster: string; region: string }>;
}

export interface Model {
  seed: number;
  anchor: number;
  mesh: Mesh;
  services: ServiceInfo[];
  edges: EdgeInfo[];
  timeline: TimelineEvent[];
  facts: ModelFacts;
  families: Family[];
  truth(from: number, to: number): Truth;
  /** The same model with these regional partitions added (from their start on, counters stay continuous). */
  withPartitions(partitions: readonly Span[]): Model;
}

export function createModel(options: ModelOptions): Model {
  const { seed, anchor } = options;
  const mesh = options.mesh ?? 'istio';
  if (!Number.isInteger(anchor)) throw new Error(`anchor must be whole unix seconds, got ${anchor}`);
  const timeline = createTimeline(anchor, options.partitions ?? []);
  const topology = createTopology(seed, mesh, timeline, options.replicas ?? 1);
  const ctx = { seed, timeline };
  const http: HttpStreams[] = httpStreams(ctx, topology);
  const tcp = tcpStreams(ctx, topology);
  const infra = { ...ctx, mesh, topology, http, tcp };
  const stormEdge = topology.httpEdges.find((e) => e.source.id === 'shop/recommendations' && e.target.id === 'shop/catalog');
  const families: Family[] =
    mesh === 'istio'
      ? [
          ...istioHttpFamilies(http),
          ...istioTcpFamilies(tcp),
          ...(stormEdge ? envoyRetryFamilies(infra, retryShares(stormEdge, timeline)) : []),
          ...istioControlPlaneFamilies(infra),
          ...podFamilies(infra),
        ]
      : [...linkerdHttpFamilies(http), ...linkerdTcpFamilies(tcp), ...linkerdControlPlaneFamilies(infra), ...podFamilies(infra)];

  const services = topology.workloads.map((w): ServiceInfo => ({
    id: w.id,
    namespace: w.namespace,
    name: w.name,
    team: w.team,
    kind: w.kind,
    protocol: w.protocol,
    backgroundErrorRatio: w.protocol === 'http' && w.kind !== 'gateway' ? backgroundErrorShare(seed, w.id) : null,
    clusters: [...w.clusters],
    pods: w.epochs.map((e) => ({ pod: e.pod, cluster: e.cluster, revision: e.revision, from: e.from, to: Number.isFinite(e.to) ? e.to : null })),
  }));
  const edges: EdgeInfo[] = [
    ...topology.httpEdges.map((e) => ({ source: e.source.id, target: e.target.id, protocol: 'http' as const, peakRps: e.peakRps, mtls: e.mtls })),
    ...topology.tcpEdges.map((e) => ({ source: e.source.id, target: e.target.id, protocol: 'tcp' as const, peakRps: e.peakConnections, mtls: true })),
  ];
  return {
    seed,
    anchor,
    mesh,
    services,
    edges,
    timeline: timeline.events,
    facts: {
      plaintextEdge: { ...PLAINTEXT_EDGE },
      notFoundEdge: { ...NOT_FOUND_EDGE, share: 0.7 },
      lowTrafficService: LOW_TRAFFIC_SERVICE,
      rootCertExpiry: timeline.rootCertExpiry,
      epoch: timeline.epoch,
      latencyBucketsMs: [...LATENCY_BUCKETS_MS],
      clusters: CLUSTERS.map((c) => ({ ...c })),
    },
    families,
    truth: (from, to) => computeTruth(http, topology.workloads, CLUSTERS, from, to),
    withPartitions: (partitions) => createModel({ ...options, partitions: [...(options.partitions ?? []), ...partitions] }),
  };
}

export { MODEL_EPOCH_DAYS };

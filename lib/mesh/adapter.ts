// The mesh adapter contract: mesh-neutral questions in, PromQL strings out, plus the label that
// carries each dimension of the answer (label names differ by mesh, and in Linkerd even by query).
// Pure: no I/O, no React, no Next.
import type { EditorHints } from './editor';
import type { GraphQueries, GraphQuestion } from './graph';
import type { SeriesId, SliSource } from '@/lib/slo/sli-source';
import type { MeshKind, ServiceSummaryParams, ServiceSummaryQueries } from './types';

/** A mesh-neutral dimension of a result vector. */
export type Dimension =
  | 'namespace' // destination namespace
  | 'service' // destination service
  | 'sourceNamespace'
  | 'sourceService' // the calling workload
  | 'workloadNamespace' // the serving workload, where it differs from the service
  | 'workload'
  | 'le'
  | 'code'
  | 'flag'
  | 'revision'
  | 'pod'
  | 'direction' // 'inbound' | 'outbound'
  | 'upstream' // Envoy upstream cluster (a destination host, not a mesh cluster)
  | 'cluster' // the mesh cluster that served the request (or of a pod, for pod-level series)
  | 'sourceCluster' // the mesh cluster of the caller
  | 'cert'
  | 'lease' // a Kubernetes Lease (leader election)
  | 'holder'; // who holds a lease

export interface MeshQuery {
  promql: string;
  /** Which label of the result carries each dimension the query groups by. */
  labels: Partial<Record<Dimension, string>>;
}

/** A signal this mesh (or its default configuration) does not report, and how to get it. */
export interface Unsupported {
  unsupported: string;
  howToEnable?: string;
}

export function isUnsupported(value: object): value is Unsupported {
  return 'unsupported' in value;
}

/**
 * How traffic results are grouped: by destination (`namespace`, `service`), by caller (`source`),
 * by both (`edge`), or not at all (`mesh`). Grouping happens in PromQL, so one query answers for
 * every service and the query count never grows with the mesh.
 */
export type Grouping = 'mesh' | 'namespace' | 'service' | 'source' | 'edge';

/** Restricts traffic to a destination and/or a caller; every value is escaped before it enters PromQL. */
export interface TrafficScope {
  namespace?: string;
  service?: string;
  /** The mesh cluster that served the requests (multi-cluster meshes). */
  cluster?: string;
  sourceNamespace?: string;
  sourceService?: string;
  /** The mesh cluster of the callers. */
  sourceCluster?: string;
}

/** Where a mesh says which clusters it spans: the values of `label` on the series `match` selects. */
export interface ClusterDiscovery {
  label: string;
  match: string;
}

export interface TrafficQuestion extends TrafficScope {
  /** PromQL range duration of the rate, e.g. `5m` or `30d`. */
  window: string;
  by: Grouping;
}

export interface QuantileQuestion extends TrafficQuestion {
  /** 0 < quantile < 1, e.g. 0.95. */
  quantile: number;
}

export interface FlagQuestion extends TrafficQuestion {
  /** Only these flags (e.g. URX, UO); default: every flag except "no flag". */
  flags?: readonly string[];
}

export interface RetryQueries {
  retries: MeshQuery;
  retryOverflow: MeshQuery;
  pendingOverflow: MeshQuery;
  /** What response flags say when the proxy stats above are not exported. */
  fallbackFlags: MeshQuery;
  /** Why the stats are not shown when absent (it names the mesh's own metrics). */
  whenAbsent: string;
  /** Shown when the stats are absent. */
  howToEnable: string;
}

/** Control-plane signals, each grouped by control-plane `pod`. */
export interface ControlPlaneQueries {
  up: MeshQuery;
  connectedProxies: MeshQuery;
  pushesPerSecond: MeshQuery;
  rejects: MeshQuery;
  /** Seconds. */
  convergenceP99: MeshQuery;
  /** What to say when none of these has a sample (the control plane is not scraped). */
  whenAbsent: { reason: string; howToEnable: string };
}

/** The control plane's leader-election leases (Kubernetes Lease objects, via kube-state-metrics). */
export interface LeaderLeaseQueries {
  /** One sample per lease and its holder (`lease`, `holder` dimensions). */
  owner: MeshQuery;
  /** Unix seconds of each lease's last renewal (`lease` dimension). */
  renewTime: MeshQuery;
}

export interface CertExpiryQuery {
  /** Unix seconds of expiry, one sample per certificate (`cert` dimension). */
  query: MeshQuery;
  /** Human names of the certificates, keyed by the `cert` label value. */
  names: Readonly<Record<string, string>>;
}

export interface ProxyResourceQueries {
  /** Cores, averaged over the window, top `limit` pods. */
  cpu: MeshQuery;
  /** Bytes, peak over the window, top `limit` pods. */
  memory: MeshQuery;
  /** Container restarts in the window, pods with any. */
  restarts: MeshQuery;
  /** Restart counter per pod (a range query shows when each restart happened). */
  restartCounts: MeshQuery;
}

export interface TcpQueries {
  /** Connections opened per second, by pod and direction. */
  opened: MeshQuery;
  /** Connections open (opened - closed), by pod and direction. */
  open: MeshQuery;
}

/** A certificate-expiry input series for rule tests, and whether its value is the expiry time or the seconds left. */
export interface CertSeries {
  series: SeriesId;
  reads: 'expiry-timestamp' | 'seconds-left';
  /** The labels the seconds-left expression's sample carries for this series. */
  resultLabels: Record<string, string>;
}

/** Input series of the mesh-health rules' promtool tests, in the mesh's own names. */
export interface HealthTestSeries {
  /** Series whose presence says the control plane is up (all vanish in an outage). */
  controlPlaneUp: SeriesId[];
  /** Counter of rejected config pushes (absent where the mesh has none). */
  configRejects?: SeriesId;
  /** Gauge of proxies connected to the control plane. */
  connectedProxies?: SeriesId;
  caCert: CertSeries;
  workloadCert?: CertSeries;
  /** kube-state-metrics' restart counter of one proxy container. */
  restarts: SeriesId;
  /** kube-state-metrics' last-terminated-reason gauge of the same container, reason OOMKilled. */
  oomReason: SeriesId;
}

/**
 * PromQL the mesh-health alerts are written over (lib/mesh-alerts compares them with thresholds).
 * Every expression answers mesh-wide; each result sample is one thing to alert on.
 */
export interface MeshHealthSignals {
  /** A sample while the control plane is down, not ready or no longer reports (its metrics vanished). */
  controlPlaneDown: string;
  /** What controlPlaneDown reads, in words, for the runbook. */
  controlPlaneText: string;
  /** Config updates the proxies rejected over `window`, per control-plane pod. */
  configRejects: ((window: string) => string) | Unsupported;
  /** Proxies connected to the control plane, one mesh-wide sample, optionally `offset` ago. */
  connectedProxies: ((offset?: string) => string) | Unsupported;
  /** Seconds left on the mesh CA's certificates, one sample per certificate (label `cert`). */
  caCertSecondsLeft: string;
  caCertText: string;
  /** Seconds left on each proxy's workload certificate, by namespace and pod. */
  workloadCertSecondsLeft: string | Unsupported;
  workloadCertText: string;
  /** Proxy containers restarted after an OOM kill within `window`, by namespace and pod. */
  proxyOomKills(window: string): string;
  /** Proxy container restarts within `window`, by namespace and pod. */
  proxyRestarts(window: string): string;
  testSeries: HealthTestSeries;
}

export interface MeshAdapter {
  readonly kind: MeshKind;
  /** The counters SLIs are computed from (availability, latency), for lib/slo's rules and queries. */
  readonly sli: SliSource;
  /** Request rate, success ratio and p95 latency per destination service (the services table). */
  serviceSummaryQueries(params: ServiceSummaryParams): ServiceSummaryQueries;

  /** Requests per second, server side. */
  requestRate(q: TrafficQuestion): MeshQuery;
  /** Failed requests per second (5xx and resets; 4xx are the caller's). */
  errorRate(q: TrafficQuestion): MeshQuery;
  /** errors / requests; groups without traffic have no sample (never 0/0). */
  errorRatio(q: TrafficQuestion): MeshQuery;
  /**
   * What callers got: requests per second as the calling proxies (meshed callers and the ingress
   * gateway) report them, one per request after the proxy's retries, including requests the caller's
   * proxy failed itself (no healthy upstream, circuit open). The server-side figures above count
   * every attempt that reached a server instead.
   */
  callerRequestRate(q: TrafficQuestion): MeshQuery;
  /** How this mesh's caller-side counts relate to requests and retries, in words for the reader. */
  readonly callerSide: string;
  /** Failed / all requests as the callers report them (see callerRequestRate); no sample without traffic. */
  callerErrorRatio(q: TrafficQuestion): MeshQuery;
  /** Share of requests over mutual TLS; no sample without traffic. */
  mtlsRatio(q: TrafficQuestion): MeshQuery;
  /** Requests per second not over mutual TLS, only groups that have any. */
  plaintextRate(q: TrafficQuestion): MeshQuery;
  /** Latency quantile in milliseconds (NaN without traffic). */
  latencyQuantile(q: QuantileQuestion): MeshQuery;
  /** Cumulative observations per second per histogram bucket (`le` as in the data). */
  latencyBuckets(q: TrafficQuestion): MeshQuery;
  /** Responses per second by status code. */
  statusCodes(q: TrafficQuestion): MeshQuery;
  /** Responses per second by proxy response flag (as the caller's proxy saw them). */
  responseFlags(q: FlagQuestion): MeshQuery | Unsupported;
  /** Proxy retry and circuit-breaker counters per upstream cluster. */
  retryStats(q: { window: string; namespace?: string; cluster?: string }): RetryQueries | Unsupported;
  controlPlane(q: { window: string; cluster?: string }): ControlPlaneQueries | Unsupported;
  certExpiry(q?: { cluster?: string }): CertExpiryQuery;
  /** Unix seconds when the earliest workload (proxy) certificate expires, one sample; Unsupported where not exported. */
  workloadCertExpiry(q: { namespace?: string; cluster?: string }): MeshQuery | Unsupported;
  /** The signals the generated mesh-health alerts read. */
  healthSignals(): MeshHealthSignals;
  /** The control plane's leader leases (istiod in istio-system, Linkerd's controllers in linkerd). */
  leaderLeases(q?: { cluster?: string }): LeaderLeaseQueries;
  proxyResources(q: { window: string; namespace?: string; cluster?: string; limit: number }): ProxyResourceQueries;
  /** One series per (namespace, service, revision) while that revision serves: a range query shows rollouts. */
  revisions(q: { namespace?: string; service?: string; cluster?: string }): MeshQuery | Unsupported;
  /**
   * One sample per (namespace, service, revision) for each revision that serves requests now and served
   * none `since` ago (a rollout, or a canary, started within `since`): the MeshwatchRollout alert.
   */
  rolloutStarted(q: { since: string }): MeshQuery;
  tcpConnections(q: { window: string; namespace: string; service: string; cluster?: string }): TcpQueries;
  /**
   * Labels that name a destination service on this mesh's series, hence on alert rules written over
   * them, in order of preference (e.g. to group firing alerts by the service they affect).
   */
  readonly serviceLabelNames: { readonly namespace: readonly string[]; readonly service: readonly string[] };
  /** Completion data and a starting custom ratio for the SLO form's PromQL editor. */
  readonly editorHints: EditorHints;
  /** The service graph's constant set of queries, and how this mesh names gateways and callers. */
  graphQueries(q: GraphQuestion): GraphQueries;
  /** Selector of the series a service's own proxies export (to find its scrape targets). */
  serviceSelector(q: { namespace: string; service: string; cluster?: string }): string;
  /** Selector whose exemplars (trace ids) belong to a service's requests. */
  exemplarSelector(q: { namespace: string; service: string; cluster?: string }): string;
  /**
   * The clusters the mesh spans (one label-values call; a single-cluster mesh has one or none). The
   * cluster that served a request is `cluster` in traffic results; pod-level series carry it too.
   */
  readonly clusterDiscovery: ClusterDiscovery;
}

// Graph-specific PromQL: every query groups by the edge (or node) labels in PromQL, so the number
// of queries is constant whatever the mesh size. Values enter only through `matchers` (escaped).
import { checkWindow, sumBy } from '@/lib/mesh/expr';
import { DURATION_BUCKETS, ISTIO_ERROR_CODES, ISTIO_LABELS, REQUESTS } from '@/lib/mesh/istio-traffic';
import { matchers, type MatcherSpec } from '@/lib/promql';

/** What a node is: a service (the callee's Kubernetes service) or a workload (its deployment). */
export const GRAPH_VIEWS = ['service', 'workload'] as const;
export type GraphView = (typeof GRAPH_VIEWS)[number];

/** The labels naming an edge's two ends in one view. Callers are workloads in both views. */
export interface ViewLabels {
  sourceNamespace: string;
  source: string;
  targetNamespace: string;
  target: string;
  /** Grouped into the node request rate too, so a node can list the revisions it served. */
  revision?: string;
  /**
   * Service view: a caller is reported as a workload (`reviews-v2`) while a callee is a service
   * (`reviews`). When set, callers that back a service are drawn as that service (see workloadServices).
   */
  callersAsServices?: boolean;
}

export const VIEW_LABELS: Record<GraphView, ViewLabels> = {
  service: {
    sourceNamespace: ISTIO_LABELS.sourceNamespace,
    source: ISTIO_LABELS.sourceService,
    targetNamespace: ISTIO_LABELS.namespace,
    target: ISTIO_LABELS.service,
    callersAsServices: true,
  },
  // Istio's workload labels; the duration histogram keeps them and the canonical revision too.
  workload: {
    sourceNamespace: ISTIO_LABELS.sourceNamespace,
    source: ISTIO_LABELS.sourceService,
    targetNamespace: 'destination_workload_namespace',
    target: 'destination_workload',
    revision: 'destination_canonical_revision',
  },
};

const edgeLabels = (l: ViewLabels) => [l.sourceNamespace, l.source, l.targetNamespace, l.target] as const;
const nodeLabels = (l: ViewLabels) => [l.targetNamespace, l.target] as const;
export const EDGE_LABELS = edgeLabels(VIEW_LABELS.service);
export const SERVICE_LABELS = nodeLabels(VIEW_LABELS.service);

/** The destination reporter's own labels: which workload served which service. */
export const WORKLOAD_SERVICE_LABELS = {
  workloadNamespace: 'destination_workload_namespace',
  workload: 'destination_workload',
  serviceNamespace: ISTIO_LABELS.namespace,
  service: ISTIO_LABELS.service,
} as const;

const TCP_SENT = 'istio_tcp_sent_bytes_total';
const TCP_RECEIVED = 'istio_tcp_received_bytes_total';
const TCP_OPENED = 'istio_tcp_connections_opened_total';

export interface GraphQueryParams {
  window: string;
  namespace?: string;
  view?: GraphView;
}

export type GraphQueryName =
  | 'edgeRequests'
  | 'edgeErrors'
  | 'edgeMtls'
  | 'edgeP95'
  | 'tcpBytes'
  | 'tcpMtlsBytes'
  | 'tcpConnections'
  | 'serviceRequests'
  | 'serviceErrors'
  | 'serviceP95'
  | 'workloadServices';

/** reporter="destination" only: both proxies report each request, summing both would double-count. */
function selector(extra: Record<string, MatcherSpec>): string {
  return matchers({ reporter: 'destination', ...extra });
}

/**
 * `sum by (edge) (rate(metric{...}[w]))`, restricted to edges that touch `namespace` (as caller or
 * callee) with `or`: both halves carry the same labels, so an edge inside the namespace is kept once.
 */
function edgeRate(metric: string, w: string, extra: Record<string, MatcherSpec>, scope: { namespace?: string; labels: ViewLabels }, by: readonly string[]): string {
  const one = (where: Record<string, MatcherSpec>) => sumBy(by, `rate(${metric}${selector({ ...extra, ...where })}[${w}])`);
  const { namespace, labels } = scope;
  if (namespace === undefined) return one({});
  return `${one({ [labels.targetNamespace]: namespace })} or ${one({ [labels.sourceNamespace]: namespace })}`;
}

/** The eleven instant queries behind one graph, in either view (both views run the same set). */
export function graphQueries({ window, namespace, view = 'service' }: GraphQueryParams): Record<GraphQueryName, string> {
  const w = checkWindow(window);
  const labels = VIEW_LABELS[view];
  const edges = edgeLabels(labels);
  const nodes = nodeLabels(labels);
  const errors = { response_code: ['=~', ISTIO_ERROR_CODES] } as const;
  const mtls = { connection_security_policy: 'mutual_tls' } as const;
  const scoped = { namespace, labels };
  const unscoped = { labels };
  const p95 = (by: readonly string[], scope: { namespace?: string; labels: ViewLabels }) => `histogram_quantile(0.95, ${edgeRate(DURATION_BUCKETS, w, {}, scope, ['le', ...by])})`;
  return {
    edgeRequests: edgeRate(REQUESTS, w, {}, scoped, edges),
    edgeErrors: edgeRate(REQUESTS, w, errors, scoped, edges),
    edgeMtls: edgeRate(REQUESTS, w, mtls, scoped, edges),
    edgeP95: p95(edges, scoped),
    // Both directions; each side is a separate rate because rate() drops the metric name.
    tcpBytes: `(${edgeRate(TCP_SENT, w, {}, scoped, edges)}) + (${edgeRate(TCP_RECEIVED, w, {}, scoped, edges)})`,
    tcpMtlsBytes: `(${edgeRate(TCP_SENT, w, mtls, scoped, edges)}) + (${edgeRate(TCP_RECEIVED, w, mtls, scoped, edges)})`,
    tcpConnections: edgeRate(TCP_OPENED, w, {}, scoped, edges),
    // Per node, unfiltered: a neighbour outside the namespace still shows all of its own traffic.
    serviceRequests: edgeRate(REQUESTS, w, {}, unscoped, labels.revision ? [...nodes, labels.revision] : nodes),
    serviceErrors: edgeRate(REQUESTS, w, errors, unscoped, nodes),
    serviceP95: p95(nodes, unscoped),
    // Workload -> service, from the destination proxies (the only reporters that know both). The
    // counters' totals, not a windowed rate: a caller that served nothing in the window still maps
    // to its service, and "most traffic" (for a workload behind several services) is lifetime traffic.
    // Unscoped, like the node queries: a caller from another namespace maps too.
    workloadServices: sumBy(Object.values(WORKLOAD_SERVICE_LABELS), `${REQUESTS}${selector({})}`),
  };
}

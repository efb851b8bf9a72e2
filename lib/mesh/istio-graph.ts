// Istio's answers to the service graph: the destination reporter's view of every edge, grouped in
// PromQL. Metrics: https://istio.io/latest/docs/reference/config/metrics/
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { MeshQuery } from './adapter';
import { checkWindow, sumBy } from './expr';
import type { GraphQueries, GraphQuestion, GraphQuerySet, GraphView } from './graph';
import { DURATION_BUCKETS, ISTIO_ERROR_CODES, ISTIO_LABELS, REQUESTS } from './istio-traffic';

type Labels = MeshQuery['labels'];

const WORKLOAD = { namespace: 'destination_workload_namespace', service: 'destination_workload' } as const;

/** Callers are workloads in both views; callees are services or workloads. */
const VIEWS: Record<GraphView, { edge: Labels; node: Labels }> = {
  service: {
    edge: { sourceNamespace: ISTIO_LABELS.sourceNamespace, sourceService: ISTIO_LABELS.sourceService, namespace: ISTIO_LABELS.namespace, service: ISTIO_LABELS.service },
    node: { namespace: ISTIO_LABELS.namespace, service: ISTIO_LABELS.service },
  },
  // The duration histogram keeps the workload labels and the canonical revision too.
  workload: {
    edge: { sourceNamespace: ISTIO_LABELS.sourceNamespace, sourceService: ISTIO_LABELS.sourceService, ...WORKLOAD },
    node: { ...WORKLOAD },
  },
};
const REVISION = 'destination_canonical_revision';

/** The destination reporter's own labels: which workload served which service. */
const WORKLOAD_SERVICE: Labels = {
  workloadNamespace: WORKLOAD.namespace,
  workload: WORKLOAD.service,
  namespace: ISTIO_LABELS.namespace,
  service: ISTIO_LABELS.service,
};

/** Istio's ingress gateway workloads (the default install's and the common second one). */
const GATEWAYS = ['istio-ingressgateway', 'istio-eastwestgateway'] as const;

const TCP_SENT = 'istio_tcp_sent_bytes_total';
const TCP_RECEIVED = 'istio_tcp_received_bytes_total';
const TCP_OPENED = 'istio_tcp_connections_opened_total';
const ERRORS = { response_code: ['=~', ISTIO_ERROR_CODES] } as const;
const MTLS = { connection_security_policy: 'mutual_tls' } as const;

const names = (labels: Labels) => Object.values(labels).filter((l): l is string => l !== undefined);

type Reporter = 'destination' | 'source';

/** One reporter at a time: both proxies report each request, summing both would double-count. */
function selector(extra: Record<string, MatcherSpec>, reporter: Reporter = 'destination'): string {
  return matchers({ reporter, ...extra });
}

type Where = Record<string, MatcherSpec>;

/** An edge touches a value of a dimension when its caller's or its callee's label has it. */
function touching(callee: string | undefined, caller: string | undefined, value: string | undefined): Where[] {
  if (value === undefined || !callee || !caller) return [{}];
  return [{ [callee]: value }, { [caller]: value }];
}

/**
 * `sum by (group) (rate(metric{...}[w]))`, restricted to edges that touch `namespace` and `cluster`
 * (each as caller or callee) with `or`: every part carries the same labels, so an edge matched by
 * several parts is kept once.
 */
function scopedRate(
  metric: string, w: string, extra: Where, by: readonly string[], edge: Labels,
  scope: { namespace?: string; cluster?: string } = {}, reporter: Reporter = 'destination',
): string {
  const one = (where: Where) => sumBy(by, `rate(${metric}${selector({ ...extra, ...where }, reporter)}[${w}])`);
  const namespaces = touching(edge.namespace, edge.sourceNamespace, scope.namespace);
  const clusters = touching(ISTIO_LABELS.cluster, ISTIO_LABELS.sourceCluster, scope.cluster);
  return namespaces.flatMap((n) => clusters.map((c) => one({ ...n, ...c }))).join(' or ');
}

/** Both ends' clusters on edges, the serving cluster on nodes. */
const EDGE_CLUSTERS: Labels = { sourceCluster: ISTIO_LABELS.sourceCluster, cluster: ISTIO_LABELS.cluster };
const NODE_CLUSTER: Labels = { cluster: ISTIO_LABELS.cluster };

export function istioGraphQueries({ window, namespace, cluster, byCluster = false, view }: GraphQuestion): GraphQueries {
  const w = checkWindow(window);
  const base = VIEWS[view];
  const edge: Labels = byCluster ? { ...base.edge, ...EDGE_CLUSTERS } : base.edge;
  const node: Labels = byCluster ? { ...base.node, ...NODE_CLUSTER } : base.node;
  const revisionNode: Labels = view === 'workload' ? { ...node, revision: REVISION } : node;
  const edgeBy = names(edge);
  const nodeBy = names(node);
  const at = (labels: Labels, promql: string): MeshQuery => ({ promql, labels });
  const edges = (metric: string, extra: Record<string, MatcherSpec> = {}) => scopedRate(metric, w, extra, edgeBy, edge, { namespace, cluster });
  // Per node, unfiltered: a neighbour outside the namespace still shows all of its own traffic.
  const nodes = (metric: string, extra: Record<string, MatcherSpec>, by: readonly string[]) => scopedRate(metric, w, extra, by, edge);
  const p95 = (body: string) => `histogram_quantile(0.95, ${body})`;
  const callersAsServices = view === 'service';
  /**
   * Split by cluster, calls are what the callers' proxies reported (reporter="source"): a call that
   * fails between clusters (a partition's UF) never reaches a server, so only its caller counts it.
   * Calls from callers without a proxy (no source reporter) still come from the server side.
   */
  const calls = (metric: string, extra: Where = {}, by = edgeBy) => {
    const scope = { namespace, cluster };
    const caller = scopedRate(metric, w, extra, by, edge, scope, 'source');
    const server = scopedRate(metric, w, extra, by, edge, scope);
    const callerCalls = scopedRate(REQUESTS, w, {}, edgeBy, edge, scope, 'source');
    return `(${caller}) or ((${server}) unless on (${edgeBy.join(', ')}) (${callerCalls}))`;
  };
  const http: Pick<GraphQuerySet, 'edgeRequests' | 'edgeErrors' | 'edgeMtls' | 'edgeP95' | 'edgeServed'> = byCluster
    ? {
        edgeRequests: at(edge, calls(REQUESTS)),
        edgeErrors: at(edge, calls(REQUESTS, ERRORS)),
        // Only the server side knows how a connection was secured: its share of what it served.
        edgeMtls: at(edge, edges(REQUESTS, MTLS)),
        edgeServed: at(edge, edges(REQUESTS)),
        edgeP95: at(edge, p95(calls(DURATION_BUCKETS, {}, ['le', ...edgeBy]))),
      }
    : {
        edgeRequests: at(edge, edges(REQUESTS)),
        edgeErrors: at(edge, edges(REQUESTS, ERRORS)),
        edgeMtls: at(edge, edges(REQUESTS, MTLS)),
        edgeP95: at(edge, p95(scopedRate(DURATION_BUCKETS, w, {}, ['le', ...edgeBy], edge, { namespace, cluster }))),
      };
  const queries: GraphQuerySet = {
    ...http,
    // Both directions; each side is a separate rate because rate() drops the metric name.
    tcpBytes: at(edge, `(${edges(TCP_SENT)}) + (${edges(TCP_RECEIVED)})`),
    tcpMtlsBytes: at(edge, `(${edges(TCP_SENT, MTLS)}) + (${edges(TCP_RECEIVED, MTLS)})`),
    tcpConnections: at(edge, edges(TCP_OPENED)),
    serviceRequests: at(revisionNode, nodes(REQUESTS, {}, names(revisionNode))),
    serviceErrors: at(node, nodes(REQUESTS, ERRORS, nodeBy)),
    serviceP95: at(node, p95(nodes(DURATION_BUCKETS, {}, ['le', ...nodeBy]))),
    // Workload -> service, from the destination proxies (the only reporters that know both). The
    // counters' totals, not a windowed rate: a caller that served nothing in the window still maps
    // to its service, and "most traffic" (for a workload behind several services) is lifetime traffic.
    // Unscoped, like the node queries: a caller from another namespace maps too. Only the service
    // view needs it: in the workload view callers and callees are both workloads.
    ...(callersAsServices ? { workloadServices: at(WORKLOAD_SERVICE, sumBy(names(WORKLOAD_SERVICE), `${REQUESTS}${selector({})}`)) } : {}),
  };
  return { queries, callersAsServices, gatewayWorkloads: GATEWAYS };
}

// Linkerd's answers to the service graph (https://linkerd.io/2/reference/proxy-metrics/). Only the
// caller's proxy (direction="outbound") names both ends of a call (its own namespace/deployment and
// the endpoint's dst_namespace/dst_deployment), so edges are read there; a node's own figures are
// its proxy's inbound side, as in the services table. Linkerd names a workload's service after its
// deployment here too, so both views draw deployments and no workload -> service map is needed.
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { MeshQuery } from './adapter';
import { checkWindow, sumBy, withLabel } from './expr';
import { POD_CLUSTER } from './kube';
import { outboundRate, TARGET_CLUSTER } from './linkerd-cluster';
import { UNKNOWN_CALLER, type GraphQueries, type GraphQuestion, type GraphQuerySet } from './graph';

type Labels = MeshQuery['labels'];

const EDGE: Labels = { sourceNamespace: 'namespace', sourceService: 'deployment', namespace: 'dst_namespace', service: 'dst_deployment' };
const NODE: Labels = { namespace: 'namespace', service: 'deployment' };
// Split by cluster: the caller's cluster is its series' own `cluster`; the serving one, TARGET_CLUSTER
// once outboundRate has normalised it (see linkerd-cluster.ts).
const EDGE_CLUSTERS: Labels = { sourceCluster: POD_CLUSTER, cluster: TARGET_CLUSTER };
const NODE_CLUSTER: Labels = { cluster: POD_CLUSTER };
const WORKLOADS_BY = ['namespace', 'deployment', 'dst_namespace', 'dst_deployment'];

/** Linkerd has no ingress of its own: the default workload names of the ingress controllers it documents meshing. */
const GATEWAYS = ['ingress-nginx-controller', 'nginx-ingress-controller', 'traefik', 'emissary-ingress'] as const;

// "failure" is Linkerd's classification of 5xx (and gRPC errors), never 4xx.
const FAILURE = { classification: 'failure' } as const;
const MTLS = { tls: 'true' } as const;
/**
 * A destination's inbound traffic that no meshed caller's outbound side accounts for came from a
 * caller without a proxy. Proxies are scraped at different instants, so the two sides differ by a
 * little even when every caller is meshed: a remainder under this share of the inbound rate is noise.
 */
const UNMESHED_MIN_SHARE = 0.01;

type Extra = Record<string, MatcherSpec>;

/** `label_replace` copying one label into another. */
const copyLabel = (expr: string, to: string, from: string) => `label_replace(${expr}, "${to}", "$1", "${from}", "(.*)")`;

export function linkerdGraphQueries({ window, namespace, cluster, byCluster = false }: GraphQuestion): GraphQueries {
  const w = checkWindow(window);
  const edgeLabels: Labels = byCluster ? { ...EDGE, ...EDGE_CLUSTERS } : EDGE;
  const nodeLabels: Labels = byCluster ? { ...NODE, ...NODE_CLUSTER } : NODE;
  const edgeBy = Object.values(edgeLabels).filter((l): l is string => l !== undefined);
  const nodeBy = Object.values(nodeLabels).filter((l): l is string => l !== undefined);
  const dstBy = byCluster ? ['dst_namespace', 'dst_deployment', TARGET_CLUSTER] : ['dst_namespace', 'dst_deployment'];
  const rate = (metric: string, sel: Extra) => `rate(${metric}${matchers(sel)}[${w}])`;
  /** Outbound rates, every series with its serving cluster when that matters. */
  const out = (metric: string, sel: Extra, servedIn?: string) => outboundRate(metric, { direction: 'outbound', ...sel }, w, { servedIn, byTarget: byCluster });
  /** Outbound, by edge, keeping edges that touch `namespace` and `cluster`, each from either end. */
  const outbound = (metric: string, extra: Extra = {}, by = edgeBy) => {
    const namespaces: Extra[] = namespace === undefined ? [{}] : [{ dst_namespace: namespace }, { namespace }];
    const clusters: Array<{ sel: Extra; servedIn?: string }> = cluster === undefined ? [{ sel: {} }] : [{ sel: {}, servedIn: cluster }, { sel: { [POD_CLUSTER]: cluster } }];
    return namespaces.flatMap((n) => clusters.map((c) => sumBy(by, out(metric, { ...extra, ...n, ...c.sel }, c.servedIn)))).join(' or ');
  };
  /** Per destination, as its own proxy saw it (inbound) and as its meshed callers did (outbound). */
  const inboundByDst = (metric: string, extra: Extra) => {
    const byNode = sumBy(nodeBy, rate(metric, { direction: 'inbound', namespace, [POD_CLUSTER]: cluster, ...extra }));
    const renamed = copyLabel(copyLabel(byNode, 'dst_namespace', 'namespace'), 'dst_deployment', 'deployment');
    return sumBy(dstBy, byCluster ? copyLabel(renamed, TARGET_CLUSTER, POD_CLUSTER) : renamed);
  };
  const outboundByDst = (metric: string, extra: Extra) => sumBy(dstBy, out(metric, { dst_namespace: namespace, ...extra }, cluster));
  const remainder = (metric: string, extra: Extra = {}) => {
    const inbound = inboundByDst(metric, extra);
    return { inbound, rest: `(${inbound} - (${outboundByDst(metric, extra)} or ${inbound} * 0))` };
  };
  // A caller without a proxy is drawn in the cluster it called into.
  const unknownIn = (expr: string) => withLabel(withLabel(expr, 'namespace', UNKNOWN_CALLER), 'deployment', UNKNOWN_CALLER);
  const asUnknownCaller = (expr: string) => (byCluster ? copyLabel(unknownIn(expr), POD_CLUSTER, TARGET_CLUSTER) : unknownIn(expr));
  const unmeshed = remainder('request_total');
  const unmeshedRequests = `${unmeshed.rest} > ${UNMESHED_MIN_SHARE} * ${unmeshed.inbound}`;
  const unmeshedFailures = `${remainder('response_total', FAILURE).rest} > 0 and on (${dstBy.join(', ')}) (${unmeshedRequests})`;

  const node = (metric: string, extra: Extra = {}) => sumBy(nodeBy, rate(metric, { direction: 'inbound', ...extra }));
  const at = (labels: Labels, promql: string): MeshQuery => ({ promql, labels });
  // TCP metrics count every connection, HTTP ones included: an edge is TCP only without HTTP requests
  // (between the same workloads in any cluster).
  const tcpOnly = (expr: string) => `(${expr}) unless on (${WORKLOADS_BY.join(', ')}) ${sumBy(WORKLOADS_BY, `request_total${matchers({ direction: 'outbound' })}`)}`;
  const tcp = (metric: string, extra: Extra = {}) => outbound(metric, { peer: 'dst', ...extra });
  const queries: GraphQuerySet = {
    edgeRequests: at(edgeLabels, `${outbound('request_total')} or ${asUnknownCaller(unmeshedRequests)}`),
    edgeErrors: at(edgeLabels, `${outbound('response_total', FAILURE)} or ${asUnknownCaller(unmeshedFailures)}`),
    // A caller without a proxy never speaks mutual TLS: its edge has no mTLS share to add.
    edgeMtls: at(edgeLabels, outbound('request_total', MTLS)),
    edgeP95: at(edgeLabels, `histogram_quantile(0.95, ${outbound('response_latency_ms_bucket', {}, ['le', ...edgeBy])})`),
    // Read (responses) plus written (requests) by the caller: both directions of the connection.
    tcpBytes: at(edgeLabels, tcpOnly(`(${tcp('tcp_read_bytes_total')}) + (${tcp('tcp_write_bytes_total')})`)),
    tcpMtlsBytes: at(edgeLabels, tcpOnly(`(${tcp('tcp_read_bytes_total', MTLS)}) + (${tcp('tcp_write_bytes_total', MTLS)})`)),
    tcpConnections: at(edgeLabels, tcpOnly(tcp('tcp_open_total'))),
    serviceRequests: at(nodeLabels, node('request_total')),
    serviceErrors: at(nodeLabels, node('response_total', FAILURE)),
    serviceP95: at(nodeLabels, `histogram_quantile(0.95, ${sumBy(['le', ...nodeBy], rate('response_latency_ms_bucket', { direction: 'inbound' }))})`),
  };
  return { queries, callersAsServices: false, gatewayWorkloads: GATEWAYS };
}

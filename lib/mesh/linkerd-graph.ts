// Linkerd's answers to the service graph (https://linkerd.io/2/reference/proxy-metrics/). Only the
// caller's proxy (direction="outbound") names both ends of a call (its own namespace/deployment and
// the endpoint's dst_namespace/dst_deployment), so edges are read there; a node's own figures are
// its proxy's inbound side, as in the services table. Linkerd names a workload's service after its
// deployment here too, so both views draw deployments and no workload -> service map is needed.
import { matchers, type MatcherSpec } from '@/lib/promql';
import type { MeshQuery } from './adapter';
import { checkWindow, sumBy, withLabel } from './expr';
import { UNKNOWN_CALLER, type GraphQueries, type GraphQuestion, type GraphQuerySet } from './graph';

type Labels = MeshQuery['labels'];

const EDGE: Labels = { sourceNamespace: 'namespace', sourceService: 'deployment', namespace: 'dst_namespace', service: 'dst_deployment' };
const NODE: Labels = { namespace: 'namespace', service: 'deployment' };
const EDGE_BY = ['namespace', 'deployment', 'dst_namespace', 'dst_deployment'];
const NODE_BY = ['namespace', 'deployment'];
const DST_BY = ['dst_namespace', 'dst_deployment'];

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

export function linkerdGraphQueries({ window, namespace }: GraphQuestion): GraphQueries {
  const w = checkWindow(window);
  const rate = (metric: string, sel: Extra) => `rate(${metric}${matchers(sel)}[${w}])`;
  /** Outbound, by edge, keeping edges that touch `namespace` from either end. */
  const outbound = (metric: string, extra: Extra = {}, by = EDGE_BY) => {
    const one = (where: Extra) => sumBy(by, rate(metric, { direction: 'outbound', ...extra, ...where }));
    return namespace === undefined ? one({}) : `${one({ dst_namespace: namespace })} or ${one({ namespace })}`;
  };
  /** Per destination, as its own proxy saw it (inbound) and as its meshed callers did (outbound). */
  const inboundByDst = (metric: string, extra: Extra) => {
    const byNode = sumBy(NODE_BY, rate(metric, { direction: 'inbound', namespace, ...extra }));
    return sumBy(DST_BY, `label_replace(label_replace(${byNode}, "dst_namespace", "$1", "namespace", "(.*)"), "dst_deployment", "$1", "deployment", "(.*)")`);
  };
  const outboundByDst = (metric: string, extra: Extra) => sumBy(DST_BY, rate(metric, { direction: 'outbound', dst_namespace: namespace, ...extra }));
  const remainder = (metric: string, extra: Extra = {}) => {
    const inbound = inboundByDst(metric, extra);
    return { inbound, rest: `(${inbound} - (${outboundByDst(metric, extra)} or ${inbound} * 0))` };
  };
  const asUnknownCaller = (expr: string) => withLabel(withLabel(expr, 'namespace', UNKNOWN_CALLER), 'deployment', UNKNOWN_CALLER);
  const unmeshed = remainder('request_total');
  const unmeshedRequests = `${unmeshed.rest} > ${UNMESHED_MIN_SHARE} * ${unmeshed.inbound}`;
  const unmeshedFailures = `${remainder('response_total', FAILURE).rest} > 0 and on (${DST_BY.join(', ')}) (${unmeshedRequests})`;

  const node = (metric: string, extra: Extra = {}) => sumBy(NODE_BY, rate(metric, { direction: 'inbound', ...extra }));
  const at = (labels: Labels, promql: string): MeshQuery => ({ promql, labels });
  // TCP metrics count every connection, HTTP ones included: an edge is TCP only without HTTP requests.
  const tcpOnly = (expr: string) => `(${expr}) unless on (${EDGE_BY.join(', ')}) ${sumBy(EDGE_BY, `request_total${matchers({ direction: 'outbound' })}`)}`;
  const tcp = (metric: string, extra: Extra = {}) => outbound(metric, { peer: 'dst', ...extra });
  const queries: GraphQuerySet = {
    edgeRequests: at(EDGE, `${outbound('request_total')} or ${asUnknownCaller(unmeshedRequests)}`),
    edgeErrors: at(EDGE, `${outbound('response_total', FAILURE)} or ${asUnknownCaller(unmeshedFailures)}`),
    // A caller without a proxy never speaks mutual TLS: its edge has no mTLS share to add.
    edgeMtls: at(EDGE, outbound('request_total', MTLS)),
    edgeP95: at(EDGE, `histogram_quantile(0.95, ${outbound('response_latency_ms_bucket', {}, ['le', ...EDGE_BY])})`),
    // Read (responses) plus written (requests) by the caller: both directions of the connection.
    tcpBytes: at(EDGE, tcpOnly(`(${tcp('tcp_read_bytes_total')}) + (${tcp('tcp_write_bytes_total')})`)),
    tcpMtlsBytes: at(EDGE, tcpOnly(`(${tcp('tcp_read_bytes_total', MTLS)}) + (${tcp('tcp_write_bytes_total', MTLS)})`)),
    tcpConnections: at(EDGE, tcpOnly(tcp('tcp_open_total'))),
    serviceRequests: at(NODE, node('request_total')),
    serviceErrors: at(NODE, node('response_total', FAILURE)),
    serviceP95: at(NODE, `histogram_quantile(0.95, ${sumBy(['le', ...NODE_BY], rate('response_latency_ms_bucket', { direction: 'inbound' }))})`),
  };
  return { queries, callersAsServices: false, gatewayWorkloads: GATEWAYS };
}

// Graph-specific PromQL: every query groups by the edge (or service) labels in PromQL, so the number
// of queries is constant whatever the mesh size. Values enter only through `matchers` (escaped).
import { checkWindow, sumBy } from '@/lib/mesh/expr';
import { DURATION_BUCKETS, ISTIO_ERROR_CODES, ISTIO_LABELS, REQUESTS } from '@/lib/mesh/istio-traffic';
import { matchers, type MatcherSpec } from '@/lib/prometheus/promql';

export const EDGE_LABELS = [ISTIO_LABELS.sourceNamespace, ISTIO_LABELS.sourceService, ISTIO_LABELS.namespace, ISTIO_LABELS.service] as const;
export const SERVICE_LABELS = [ISTIO_LABELS.namespace, ISTIO_LABELS.service] as const;

const TCP_SENT = 'istio_tcp_sent_bytes_total';
const TCP_RECEIVED = 'istio_tcp_received_bytes_total';
const TCP_OPENED = 'istio_tcp_connections_opened_total';

export interface GraphQueryParams {
  window: string;
  namespace?: string;
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
  | 'serviceP95';

/** reporter="destination" only: both proxies report each request, summing both would double-count. */
function selector(extra: Record<string, MatcherSpec>): string {
  return matchers({ reporter: 'destination', ...extra });
}

/**
 * `sum by (edge) (rate(metric{...}[w]))`, restricted to edges that touch `namespace` (as caller or
 * callee) with `or`: both halves carry the same labels, so an edge inside the namespace is kept once.
 */
function edgeRate(metric: string, w: string, extra: Record<string, MatcherSpec>, namespace: string | undefined, by: readonly string[] = EDGE_LABELS): string {
  const one = (scope: Record<string, MatcherSpec>) => sumBy(by, `rate(${metric}${selector({ ...extra, ...scope })}[${w}])`);
  if (namespace === undefined) return one({});
  return `${one({ [ISTIO_LABELS.namespace]: namespace })} or ${one({ [ISTIO_LABELS.sourceNamespace]: namespace })}`;
}

/** The ten instant queries behind one graph. */
export function graphQueries({ window, namespace }: GraphQueryParams): Record<GraphQueryName, string> {
  const w = checkWindow(window);
  const errors = { response_code: ['=~', ISTIO_ERROR_CODES] } as const;
  const mtls = { connection_security_policy: 'mutual_tls' } as const;
  const p95 = (by: readonly string[], ns: string | undefined) =>
    `histogram_quantile(0.95, ${edgeRate(DURATION_BUCKETS, w, {}, ns, ['le', ...by])})`;
  return {
    edgeRequests: edgeRate(REQUESTS, w, {}, namespace),
    edgeErrors: edgeRate(REQUESTS, w, errors, namespace),
    edgeMtls: edgeRate(REQUESTS, w, mtls, namespace),
    edgeP95: p95(EDGE_LABELS, namespace),
    // Both directions; each side is a separate rate because rate() drops the metric name.
    tcpBytes: `(${edgeRate(TCP_SENT, w, {}, namespace)}) + (${edgeRate(TCP_RECEIVED, w, {}, namespace)})`,
    tcpMtlsBytes: `(${edgeRate(TCP_SENT, w, mtls, namespace)}) + (${edgeRate(TCP_RECEIVED, w, mtls, namespace)})`,
    tcpConnections: edgeRate(TCP_OPENED, w, {}, namespace),
    // Per service, unfiltered: a neighbour outside the namespace still shows all of its own traffic.
    serviceRequests: edgeRate(REQUESTS, w, {}, undefined, SERVICE_LABELS),
    serviceErrors: edgeRate(REQUESTS, w, errors, undefined, SERVICE_LABELS),
    serviceP95: p95(SERVICE_LABELS, undefined),
  };
}

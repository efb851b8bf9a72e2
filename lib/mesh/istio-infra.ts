// Istio beyond request metrics: Envoy cluster stats, istiod, the CA, sidecar resources, revisions, TCP.
import { matchers } from '@/lib/promql';
import type { CertExpiryQuery, ControlPlaneQueries, MeshQuery, ProxyResourceQueries, RetryQueries, TcpQueries } from './adapter';
import { checkWindow, quantile, sumBy, withLabel } from './expr';
import { POD_CLUSTER, proxyResourceQueries } from './kube';
import { newRevisionQuery } from './rollout';
import { DURATION_BUCKETS, ISTIO_LABELS, istioSelector, istioTraffic, REQUESTS } from './istio-traffic';

/** Envoy's retry and circuit-breaker stats are off by default; this is how to turn them on. */
export const PROXY_STATS_HOW_TO =
  'Envoy cluster stats are not exported by default. Enable them mesh-wide with ' +
  'meshConfig.defaultConfig.proxyStatsMatcher.inclusionRegexps (e.g. ".*upstream_rq_retry.*", ' +
  '".*upstream_rq_pending_overflow.*"), or per workload with the proxy.istio.io/config annotation ' +
  '{"proxyStatsMatcher":{"inclusionRegexps":[...]}}; proxies pick it up when they restart.';

function upstreamRate(metric: string, window: string, namespace?: string, cluster?: string): MeshQuery {
  const inner = `rate(${metric}${matchers({ namespace, [POD_CLUSTER]: cluster })}[${checkWindow(window)}])`;
  return { promql: sumBy(['cluster_name'], inner), labels: { upstream: 'cluster_name' } };
}

export function retryStats({ window, namespace, cluster }: { window: string; namespace?: string; cluster?: string }): RetryQueries {
  return {
    retries: upstreamRate('envoy_cluster_upstream_rq_retry', window, namespace, cluster),
    retryOverflow: upstreamRate('envoy_cluster_upstream_rq_retry_overflow', window, namespace, cluster),
    pendingOverflow: upstreamRate('envoy_cluster_upstream_rq_pending_overflow', window, namespace, cluster),
    // URX: retries exhausted, UO: circuit breaker overflow; the caller's proxy reports both (callers in `cluster`).
    fallbackFlags: istioTraffic.responseFlags({ window, by: 'mesh', namespace, sourceCluster: cluster, flags: ['URX', 'UO'] }),
    whenAbsent: 'The proxies export no retry or circuit-breaker stats (envoy_cluster_upstream_rq_retry*, *_pending_overflow); showing URX/UO response flags instead.',
    howToEnable: PROXY_STATS_HOW_TO,
  };
}

export function controlPlane({ window, cluster }: { window: string; cluster?: string }): ControlPlaneQueries {
  const w = checkWindow(window);
  const labels = { pod: 'pod' };
  // Each cluster's istiod is scraped in its cluster (multi-primary), so its series carry the pod-level cluster label.
  const sel = (extra: Record<string, string> = {}) => {
    const m = matchers({ ...extra, [POD_CLUSTER]: cluster });
    return m === '{}' ? '' : m;
  };
  return {
    // istio_build comes from istiod's own endpoint, so a fresh sample means its last scrape worked;
    // `up` wins when the scrape job exists (it also reports a down istiod as 0).
    up: { promql: `max by (pod) (up${sel({ app: 'istiod' })}) or max by (pod) (istio_build${sel({ component: 'pilot' })})`, labels },
    connectedProxies: { promql: `sum by (pod) (pilot_xds${sel()})`, labels },
    pushesPerSecond: { promql: `sum by (pod) (rate(pilot_xds_pushes${sel()}[${w}]))`, labels },
    rejects: { promql: `sum by (pod) (increase(pilot_total_xds_rejects${sel()}[${w}]))`, labels },
    convergenceP99: { promql: quantile(0.99, ['pod'], `rate(pilot_proxy_convergence_time_bucket${sel()}[${w}])`), labels },
    whenAbsent: {
      reason: 'No control-plane metrics (istiod: pilot_xds, istio_build{component="pilot"}) at the end of the range.',
      howToEnable: "Scrape istiod's monitoring port (15014) from Prometheus.",
    },
  };
}

const CERTS: Readonly<Record<string, string>> = {
  citadel_server_root_cert_expiry_timestamp: 'Istio CA root certificate',
  citadel_server_cert_chain_expiry_timestamp: 'Istio CA certificate chain',
};

export function certExpiry({ cluster }: { cluster?: string } = {}): CertExpiryQuery {
  const sel = matchers({ __name__: ['=~', { literal: Object.keys(CERTS) }], [POD_CLUSTER]: cluster });
  return { query: { promql: `min by (__name__) (${sel})`, labels: { cert: '__name__' } }, names: CERTS };
}

export function proxyResources(q: { window: string; namespace?: string; cluster?: string; limit: number }): ProxyResourceQueries {
  return proxyResourceQueries('istio-proxy', q);
}

export function revisions({ namespace, service, cluster }: { namespace?: string; service?: string; cluster?: string }): MeshQuery {
  const names = [ISTIO_LABELS.namespace, ISTIO_LABELS.service, 'destination_canonical_revision'];
  return {
    promql: sumBy(names, `${REQUESTS}${istioSelector({ namespace, service, cluster })}`, 'count'),
    labels: { namespace: ISTIO_LABELS.namespace, service: ISTIO_LABELS.service, revision: 'destination_canonical_revision' },
  };
}

/** Revisions by their canonical revision label, read from the serving side. */
export function rolloutStarted({ since }: { since: string }): MeshQuery {
  const labels = { namespace: ISTIO_LABELS.namespace, service: ISTIO_LABELS.service, revision: 'destination_canonical_revision' };
  return newRevisionQuery(`${REQUESTS}${istioSelector({})}`, labels, since);
}

/** Server side (reporter="destination", the service's own pods) and client side (its outbound connections). */
function tcpBoth(metric: string, { namespace, service, cluster }: TcpScope, wrap: (selector: string) => string): string {
  const inbound = wrap(`${metric}${istioSelector({ namespace, service, cluster })}`);
  const outbound = wrap(`${metric}${istioSelector({ sourceNamespace: namespace, sourceService: service, sourceCluster: cluster }, {}, 'source')}`);
  return sumBy(['pod', 'direction'], `${withLabel(inbound, 'direction', 'inbound')} or ${withLabel(outbound, 'direction', 'outbound')}`);
}

type TcpScope = { namespace: string; service: string; cluster?: string };

export function tcpConnections({ window, ...scope }: TcpScope & { window: string }): TcpQueries {
  const w = checkWindow(window);
  const labels = { pod: 'pod', direction: 'direction' };
  const opened = 'istio_tcp_connections_opened_total';
  const closed = 'istio_tcp_connections_closed_total';
  const raw = (s: string) => s;
  return {
    opened: { promql: tcpBoth(opened, scope, (s) => `rate(${s}[${w}])`), labels },
    open: { promql: `${tcpBoth(opened, scope, raw)} - ${tcpBoth(closed, scope, raw)}`, labels },
  };
}

export function serviceSelector(scope: { namespace: string; service: string; cluster?: string }): string {
  return `${REQUESTS}${istioSelector(scope)}`;
}

export function exemplarSelector(scope: { namespace: string; service: string; cluster?: string }): string {
  return `${DURATION_BUCKETS}${istioSelector(scope)}`;
}

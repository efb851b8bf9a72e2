// Istio beyond request metrics: Envoy cluster stats, istiod, the CA, sidecar resources, revisions, TCP.
import { matchers } from '@/lib/promql';
import type { CertExpiryQuery, ControlPlaneQueries, MeshQuery, ProxyResourceQueries, RetryQueries, TcpQueries } from './adapter';
import { checkWindow, quantile, sumBy, withLabel } from './expr';
import { proxyResourceQueries } from './kube';
import { newRevisionQuery } from './rollout';
import { DURATION_BUCKETS, ISTIO_LABELS, istioSelector, istioTraffic, REQUESTS } from './istio-traffic';

/** Envoy's retry and circuit-breaker stats are off by default; this is how to turn them on. */
export const PROXY_STATS_HOW_TO =
  'Envoy cluster stats are not exported by default. Enable them mesh-wide with ' +
  'meshConfig.defaultConfig.proxyStatsMatcher.inclusionRegexps (e.g. ".*upstream_rq_retry.*", ' +
  '".*upstream_rq_pending_overflow.*"), or per workload with the proxy.istio.io/config annotation ' +
  '{"proxyStatsMatcher":{"inclusionRegexps":[...]}}; proxies pick it up when they restart.';

function clusterRate(metric: string, window: string, namespace?: string): MeshQuery {
  const inner = `rate(${metric}${matchers({ namespace })}[${checkWindow(window)}])`;
  return { promql: sumBy(['cluster_name'], inner), labels: { cluster: 'cluster_name' } };
}

export function retryStats({ window, namespace }: { window: string; namespace?: string }): RetryQueries {
  return {
    retries: clusterRate('envoy_cluster_upstream_rq_retry', window, namespace),
    retryOverflow: clusterRate('envoy_cluster_upstream_rq_retry_overflow', window, namespace),
    pendingOverflow: clusterRate('envoy_cluster_upstream_rq_pending_overflow', window, namespace),
    // URX: retries exhausted, UO: circuit breaker overflow; the caller's proxy reports both.
    fallbackFlags: istioTraffic.responseFlags({ window, by: 'mesh', namespace, flags: ['URX', 'UO'] }),
    whenAbsent: 'The proxies export no retry or circuit-breaker stats (envoy_cluster_upstream_rq_retry*, *_pending_overflow); showing URX/UO response flags instead.',
    howToEnable: PROXY_STATS_HOW_TO,
  };
}

export function controlPlane({ window }: { window: string }): ControlPlaneQueries {
  const w = checkWindow(window);
  const labels = { pod: 'pod' };
  return {
    // istio_build comes from istiod's own endpoint, so a fresh sample means its last scrape worked;
    // `up` wins when the scrape job exists (it also reports a down istiod as 0).
    up: { promql: `max by (pod) (up{app="istiod"}) or max by (pod) (istio_build{component="pilot"})`, labels },
    connectedProxies: { promql: 'sum by (pod) (pilot_xds)', labels },
    pushesPerSecond: { promql: `sum by (pod) (rate(pilot_xds_pushes[${w}]))`, labels },
    rejects: { promql: `sum by (pod) (increase(pilot_total_xds_rejects[${w}]))`, labels },
    convergenceP99: { promql: quantile(0.99, ['pod'], `rate(pilot_proxy_convergence_time_bucket[${w}])`), labels },
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

export function certExpiry(): CertExpiryQuery {
  const names = Object.keys(CERTS).join('|');
  return { query: { promql: `min by (__name__) ({__name__=~"${names}"})`, labels: { cert: '__name__' } }, names: CERTS };
}

export function proxyResources(q: { window: string; namespace?: string; limit: number }): ProxyResourceQueries {
  return proxyResourceQueries('istio-proxy', q);
}

export function revisions({ namespace, service }: { namespace?: string; service?: string }): MeshQuery {
  const names = [ISTIO_LABELS.namespace, ISTIO_LABELS.service, 'destination_canonical_revision'];
  return {
    promql: sumBy(names, `${REQUESTS}${istioSelector({ namespace, service })}`, 'count'),
    labels: { namespace: ISTIO_LABELS.namespace, service: ISTIO_LABELS.service, revision: 'destination_canonical_revision' },
  };
}

/** Revisions by their canonical revision label, read from the serving side. */
export function rolloutStarted({ since }: { since: string }): MeshQuery {
  const labels = { namespace: ISTIO_LABELS.namespace, service: ISTIO_LABELS.service, revision: 'destination_canonical_revision' };
  return newRevisionQuery(`${REQUESTS}${istioSelector({})}`, labels, since);
}

/** Server side (reporter="destination", the service's own pods) and client side (its outbound connections). */
function tcpBoth(metric: string, namespace: string, service: string, wrap: (selector: string) => string): string {
  const inbound = wrap(`${metric}${istioSelector({ namespace, service })}`);
  const outbound = wrap(`${metric}${istioSelector({ sourceNamespace: namespace, sourceService: service }, {}, 'source')}`);
  return sumBy(['pod', 'direction'], `${withLabel(inbound, 'direction', 'inbound')} or ${withLabel(outbound, 'direction', 'outbound')}`);
}

export function tcpConnections({ window, namespace, service }: { window: string; namespace: string; service: string }): TcpQueries {
  const w = checkWindow(window);
  const labels = { pod: 'pod', direction: 'direction' };
  const opened = 'istio_tcp_connections_opened_total';
  const closed = 'istio_tcp_connections_closed_total';
  const raw = (s: string) => s;
  return {
    opened: { promql: tcpBoth(opened, namespace, service, (s) => `rate(${s}[${w}])`), labels },
    open: { promql: `${tcpBoth(opened, namespace, service, raw)} - ${tcpBoth(closed, namespace, service, raw)}`, labels },
  };
}

export function serviceSelector({ namespace, service }: { namespace: string; service: string }): string {
  return `${REQUESTS}${istioSelector({ namespace, service })}`;
}

export function exemplarSelector({ namespace, service }: { namespace: string; service: string }): string {
  return `${DURATION_BUCKETS}${istioSelector({ namespace, service })}`;
}

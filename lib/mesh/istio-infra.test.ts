import { describe, expect, it } from 'vitest';
import { isUnsupported } from './adapter';
import { istioAdapter as mesh } from './istio';

describe('Istio infrastructure questions', () => {
  it('reads Envoy retry and overflow counters per upstream cluster, and says how to enable them', () => {
    const q = mesh.retryStats({ window: '5m', namespace: 'shop' });
    if (isUnsupported(q)) throw new Error('Istio has retry stats');
    expect(q.retries.promql).toBe('sum by (cluster_name) (rate(envoy_cluster_upstream_rq_retry{namespace="shop"}[5m]))');
    expect(q.retryOverflow.promql).toContain('envoy_cluster_upstream_rq_retry_overflow');
    expect(q.pendingOverflow.promql).toContain('envoy_cluster_upstream_rq_pending_overflow');
    expect(q.retries.labels.upstream).toBe('cluster_name');
    expect(q.fallbackFlags.promql).toContain('response_flags=~"URX|UO"');
    expect(q.howToEnable).toContain('proxyStatsMatcher');
    expect(q.howToEnable).toContain('inclusionRegexps');
  });

  it('asks istiod for up, proxies, pushes, rejects and convergence p99 per pod', () => {
    const q = mesh.controlPlane({ window: '1h' });
    if (isUnsupported(q)) throw new Error('Istio has a control plane');
    expect(q.connectedProxies.promql).toBe('sum by (pod) (pilot_xds)');
    expect(q.pushesPerSecond.promql).toBe('sum by (pod) (rate(pilot_xds_pushes[1h]))');
    expect(q.rejects.promql).toBe('sum by (pod) (increase(pilot_total_xds_rejects[1h]))');
    expect(q.convergenceP99.promql).toBe('histogram_quantile(0.99, sum by (le, pod) (rate(pilot_proxy_convergence_time_bucket[1h])))');
    expect(q.up.promql).toContain('up{app="istiod"}');
  });

  it('finds the earliest CA certificate expiry by metric name', () => {
    const { query, names } = mesh.certExpiry();
    expect(query.promql).toBe('min by (__name__) ({__name__=~"citadel_server_root_cert_expiry_timestamp|citadel_server_cert_chain_expiry_timestamp"})');
    expect(names.citadel_server_root_cert_expiry_timestamp).toMatch(/root/);
  });

  it('ranks sidecars by CPU and memory with topk and counts restarts of every container', () => {
    const q = mesh.proxyResources({ window: '1h', namespace: 'shop', limit: 10 });
    expect(q.cpu.promql).toBe('topk(10, sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{container="istio-proxy",namespace="shop"}[1h])))');
    expect(q.memory.promql).toContain('max_over_time(container_memory_working_set_bytes{container="istio-proxy",namespace="shop"}[1h])');
    expect(q.restarts.promql).toBe('sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{namespace="shop"}[1h])) > 0');
    expect(() => mesh.proxyResources({ window: '1h', limit: 0 })).toThrow(RangeError);
  });

  it('lists serving revisions per service from the destination side', () => {
    const q = mesh.revisions({ namespace: 'shop', service: 'catalog' });
    if (isUnsupported(q)) throw new Error('Istio has revisions');
    expect(q.promql).toBe(
      'count by (destination_service_namespace, destination_service_name, destination_canonical_revision) ' +
        '(istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_service_name="catalog"})',
    );
    expect(q.labels.revision).toBe('destination_canonical_revision');
  });

  it('counts TCP connections of the service pods in both directions, each from its own reporter', () => {
    const q = mesh.tcpConnections({ window: '5m', namespace: 'shop', service: 'ca"rt' });
    expect(q.opened.promql).toContain('istio_tcp_connections_opened_total{reporter="destination",destination_service_namespace="shop",destination_service_name="ca\\"rt"}[5m]');
    expect(q.opened.promql).toContain('istio_tcp_connections_opened_total{reporter="source",source_workload_namespace="shop",source_workload="ca\\"rt"}[5m]');
    expect(q.opened.promql).toContain('"direction", "inbound"');
    expect(q.open.promql).toContain('istio_tcp_connections_closed_total');
    expect(q.open.labels).toEqual({ pod: 'pod', direction: 'direction' });
  });

  it('selects the service histogram for exemplars and its request counter for scrape targets', () => {
    expect(mesh.exemplarSelector({ namespace: 'shop', service: 'cart' })).toBe(
      'istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_namespace="shop",destination_service_name="cart"}',
    );
    expect(mesh.serviceSelector({ namespace: 'shop', service: 'cart' })).toMatch(/^istio_requests_total\{reporter="destination",/);
  });
});

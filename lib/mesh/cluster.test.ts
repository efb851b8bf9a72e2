// Cluster scope and grouping in the adapters' PromQL, against hand-written expressions.
import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from './index';
import { outboundRate } from './linkerd-cluster';

describe('Istio cluster scope', () => {
  it('keeps server-side figures to the cluster that served them', () => {
    expect(istioAdapter.requestRate({ window: '5m', by: 'service', namespace: 'shop', cluster: 'prod-eu-west' }).promql).toBe(
      'sum by (destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_cluster="prod-eu-west"}[5m]))',
    );
  });
  it("keeps a service's calls out to its callers' cluster", () => {
    expect(istioAdapter.requestRate({ window: '5m', by: 'service', sourceNamespace: 'shop', sourceService: 'reviews', sourceCluster: 'prod-eu-west' }).promql).toBe(
      'sum by (destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination",source_workload_namespace="shop",source_workload="reviews",source_cluster="prod-eu-west"}[5m]))',
    );
  });
  it('scopes pod-level and control-plane series by their cluster label', () => {
    const pods = istioAdapter.proxyResources({ window: '1h', namespace: 'shop', cluster: 'prod-eu-west', limit: 3 });
    expect(pods.restarts.promql).toBe('sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{namespace="shop",cluster="prod-eu-west"}[1h])) > 0');
    const cp = istioAdapter.controlPlane({ window: '1h', cluster: 'prod-eu-west' });
    expect('unsupported' in cp ? '' : cp.connectedProxies.promql).toBe('sum by (pod) (pilot_xds{cluster="prod-eu-west"})');
    expect(istioAdapter.certExpiry({ cluster: 'c' }).query.promql).toBe(
      'min by (__name__) ({__name__=~"citadel_server_root_cert_expiry_timestamp|citadel_server_cert_chain_expiry_timestamp",cluster="c"})',
    );
  });
  it('discovers clusters from the serving side', () => {
    expect(istioAdapter.clusterDiscovery).toEqual({ label: 'destination_cluster', match: 'istio_requests_total{reporter="destination"}' });
  });
});

describe('Linkerd cluster scope', () => {
  it('reads inbound series by their own cluster label', () => {
    expect(linkerdAdapter.requestRate({ window: '5m', by: 'service', cluster: 'prod-eu-west' }).promql).toBe(
      'sum by (namespace, deployment) (rate(request_total{direction="inbound",cluster="prod-eu-west"}[5m]))',
    );
  });
  it('reads the serving cluster of outbound calls from the target label, or the caller\'s cluster for local calls', () => {
    expect(outboundRate('request_total', { direction: 'outbound' }, '5m', { servedIn: 'eu' })).toBe(
      '(rate(request_total{direction="outbound",dst_target_cluster="eu"}[5m]) or label_replace(rate(request_total{direction="outbound",dst_target_cluster="",cluster="eu"}[5m]), "dst_target_cluster", "$1", "cluster", "(.*)"))',
    );
    expect(outboundRate('request_total', { direction: 'outbound' }, '5m', { byTarget: true })).toBe(
      '(rate(request_total{direction="outbound",dst_target_cluster!=""}[5m]) or label_replace(rate(request_total{direction="outbound",dst_target_cluster=""}[5m]), "dst_target_cluster", "$1", "cluster", "(.*)"))',
    );
    // Callers in one cluster served in another: only remote calls qualify.
    expect(outboundRate('request_total', { cluster: 'us' }, '5m', { servedIn: 'eu' })).toBe('rate(request_total{cluster="us",dst_target_cluster="eu"}[5m])');
    expect(outboundRate('request_total', { direction: 'outbound' }, '5m')).toBe('rate(request_total{direction="outbound"}[5m])');
  });
  it('escapes the cluster name', () => {
    expect(linkerdAdapter.errorRate({ window: '5m', by: 'mesh', cluster: 'a"b\\' }).promql).toContain('cluster="a\\"b\\\\"');
  });
});

describe('graph queries by cluster', () => {
  it('Istio: the default plan is unchanged; split adds both clusters to edges and the serving one to nodes', () => {
    const plain = istioAdapter.graphQueries({ window: '5m', view: 'service' });
    expect(JSON.stringify(plain)).not.toContain('cluster"');
    const split = istioAdapter.graphQueries({ window: '5m', view: 'service', byCluster: true });
    // One more query, whatever the mesh size: what the servers saw, mTLS's denominator.
    expect(Object.keys(split.queries).sort()).toEqual([...Object.keys(plain.queries), 'edgeServed'].sort());
    const by = 'source_workload_namespace, source_workload, destination_service_namespace, destination_service_name, source_cluster, destination_cluster';
    const side = (reporter: string) => `sum by (${by}) (rate(istio_requests_total{reporter="${reporter}"}[5m]))`;
    // Calls as their callers saw them; the servers' figures only for callers without a proxy.
    expect(split.queries.edgeRequests.promql).toBe(`(${side('source')}) or ((${side('destination')}) unless on (${by}) (${side('source')}))`);
    expect(split.queries.edgeServed?.promql).toBe(side('destination'));
    expect(split.queries.edgeRequests.labels).toMatchObject({ sourceCluster: 'source_cluster', cluster: 'destination_cluster' });
    expect(split.queries.serviceRequests.labels).toMatchObject({ cluster: 'destination_cluster' });
  });
  it('Istio: a cluster filter keeps calls with either end in it', () => {
    const q = istioAdapter.graphQueries({ window: '5m', view: 'service', cluster: 'eu' });
    expect(q.queries.edgeRequests.promql).toBe(
      'sum by (source_workload_namespace, source_workload, destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination",destination_cluster="eu"}[5m])) or ' +
        'sum by (source_workload_namespace, source_workload, destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination",source_cluster="eu"}[5m]))',
    );
  });
  it('Linkerd: split edges carry the caller\'s cluster and the normalised serving cluster', () => {
    const plain = linkerdAdapter.graphQueries({ window: '5m', view: 'service' });
    const split = linkerdAdapter.graphQueries({ window: '5m', view: 'service', byCluster: true });
    expect(Object.keys(split.queries)).toEqual(Object.keys(plain.queries));
    expect(split.queries.edgeMtls.promql).toBe(
      'sum by (namespace, deployment, dst_namespace, dst_deployment, cluster, dst_target_cluster) ((rate(request_total{direction="outbound",tls="true",dst_target_cluster!=""}[5m]) or label_replace(rate(request_total{direction="outbound",tls="true",dst_target_cluster=""}[5m]), "dst_target_cluster", "$1", "cluster", "(.*)")))',
    );
    expect(split.queries.serviceRequests.promql).toBe('sum by (namespace, deployment, cluster) (rate(request_total{direction="inbound"}[5m]))');
    expect(JSON.stringify(plain)).not.toContain('dst_target_cluster');
  });
});

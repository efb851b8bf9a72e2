import { describe, expect, it } from 'vitest';
import { GRAPH_QUERY_NAMES } from './graph';
import { istioAdapter } from './istio';
import { linkerdAdapter } from './linkerd';

const adapters = [istioAdapter, linkerdAdapter].map((a) => [a.kind, a] as const);

describe.each(adapters)('%s graph queries', (_kind, mesh) => {
  it('are a constant set, grouped in PromQL, whatever the mesh size or scope', () => {
    for (const view of ['service', 'workload'] as const) {
      const all = mesh.graphQueries({ window: '5m', view });
      const scoped = mesh.graphQueries({ window: '1h', view, namespace: 'shop' });
      expect(Object.keys(scoped.queries)).toEqual(Object.keys(all.queries));
      for (const name of Object.keys(all.queries)) expect(GRAPH_QUERY_NAMES).toContain(name);
      for (const q of Object.values(all.queries)) expect(q.promql).toMatch(/sum by \(/);
    }
  });

  it('labels every edge query with both ends and every node query with the node', () => {
    const { queries } = mesh.graphQueries({ window: '5m', view: 'service' });
    for (const q of [queries.edgeRequests, queries.edgeErrors, queries.edgeMtls, queries.edgeP95, queries.tcpBytes, queries.tcpMtlsBytes, queries.tcpConnections]) {
      expect(Object.keys(q.labels).sort()).toEqual(['namespace', 'service', 'sourceNamespace', 'sourceService']);
    }
    for (const q of [queries.serviceErrors, queries.serviceP95]) expect(Object.keys(q.labels).sort()).toEqual(['namespace', 'service']);
  });

  it('keeps edges touching the namespace from either end, escaping the value', () => {
    const { queries } = mesh.graphQueries({ window: '5m', view: 'service', namespace: 'pay"} or vector(1) {"' });
    const { labels, promql } = queries.edgeRequests;
    expect(promql).toContain(`${labels.namespace}="pay\\"} or vector(1) {\\""`);
    expect(promql).toContain(`${labels.sourceNamespace}="pay\\"} or vector(1) {\\""`);
  });

  it('rejects a window that is not a duration', () => {
    expect(() => mesh.graphQueries({ window: '5m]) or vector(1', view: 'service' })).toThrow(RangeError);
  });
});

describe('Istio graph queries', () => {
  it('read the destination reporter only, by service or by workload and revision', () => {
    const service = istioAdapter.graphQueries({ window: '5m', view: 'service' });
    for (const q of Object.values(service.queries)) expect(q.promql).toContain('reporter="destination"');
    expect(service.queries.edgeRequests.promql).toContain('by (source_workload_namespace, source_workload, destination_service_namespace, destination_service_name)');
    expect(service.queries.workloadServices?.promql).toBe(
      'sum by (destination_workload_namespace, destination_workload, destination_service_namespace, destination_service_name) (istio_requests_total{reporter="destination"})',
    );
    const workload = istioAdapter.graphQueries({ window: '5m', view: 'workload' });
    expect(workload.queries.workloadServices).toBeUndefined();
    expect(workload.queries.serviceRequests.promql).toContain('by (destination_workload_namespace, destination_workload, destination_canonical_revision)');
    // Quantiles cannot be merged across revisions: p95 is per workload.
    expect(workload.queries.serviceP95.promql).toContain('by (le, destination_workload_namespace, destination_workload)');
    for (const q of Object.values(workload.queries)) expect(q.promql).not.toContain('destination_service_name');
  });
});

describe('Linkerd graph queries', () => {
  const { queries, callersAsServices } = linkerdAdapter.graphQueries({ window: '5m', view: 'service' });

  it('read edges from the caller side and nodes from their own inbound side', () => {
    expect(callersAsServices).toBe(false);
    expect(queries.workloadServices).toBeUndefined();
    expect(queries.edgeRequests.promql).toContain('sum by (namespace, deployment, dst_namespace, dst_deployment) (rate(request_total{direction="outbound"}[5m]))');
    expect(queries.edgeMtls.promql).toContain('tls="true"');
    expect(queries.edgeErrors.promql).toContain('classification="failure"');
    expect(queries.serviceRequests.promql).toBe('sum by (namespace, deployment) (rate(request_total{direction="inbound"}[5m]))');
  });

  it('draws inbound traffic that no meshed caller sent as coming from an unknown caller', () => {
    expect(queries.edgeRequests.promql).toContain('label_replace(');
    expect(queries.edgeRequests.promql).toContain('"namespace", "unknown"');
    expect(queries.edgeRequests.promql).toContain('direction="inbound"');
  });

  it('counts TCP only for edges without HTTP requests (Linkerd counts every connection)', () => {
    expect(queries.tcpConnections.promql).toContain('tcp_open_total{direction="outbound",peer="dst"}');
    expect(queries.tcpConnections.promql).toContain('unless on (namespace, deployment, dst_namespace, dst_deployment)');
  });
});

import { describe, expect, it } from 'vitest';
import { graphQueries } from './queries';

describe('graphQueries', () => {
  it('is a constant set of queries grouped in PromQL, whatever the mesh size', () => {
    const all = graphQueries({ window: '5m' });
    // Ten traffic queries plus the workload -> service map.
    expect(Object.keys(all)).toHaveLength(11);
    expect(Object.keys(graphQueries({ window: '1h', namespace: 'shop' }))).toHaveLength(11);
    for (const q of Object.values(all)) {
      expect(q).toContain('reporter="destination"');
      expect(q).toMatch(/sum by \(/);
    }
    expect(all.edgeRequests).toContain('by (source_workload_namespace, source_workload, destination_service_namespace, destination_service_name)');
    expect(all.workloadServices).toBe(
      'sum by (destination_workload_namespace, destination_workload, destination_service_namespace, destination_service_name) (istio_requests_total{reporter="destination"})',
    );
  });

  it('has the same constant count in the workload view, grouped by workload and revision', () => {
    const service = graphQueries({ window: '5m' });
    const workload = graphQueries({ window: '5m', view: 'workload' });
    expect(Object.keys(workload)).toEqual(Object.keys(service));
    expect(workload.edgeRequests).toContain('by (source_workload_namespace, source_workload, destination_workload_namespace, destination_workload)');
    expect(workload.serviceRequests).toContain('by (destination_workload_namespace, destination_workload, destination_canonical_revision)');
    // Quantiles cannot be merged across revisions: p95 is per workload.
    expect(workload.serviceP95).toContain('by (le, destination_workload_namespace, destination_workload)');
    // Only the workload -> service map (run in both views, unused here) names services.
    for (const [name, q] of Object.entries(workload)) if (name !== 'workloadServices') expect(q).not.toContain('destination_service_name');
    const scoped = graphQueries({ window: '5m', view: 'workload', namespace: 'shop' }).edgeRequests;
    expect(scoped).toContain('destination_workload_namespace="shop"');
    expect(scoped).toContain('source_workload_namespace="shop"');
  });

  it('keeps edges touching the namespace from either end, escaping the value', () => {
    const q = graphQueries({ window: '5m', namespace: 'pay"} or vector(1) {"' }).edgeRequests;
    expect(q).toContain('destination_service_namespace="pay\\"} or vector(1) {\\""');
    expect(q).toContain('source_workload_namespace="pay\\"} or vector(1) {\\""');
  });

  it('rejects a window that is not a duration', () => {
    expect(() => graphQueries({ window: '5m]) or vector(1' })).toThrow(RangeError);
  });
});

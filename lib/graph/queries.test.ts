import { describe, expect, it } from 'vitest';
import { graphQueries } from './queries';

describe('graphQueries', () => {
  it('is a constant set of queries grouped in PromQL, whatever the mesh size', () => {
    const all = graphQueries({ window: '5m' });
    expect(Object.keys(all)).toHaveLength(10);
    expect(Object.keys(graphQueries({ window: '1h', namespace: 'shop' }))).toHaveLength(10);
    for (const q of Object.values(all)) {
      expect(q).toContain('reporter="destination"');
      expect(q).toMatch(/sum by \(/);
    }
    expect(all.edgeRequests).toContain('by (source_workload_namespace, source_workload, destination_service_namespace, destination_service_name)');
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

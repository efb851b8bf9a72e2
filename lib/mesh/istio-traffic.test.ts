import { describe, expect, it } from 'vitest';
import type { Grouping, MeshQuery } from './adapter';
import { istioAdapter as mesh } from './istio';

const TOTAL = 'istio_requests_total';
const selectors = (q: MeshQuery) => q.promql.match(/istio_\w+\{[^}]*\}/g) ?? [];

describe('Istio traffic questions', () => {
  it('builds the error ratio per service from destination-side counters, 5xx and resets only', () => {
    const q = mesh.errorRatio({ window: '5m', by: 'service', namespace: 'shop' });
    const by = 'sum by (destination_service_namespace, destination_service_name)';
    const total = `${by} (rate(${TOTAL}{reporter="destination",destination_service_namespace="shop"}[5m]))`;
    const errors = `${by} (rate(${TOTAL}{reporter="destination",destination_service_namespace="shop",response_code=~"5..|0"}[5m]))`;
    expect(q.promql).toBe(`(${errors} or ${total} * 0) / (${total} > 0)`);
    expect(q.labels).toEqual({ namespace: 'destination_service_namespace', service: 'destination_service_name' });
  });

  it.each<[Grouping, string, MeshQuery['labels']]>([
    ['mesh', 'sum(rate(', {}],
    ['namespace', 'sum by (destination_service_namespace) (', { namespace: 'destination_service_namespace' }],
    ['source', 'sum by (source_workload_namespace, source_workload) (', { sourceNamespace: 'source_workload_namespace', sourceService: 'source_workload' }],
    [
      'edge',
      'sum by (source_workload_namespace, source_workload, destination_service_namespace, destination_service_name) (',
      { sourceNamespace: 'source_workload_namespace', sourceService: 'source_workload', namespace: 'destination_service_namespace', service: 'destination_service_name' },
    ],
  ])('groups by %s in PromQL and says which labels carry the groups', (by, prefix, labels) => {
    const q = mesh.requestRate({ window: '1h', by });
    expect(q.promql.startsWith(prefix)).toBe(true);
    expect(q.labels).toEqual(labels);
  });

  it('reads mTLS from the server side only, where connection_security_policy is known', () => {
    const q = mesh.mtlsRatio({ window: '1h', by: 'edge' });
    expect(q.promql).toContain('connection_security_policy="mutual_tls"');
    for (const s of selectors(q)) expect(s).toContain('reporter="destination"');
    expect(mesh.plaintextRate({ window: '1h', by: 'edge' }).promql).toMatch(/connection_security_policy!="mutual_tls"\}\[1h\]\)\) > 0$/);
  });

  it('builds latency quantiles and buckets from the histogram, grouped with le', () => {
    expect(mesh.latencyQuantile({ window: '10m', by: 'source', quantile: 0.99, namespace: 'shop', service: 'catalog' }).promql).toBe(
      'histogram_quantile(0.99, sum by (le, source_workload_namespace, source_workload) (rate(istio_request_duration_milliseconds_bucket' +
        '{reporter="destination",destination_service_namespace="shop",destination_service_name="catalog"}[10m])))',
    );
    const buckets = mesh.latencyBuckets({ window: '5m', by: 'mesh', service: 'catalog' });
    expect(buckets.promql).toMatch(/^sum by \(le\) \(rate\(istio_request_duration_milliseconds_bucket\{/);
    expect(buckets.labels.le).toBe('le');
  });

  it.each([0, 1, -0.5, Number.NaN])('rejects quantile %s', (quantile) => {
    expect(() => mesh.latencyQuantile({ window: '5m', by: 'mesh', quantile })).toThrow(RangeError);
  });

  it('takes response flags from the caller side (UH, URX and UO never reach the destination) without "-"', () => {
    const q = mesh.responseFlags({ window: '5m', by: 'mesh', namespace: 'payments' });
    expect('unsupported' in q).toBe(false);
    if ('unsupported' in q) return;
    expect(q.promql).toBe(`sum by (response_flags) (rate(${TOTAL}{reporter="source",destination_service_namespace="payments",response_flags!="-"}[5m]))`);
    expect(q.labels.flag).toBe('response_flags');
    const only = mesh.responseFlags({ window: '5m', by: 'mesh', flags: ['URX', 'UO'] });
    expect('promql' in only && only.promql).toContain('response_flags=~"URX|UO"');
  });

  it('groups status codes by response_code', () => {
    const q = mesh.statusCodes({ window: '5m', by: 'mesh', namespace: 'shop', service: 'cart' });
    expect(q.promql).toMatch(/^sum by \(response_code\) \(rate\(istio_requests_total\{reporter="destination",/);
    expect(q.labels.code).toBe('response_code');
  });

  it.each([
    ['cat"alog', 'cat\\"alog'],
    ['a\\b', 'a\\\\b'],
    ['x"} or vector(1) or {a="', 'x\\"} or vector(1) or {a=\\"'],
    ['line\nbreak', 'line\\nbreak'],
  ])('escapes a hostile service name %j in every question', (service, escaped) => {
    const scope = { namespace: service, service, sourceNamespace: service, sourceService: service };
    const queries = [
      mesh.requestRate({ window: '5m', by: 'edge', ...scope }),
      mesh.errorRate({ window: '5m', by: 'edge', ...scope }),
      mesh.errorRatio({ window: '5m', by: 'edge', ...scope }),
      mesh.mtlsRatio({ window: '5m', by: 'edge', ...scope }),
      mesh.plaintextRate({ window: '5m', by: 'edge', ...scope }),
      mesh.latencyQuantile({ window: '5m', by: 'edge', quantile: 0.5, ...scope }),
      mesh.latencyBuckets({ window: '5m', by: 'edge', ...scope }),
      mesh.statusCodes({ window: '5m', by: 'edge', ...scope }),
    ];
    for (const q of queries) {
      expect(q.promql).toContain(`destination_service_name="${escaped}"`);
      expect(q.promql).toContain(`source_workload="${escaped}"`);
    }
  });

  it.each(['', '5', '5m]) or vector(1', '-5m'])('rejects window %j', (window) => {
    expect(() => mesh.errorRatio({ window, by: 'mesh' })).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { istioAdapter } from './istio';

const BY = 'by (destination_service_namespace, destination_service_name)';

describe('istioAdapter.serviceSummaryQueries', () => {
  it('builds the three grouped queries for all namespaces', () => {
    const q = istioAdapter.serviceSummaryQueries({ window: '5m' });
    const total = `sum(rate(istio_requests_total{reporter="destination"}[5m])) ${BY}`;
    const errors = `sum(rate(istio_requests_total{reporter="destination",response_code=~"5..|0"}[5m])) ${BY}`;
    expect(q.rps).toBe(total);
    expect(q.successRatio).toBe(`1 - ((${errors} or ${total} * 0) / (${total} > 0))`);
    expect(q.p95Ms).toBe(
      'histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])) ' +
        'by (le, destination_service_namespace, destination_service_name))',
    );
  });

  it.each([
    ['shop', 'destination_service_namespace="shop"'],
    ['we"ird', 'destination_service_namespace="we\\"ird"'],
    ['a\\b', 'destination_service_namespace="a\\\\b"'],
    ['x"} or vector(1) #', 'destination_service_namespace="x\\"} or vector(1) #"'],
  ])('escapes namespace %j into every query', (namespace, matcher) => {
    const q = istioAdapter.serviceSummaryQueries({ window: '1h', namespace });
    for (const query of Object.values(q)) {
      expect(query).toContain(matcher);
      expect(query).toContain('[1h]');
    }
  });

  it('reads only the destination reporter, never both', () => {
    const q = istioAdapter.serviceSummaryQueries({ window: '5m', namespace: 'shop' });
    for (const query of Object.values(q)) {
      expect(query).not.toContain('reporter="source"');
      const selectors = query.match(/istio_\w+\{[^}]*\}/g) ?? [];
      expect(selectors.length).toBeGreaterThan(0);
      for (const s of selectors) expect(s).toContain('reporter="destination"');
    }
  });

  it.each(['', '5', 'banana', '5m]) or vector(1', '-5m', '0s'])('rejects window %j', (window) => {
    expect(() => istioAdapter.serviceSummaryQueries({ window })).toThrow(RangeError);
  });

  it('keeps the query count constant', () => {
    expect(Object.keys(istioAdapter.serviceSummaryQueries({ window: '30s' }))).toHaveLength(3);
  });
});

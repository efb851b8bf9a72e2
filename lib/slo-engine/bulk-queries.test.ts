import { describe, expect, it } from 'vitest';
import { checkThreshold, bucketBoundaries } from '@/lib/slo/buckets';
import { PART_LABEL, countsFromResults, planCountQueries, type CountSample } from './bulk-queries';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { istioSli } from '@/lib/mesh';

const spec = (name: string, service: string, indicator: unknown = { type: 'availability' }, window = '30d'): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 't', indicator, objective: 99.9, window });
const svc = (service: string, extra: Record<string, string>) => ({ destination_service_namespace: 'shop', destination_service_name: service, ...extra });

describe('planCountQueries', () => {
  it('needs one query per window per indicator kind, however many SLOs', () => {
    const many = Array.from({ length: 200 }, (_, i) => spec(`a${i}`, `svc${i}`));
    const latency = Array.from({ length: 50 }, (_, i) => spec(`l${i}`, `svc${i}`, { type: 'latency', thresholdMs: i % 2 ? 100 : 250 }));
    const queries = planCountQueries([...many, ...latency], istioSli);
    // 5m 30m 1h 2h 6h 1d 3d 30d, for availability and for latency
    expect(queries).toHaveLength(16);
    expect(queries.filter((q) => q.id.startsWith('availability:')).map((q) => q.id.split(':')[1])).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']);
  });

  it('adds windows of other SLO lengths once, and one query per window per custom SLO', () => {
    const custom = spec('c', 'x', { type: 'custom', errorQuery: 'increase(bad[{{window}}])', totalQuery: 'increase(all[{{window}}])' });
    const queries = planCountQueries([spec('a', 'x'), spec('b', 'y', undefined, '28d'), custom], istioSli);
    // 28d adds itself and its scaled policy windows (28m, 1h52m, 5h36m, 22h24m, 2d19h12m) to the 8 of 30d.
    expect(queries.filter((q) => q.id.startsWith('availability:'))).toHaveLength(14);
    const customQueries = queries.filter((q) => q.id.startsWith('custom:c:'));
    expect(customQueries).toHaveLength(8);
    expect(customQueries[0]?.query).toBe(
      'label_replace(sum(increase(bad[5m])), "slo_part", "bad", "", "") or label_replace(sum(increase(all[5m])), "slo_part", "total", "", "")',
    );
  });

  it('sums bad and total separately per destination service, escaping names', () => {
    const [first] = planCountQueries([spec('a', 'check"out')], istioSli);
    expect(first?.query).toBe(
      'label_replace(sum by (destination_service_namespace, destination_service_name) (increase(istio_requests_total{reporter="destination",destination_service_namespace=~"shop",destination_service_name=~"check\\"out",response_code=~"5..|0"}[5m])), "slo_part", "bad", "", "")' +
        ' or label_replace(sum by (destination_service_namespace, destination_service_name) (increase(istio_requests_total{reporter="destination",destination_service_namespace=~"shop",destination_service_name=~"check\\"out"}[5m])), "slo_part", "total", "", "")',
    );
  });
});

describe('countsFromResults', () => {
  const results = (samples: Record<string, CountSample[]>) => new Map(Object.entries(samples));

  it('reads each SLO from the grouped vectors; a missing bad series is zero errors, a missing total no traffic', () => {
    const a = spec('a', 'cart');
    const samples = { 'availability:1h': [
      { labels: svc('cart', { [PART_LABEL]: 'bad' }), value: 12 },
      { labels: svc('cart', { [PART_LABEL]: 'total' }), value: 6000 },
      { labels: svc('catalog', { [PART_LABEL]: 'total' }), value: 9000 },
    ], 'availability:5m': [{ labels: svc('cart', { [PART_LABEL]: 'total' }), value: 500 }] };
    const out = countsFromResults(a, results(samples), istioSli);
    expect(out.ok && out.counts['1h']).toEqual({ bad: 12, total: 6000 });
    expect(out.ok && out.counts['5m']).toEqual({ bad: 0, total: 500 });
    expect(out.ok && out.counts['30m']).toEqual({ bad: 0, total: 0 });
  });

  it('counts latency errors as total minus the threshold bucket, whatever the le spelling', () => {
    const l = spec('l', 'cart', { type: 'latency', thresholdMs: 250 });
    const samples = { 'latency:1h': [
      { labels: svc('cart', { le: '250.0' }), value: 950 },
      { labels: svc('cart', { le: '+Inf' }), value: 1000 },
    ] };
    const out = countsFromResults(l, results(samples), istioSli);
    expect(out.ok && out.counts['1h']).toEqual({ bad: 50, total: 1000 });
  });

  it('adds up both spellings of a bound, side by side for a window after an upgrade to Prometheus 3', () => {
    // 660,000 requests under 250 ms counted as le="250" before the upgrade, 330,000 as "250.0" after:
    // 990,000 of 1,000,000 were fast, 1 % slow (the rule's le=~"250(\.0)?" sums both too).
    const l = spec('l', 'cart', { type: 'latency', thresholdMs: 250 });
    const samples = { 'latency:30d': [
      { labels: svc('cart', { le: '250' }), value: 660_000 },
      { labels: svc('cart', { le: '250.0' }), value: 330_000 },
      { labels: svc('cart', { le: '+Inf' }), value: 1_000_000 },
    ] };
    const out = countsFromResults(l, results(samples), istioSli);
    expect(out.ok && out.counts['30d']).toEqual({ bad: 10_000, total: 1_000_000 });
  });

  it('reports a threshold that is not a bucket boundary', () => {
    const l = spec('l', 'cart', { type: 'latency', thresholdMs: 300 });
    const samples = { 'latency:5m': [{ labels: svc('cart', { le: '+Inf' }), value: 10 }] };
    expect(countsFromResults(l, results(samples), istioSli)).toEqual({ ok: false, missingThresholdMs: 300 });
  });
});

describe('bucket thresholds', () => {
  const boundaries = bucketBoundaries(['5', '10', '25', '50', '100', '250', '500', '1000.0', '2500', '+Inf', 'NaN']);

  it('reads finite boundaries from le values', () => {
    expect(boundaries).toEqual([5, 10, 25, 50, 100, 250, 500, 1000, 2500]);
  });

  it.each([
    [250, { ok: true }],
    [1000, { ok: true }],
    [300, { ok: false, nearest: [250, 500] }],
    [1, { ok: false, nearest: [5] }],
    [9000, { ok: false, nearest: [2500] }],
  ])('threshold %d ms: %j', (threshold, expected) => {
    expect(checkThreshold(threshold, boundaries)).toMatchObject(expected);
  });

  it('says which boundaries are nearest', () => {
    const check = checkThreshold(300, boundaries);
    expect(!check.ok && check.message).toBe('300 ms is not a histogram bucket boundary in the data; nearest: 250 ms or 500 ms');
    expect(checkThreshold(300, [])).toMatchObject({ ok: false, nearest: [], message: 'no latency histogram buckets found for this service' });
  });
});

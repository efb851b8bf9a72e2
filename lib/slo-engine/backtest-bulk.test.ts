import { describe, expect, it } from 'vitest';
import { bulkCounts, bulkQueryId, planBulkQueries, type SeriesValues } from './backtest-bulk';
import { istioSli } from '@/lib/mesh';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';

const spec = (name: string, service: string, indicator: unknown = { type: 'availability' }): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 't', indicator, objective: 99.9, window: '30d' });
const custom = spec('c', 'x', { type: 'custom', errorQuery: 'increase(bad[{{window}}])', totalQuery: 'increase(all[{{window}}])' });
const latency = spec('l', 'cart', { type: 'latency', thresholdMs: 250 });
/** Four minutes ending at 600, 660, 720, 780. */
const span = { start: 600, end: 780, step: 60 };
const series = (labels: Record<string, string>, values: number[]): SeriesValues => ({ labels, start: 600, step: 60, values: Float64Array.from(values) });
const svc = (service: string, extra: Record<string, string>) => ({ destination_service_namespace: 'shop', destination_service_name: service, ...extra });
const arrays = (r: ReturnType<typeof bulkCounts>) => (r.ok ? { bad: [...r.steps.bad], total: [...r.steps.total] } : r);

describe('planBulkQueries', () => {
  it('one query per indicator kind and resolution (1m every 60 s, 5m every 300 s), however many SLOs; one per custom SLO', () => {
    const planned = planBulkQueries([spec('a', 'cart'), spec('b', 'reviews'), latency, custom], istioSli);
    expect(planned.map((q) => [q.id, q.step])).toEqual([
      ['availability:1m', 60],
      ['availability:5m', 300],
      ['latency:1m', 60],
      ['latency:5m', 300],
      ['custom:c:1m', 60],
      ['custom:c:5m', 300],
    ]);
    expect(bulkQueryId(custom, '1m')).toBe('custom:c:1m');
  });
});

describe('bulkCounts', () => {
  it.each([
    // [case, bad series (null: none), total series (null: none), expected bad, expected total]
    ['reads its own service', [2, NaN, 3, 5], [10, 20, 30, 50], [2, 0, 3, 5], [10, 20, 30, 50]],
    ['no bad series under traffic is no errors; a minute without traffic has no data', null, [10, 20, NaN, 50], [0, 0, NaN, 0], [10, 20, NaN, 50]],
    ['no series at all is no data', null, null, [NaN, NaN, NaN, NaN], [NaN, NaN, NaN, NaN]],
  ])('availability: %s', (_case, bad, total, expectedBad, expectedTotal) => {
    const mine = [bad && series(svc('cart', { slo_part: 'bad' }), bad), total && series(svc('cart', { slo_part: 'total' }), total)].filter((x) => x !== null);
    const results = new Map([['availability:1m', [...mine, series(svc('other', { slo_part: 'total' }), [9, 9, 9, 9])]]]);
    expect(arrays(bulkCounts(spec('a', 'cart'), results, span, istioSli))).toEqual({ bad: expectedBad, total: expectedTotal });
  });

  it('minutes without data take an even share of their 5-minute step', () => {
    // Minutes 360 .. 600 form the 5-minute step ending at 600; only 600 is in the span here.
    const results = new Map([
      ['availability:1m', [series(svc('cart', { slo_part: 'total' }), [NaN, 20, 30, 40])]],
      ['availability:5m', [{ labels: svc('cart', { slo_part: 'total' }), start: 600, step: 300, values: Float64Array.from([50]) }]],
    ]);
    expect(arrays(bulkCounts(spec('a', 'cart'), results, span, istioSli))).toEqual({ bad: [0, 0, 0, 0], total: [10, 20, 30, 40] });
  });

  it('latency: bad = +Inf bucket - threshold bucket; 250.0 spells 250; no series is no data', () => {
    const results = new Map([['latency:1m', [series(svc('cart', { le: '+Inf' }), [10, 20, 30, 40]), series(svc('cart', { le: '250.0' }), [9, 18, 25, 40]), series(svc('cart', { le: '100' }), [1, 1, 1, 1])]]]);
    expect(arrays(bulkCounts(latency, results, span, istioSli))).toEqual({ total: [10, 20, 30, 40], bad: [1, 2, 5, 0] });
    expect(arrays(bulkCounts(latency, new Map(), span, istioSli))).toEqual({ total: [NaN, NaN, NaN, NaN], bad: [NaN, NaN, NaN, NaN] });
  });

  it('latency: both spellings of a bound add up step by step, each missing where the other has the step', () => {
    // The upgrade between the second and third step: "250" has the first two, "250.0" the last two.
    const results = new Map([['latency:1m', [series(svc('cart', { le: '+Inf' }), [10, 20, 30, 40]), series(svc('cart', { le: '250' }), [9, 18, NaN, NaN]), series(svc('cart', { le: '250.0' }), [NaN, NaN, 25, 40])]]]);
    expect(arrays(bulkCounts(latency, results, span, istioSli))).toEqual({ total: [10, 20, 30, 40], bad: [1, 2, 5, 0] });
  });

  it('latency: traffic without the threshold bucket fails the spec', () => {
    const results = new Map([['latency:1m', [series(svc('cart', { le: '+Inf' }), [10, 20, 30, 40]), series(svc('cart', { le: '100' }), [1, 1, 1, 1])]]]);
    expect(bulkCounts(latency, results, span, istioSli)).toEqual({ ok: false, missingThresholdMs: 250 });
  });

  it('custom: the spec own query, unlabelled by service', () => {
    const results = new Map([['custom:c:1m', [series({ slo_part: 'bad' }, [1, 2, 3, 4]), series({ slo_part: 'total' }, [10, 20, 30, 40])]]]);
    expect(arrays(bulkCounts(custom, results, span, istioSli))).toEqual({ bad: [1, 2, 3, 4], total: [10, 20, 30, 40] });
  });
});

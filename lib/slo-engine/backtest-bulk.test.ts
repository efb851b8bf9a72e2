import { describe, expect, it } from 'vitest';
import { bulkCounts, bulkQueryId, planBulkQueries, type SeriesValues } from './backtest-bulk';
import { sampleStep } from './backtest-queries';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { istioSli } from '@/lib/mesh';

const spec = (name: string, service: string, indicator: unknown = { type: 'availability' }): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 't', indicator, objective: 99.9, window: '30d' });
const custom = spec('c', 'x', { type: 'custom', errorQuery: 'increase(bad[{{window}}])', totalQuery: 'increase(all[{{window}}])' });
const latency = spec('l', 'cart', { type: 'latency', thresholdMs: 250 });
const grid = { start: 600, step: 60, length: 4 };
const series = (labels: Record<string, string>, values: number[]): SeriesValues => ({ labels, start: 600, step: 60, values: Float64Array.from(values) });
const svc = (service: string, extra: Record<string, string>) => ({ destination_service_namespace: 'shop', destination_service_name: service, ...extra });

describe('planBulkQueries', () => {
  it('names every window of every spec as bulkQueryId() does, with the window sampling step', () => {
    const needs = [spec('a', 'cart'), latency, custom].map((s) => ({ spec: s, windows: ['5m', '1h', '3d', '30d'] }));
    const planned = planBulkQueries(needs, istioSli);
    // 4 windows x (availability, latency, custom c): one query each, shared by every SLO of a kind.
    expect(planned).toHaveLength(12);
    for (const { spec: s, windows } of needs) for (const w of windows) expect(planned.find((q) => q.id === bulkQueryId(s, w))).toMatchObject({ window: w, step: sampleStep(w) });
    expect(planned.find((q) => q.id === 'availability:3d')?.step).toBe(72 * 60);
  });
});

describe('bulkCounts', () => {
  // A missing sample holds the previous one for up to 5 minutes (backtest-grid.ts resample()).
  it.each([
    // [case, bad series (null: none), total series (null: none), expected bad, expected total]
    ['reads its own service; a held sample fills a gap', [2, NaN, 3, 5], [10, 20, NaN, 50], [2, 2, 3, 5], [10, 20, 20, 50]],
    ['no bad series under traffic is no errors', null, [10, 20, 30, 50], [0, 0, 0, 0], [10, 20, 30, 50]],
    ['no series at all is no data', null, null, [null, null, null, null], [null, null, null, null]],
  ])('availability: %s', (_case, bad, total, expectedBad, expectedTotal) => {
    const mine = [bad && series(svc('cart', { slo_part: 'bad' }), bad), total && series(svc('cart', { slo_part: 'total' }), total)].filter((x) => x !== null);
    const results = new Map([['availability:5m', [...mine, series(svc('other', { slo_part: 'total' }), [9, 9, 9, 9])]]]);
    expect(bulkCounts(spec('a', 'cart'), ['5m'], results, grid, istioSli)).toEqual({ ok: true, counts: { '5m': { bad: expectedBad, total: expectedTotal } } });
  });

  it('latency: bad = +Inf bucket - threshold bucket; 250.0 spells 250; no threshold series without traffic is no data', () => {
    const results = new Map([['latency:5m', [series(svc('cart', { le: '+Inf' }), [10, 20, 30, 40]), series(svc('cart', { le: '250.0' }), [9, 18, 25, 40]), series(svc('cart', { le: '100' }), [1, 1, 1, 1])]]]);
    expect(bulkCounts(latency, ['5m'], results, grid, istioSli)).toEqual({ ok: true, counts: { '5m': { total: [10, 20, 30, 40], bad: [1, 2, 5, 0] } } });
    expect(bulkCounts(latency, ['5m'], new Map(), grid, istioSli)).toEqual({ ok: true, counts: { '5m': { total: [null, null, null, null], bad: [null, null, null, null] } } });
  });

  it('latency: traffic without the threshold bucket fails the spec', () => {
    const results = new Map([['latency:5m', [series(svc('cart', { le: '+Inf' }), [10, 20, 30, 40]), series(svc('cart', { le: '100' }), [1, 1, 1, 1])]]]);
    expect(bulkCounts(latency, ['5m'], results, grid, istioSli)).toEqual({ ok: false, missingThresholdMs: 250 });
  });

  it('custom: the spec own query, unlabelled by service', () => {
    const results = new Map([['custom:c:5m', [series({ slo_part: 'bad' }, [1, 2, 3, 4]), series({ slo_part: 'total' }, [10, 20, 30, 40])]]]);
    expect(bulkCounts(custom, ['5m'], results, grid, istioSli)).toEqual({ ok: true, counts: { '5m': { bad: [1, 2, 3, 4], total: [10, 20, 30, 40] } } });
  });
});

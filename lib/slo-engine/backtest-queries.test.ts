// The backtest's query plan and the request parsing of its routes.
import { describe, expect, it } from 'vitest';
import { backtestRange, withPolicy } from './backtest-http';
import { backtestSpans, recordedCheckQuery, recordedQueries, spanChunks } from './backtest-queries';
import { planBulkQueries } from './backtest-bulk';
import { backtestWindows } from '@/lib/slo/backtest/backtest';
import { makeGrid } from '@/lib/slo/backtest/grid';
import { resolvePolicy } from '@/lib/slo/policy';
import { sliHash } from '@/lib/slo/sli-hash';
import { istioSli } from '@/lib/mesh';
import { sloSpecSchema } from '@/lib/slo/spec';

const spec = sloSpecSchema.parse({ name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'shop', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
const latency = sloSpecSchema.parse({ ...spec, indicator: { type: 'latency', thresholdMs: 250 }, objective: 99 });

describe('query plan', () => {
  it('reads every policy window, the 5m event and 1h significance windows and the SLO window', () => {
    expect(backtestWindows(resolvePolicy(spec), spec.window)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']);
    const custom = resolvePolicy({ window: '30d', policy: { alerts: [{ severity: 'ticket', longWindow: '6h', threshold: 6 }] } });
    expect(backtestWindows(custom, '28d')).toEqual(['5m', '30m', '1h', '6h', '28d']);
  });

  it('reads minutes from the longest policy window before the grid, 5-minute steps from the SLO window before it', () => {
    const T = 1_790_856_000; // a multiple of 300
    const grid = makeGrid(T - 30 * 86_400, T, 60);
    const spans = backtestSpans(grid, backtestWindows(resolvePolicy(spec), spec.window), spec.window);
    expect(spans.minute).toEqual({ start: grid.start - 3 * 86_400, end: T, step: 60 });
    expect(spans.block).toEqual({ start: grid.start - 30 * 86_400, end: T, step: 300 });
    // The engine's minutes begin with the first block's first minute.
    expect(spans.steps).toEqual({ start: grid.start - 30 * 86_400 - 240, end: T, step: 60 });
    // 33 days of minutes (47,521 points) in 5 chunks of at most 11,000; 60 days of 5 minutes in 2.
    const chunks = spanChunks(spans.minute);
    expect(chunks.map((c) => (c.end - c.start) / 60 + 1)).toEqual([11_000, 11_000, 11_000, 11_000, 3521]);
    expect(chunks.at(-1)?.end).toBe(T);
    expect(spanChunks(spans.block)).toHaveLength(2);
  });

  it('raw queries count events per minute and per 5 minutes, bad and total apart by a label', () => {
    const [minute, block] = planBulkQueries([spec], istioSli);
    expect(minute).toMatchObject({ id: 'availability:1m', step: 60 });
    expect(minute?.query).toBe(
      'label_replace(sum by (destination_service_namespace, destination_service_name) (increase(istio_requests_total{reporter="destination",destination_service_namespace=~"shop",destination_service_name=~"cart",response_code=~"5..|0"}[1m])), "slo_part", "bad", "", "") or ' +
        'label_replace(sum by (destination_service_namespace, destination_service_name) (increase(istio_requests_total{reporter="destination",destination_service_namespace=~"shop",destination_service_name=~"cart"}[1m])), "slo_part", "total", "", "")',
    );
    expect(block).toMatchObject({ id: 'availability:5m', step: 300 });
    expect(planBulkQueries([latency], istioSli)[0]?.query).toMatch(/le=~"250\(\\\\.0\)\?\|\\\\\+Inf".*\[1m\]/);
  });

  it('recorded queries select the current definition by sli_hash', () => {
    const hash = sliHash(spec, istioSli);
    const [bad, total] = recordedQueries(spec, ['1h'], istioSli);
    expect(bad).toMatchObject({ kind: 'bad', query: `slo:sli_error:ratio_rate1h{slo="cart-availability",sli_hash="${hash}"}`, eventsQuery: total?.query });
    expect(total?.query).toBe(`slo:sli_events:increase1h{slo="cart-availability",sli_hash="${hash}"}`);
    expect(recordedCheckQuery(spec, ['5m', '1h'], istioSli)).toBe(
      `count by (__name__) ({__name__=~"slo:sli_events:increase5m|slo:sli_events:increase1h",slo="cart-availability",sli_hash="${hash}"})`,
    );
  });
});

describe('request parsing', () => {
  const NOW = 1_790_856_000;
  it.each([
    [undefined, undefined, { from: NOW - 30 * 86_400, to: NOW }],
    [NOW - 3600, NOW - 60, { from: NOW - 3600, to: NOW - 60 }],
    [NOW - 3600.5, undefined, { from: NOW - 3601, to: NOW }],
  ])('range from=%s to=%s', (from, to, want) => {
    expect(backtestRange(spec, from, to, NOW)).toEqual(want);
  });

  it('a 90-day SLO defaults to the longest range, 35 days', () => {
    expect(backtestRange({ window: '90d' }, undefined, NOW, NOW)).toEqual({ from: NOW - 35 * 86_400, to: NOW });
  });

  it.each([
    [NOW, NOW, /before to/],
    [NOW - 36 * 86_400, NOW, /at most 35 days/],
  ])('rejects from=%s to=%s with 422', (from, to, message) => {
    expect(() => backtestRange(spec, from, to, NOW)).toThrow(message);
  });

  it('validates a candidate policy against the SLO window', () => {
    expect(withPolicy(spec, '{"alerts":[{"severity":"page","longWindow":"1h","threshold":10}]}').policy?.alerts).toHaveLength(1);
    expect(() => withPolicy(spec, '{"alerts":[{"severity":"page","longWindow":"40d","threshold":10}]}')).toThrow(/longer than the SLO window/);
    expect(() => withPolicy(spec, 'nope')).toThrow(/must be JSON/);
    expect(withPolicy(spec, undefined)).toBe(spec);
  });
});

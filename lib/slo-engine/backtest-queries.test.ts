// The backtest's query plan and the request parsing of its routes.
import { describe, expect, it } from 'vitest';
import { backtestRange, withPolicy } from './backtest-http';
import { backtestWindows, holdSeconds, rawQueries, recordedCheckQuery, recordedQueries, sampleStep } from './backtest-queries';
import { resolvePolicy } from '@/lib/slo/policy';
import { sliHash } from '@/lib/slo/sli-hash';
import { sloSpecSchema } from '@/lib/slo/spec';
import { istioSli } from '@/lib/mesh';

const spec = sloSpecSchema.parse({ name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'shop', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
const latency = sloSpecSchema.parse({ ...spec, indicator: { type: 'latency', thresholdMs: 250 }, objective: 99 });

describe('query plan', () => {
  it('reads every policy window, the 5m event window and the SLO window', () => {
    expect(backtestWindows(resolvePolicy(spec), spec.window)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']);
    const custom = resolvePolicy({ window: '30d', policy: { alerts: [{ severity: 'ticket', longWindow: '6h', threshold: 6 }] } });
    expect(backtestWindows(custom, '28d')).toEqual(['5m', '30m', '6h', '28d']);
  });

  it.each([
    ['5m', 60, 300],
    ['1h', 60, 300],
    ['2h', 120, 300],
    ['3d', 4320, 4321],
    ['30d', 43_200, 43_201],
  ])('%s is sampled every %i s and held up to %i s', (window, step, hold) => {
    expect(sampleStep(window)).toBe(step);
    expect(holdSeconds(window, step)).toBe(hold);
  });

  it('raw queries are the recording rules\' expressions; the SLO window needs only its events', () => {
    const queries = rawQueries(spec, ['5m', '30d'], istioSli);
    expect(queries.map((q) => [q.window, q.kind])).toEqual([
      ['5m', 'bad'],
      ['5m', 'total'],
      ['30d', 'total'],
    ]);
    expect(queries[0]?.query).toBe(
      'sum(increase(istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_service_name="cart",response_code=~"5..|0"}[5m]))',
    );
    // Latency: bad = all - good, so a missing threshold bucket gives no value rather than "no errors".
    expect(rawQueries(latency, ['1h'], istioSli)[0]?.query).toMatch(/^sum\(increase\(.*le="\+Inf".*\[1h\]\)\) - sum\(increase\(.*le=~"250\(\\\\.0\)\?".*\[1h\]\)\)$/);
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

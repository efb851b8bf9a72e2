import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolvePolicy } from '../policy';
import { seriesText, syntheticCounters, UnsupportedIndicatorError } from './rule-test-series';
import { fireTimes, ruleTestsYaml, trafficRatios } from './rule-tests';
import { sloSpecSchema, type SloSpecInput } from '../spec';
import { istioSli, linkerdSli } from '@/lib/mesh';
import { goodTotalErrorQuery } from '../good-total';

const spec = (over: Partial<SloSpecInput> = {}) =>
  sloSpecSchema.parse({ name: 'checkout', service: 'checkout', namespace: 'shop', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d', ...over });
const custom = (errorQuery: string, totalQuery: string) => spec({ indicator: { type: 'custom', errorQuery, totalQuery } });

describe('fireTimes', () => {
  // Rule true from 1m (or 2m on Prometheus 3); fires `for` later, at the next whole minute.
  it.each([
    ['2m30s', 180, 300],
    ['15m', 900, 1020],
    ['1h', 3600, 3720],
    ['0s', 0, 120],
  ])('for %s: not yet at %i s, fired by %i s', (forText, notYet, fired) => expect(fireTimes(forText)).toEqual({ notYet, fired }));
});

describe('trafficRatios', () => {
  it.each([
    // 20x of a 0.1% budget = 2% of 1e6; normal is half the budget.
    [99.9, undefined, 20_000, 500],
    // 90%: 20x would be 200% errors, so every request fails; 14.4x is out of reach anyway.
    [90, undefined, 1_000_000, 50_000],
    // A 30x page: burn 1.25 x 30 = 37.5x of 1%.
    [99, [{ severity: 'page', longWindow: '1h', threshold: 30 }], 375_000, 5_000],
    // A 0.4x ticket: normal traffic still burns half the budget (and the generated test shows the pair fires on it).
    [99, [{ severity: 'ticket', longWindow: '3d', threshold: 0.4 }], 200_000, 5_000],
  ] as const)('objective %s, policy %j: %i and %i bad a minute', (objective, alerts, burnBad, normalBad) => {
    const s = spec({ objective, ...(alerts ? { policy: { alerts: alerts.map((a) => ({ ...a })) } } : {}) });
    expect(trafficRatios(s, resolvePolicy(s))).toEqual({ burnBad, normalBad });
  });
});

describe('syntheticCounters', () => {
  it('availability: 200s and 503s of the service, server side', () => {
    expect(syntheticCounters(spec(), istioSli, 2, 10).map((c) => [seriesText(c), c.perMinute])).toEqual([
      ['istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_service_name="checkout",response_code="200"}', 8],
      ['istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_service_name="checkout",response_code="503"}', 2],
    ]);
  });

  it('availability on Linkerd: inbound responses classified success and failure', () => {
    expect(syntheticCounters(spec(), linkerdSli, 2, 10).map((c) => [seriesText(c), c.perMinute])).toEqual([
      ['response_total{direction="inbound",namespace="shop",deployment="checkout",classification="success",status_code="200"}', 8],
      ['response_total{direction="inbound",namespace="shop",deployment="checkout",classification="failure",status_code="503"}', 2],
    ]);
  });

  it.each([
    // One metric: the good series lacks the failing code, the other one carries it.
    ['sum(increase(http_requests_total{job="web",code!~"5.."}[{{window}}]))', [['http_requests_total{job="web"}', 8], ['http_requests_total{job="web",code="500"}', 2]]],
    // Two metrics: the total counts every event.
    ['sum(increase(ok_total{job="web"}[{{window}}]))', [['ok_total{job="web"}', 8], ['http_requests_total{job="web"}', 10]]],
  ])('good/total %s', (goodQuery, expected) => {
    const total = 'sum(increase(http_requests_total{job="web"}[{{window}}]))';
    const counters = syntheticCounters(custom(goodTotalErrorQuery(goodQuery, total), total), istioSli, 2, 10);
    expect(counters.map((c) => [seriesText(c), c.perMinute])).toEqual(expected);
  });

  it('latency: the threshold bucket holds the good ones, +Inf all', () => {
    const counters = syntheticCounters(spec({ indicator: { type: 'latency', thresholdMs: 250 } }), istioSli, 2, 10);
    expect(counters.map((c) => [c.labels.le, c.perMinute])).toEqual([
      ['250', 8],
      ['+Inf', 10],
    ]);
  });

  it.each([
    // One metric: the bad series carries the extra label, the other one the good events.
    ['sum(rate(http_requests_total{job="api",code=~"5.."}[{{window}}]))', 'sum(rate(http_requests_total{job="api"}[{{window}}]))', [['http_requests_total{job="api"}', 8], ['http_requests_total{job="api",code="500"}', 2]]],
    // Two metrics: the total counts every event.
    ['increase(errors_total[{{window}}])', 'sum by (job) (increase(requests_total{job!="x"}[{{window}}]))', [['requests_total{}', 10], ['errors_total{}', 2]]],
  ])('custom %s / %s', (errorQuery, totalQuery, expected) => {
    expect(syntheticCounters(custom(errorQuery, totalQuery), istioSli, 2, 10).map((c) => [seriesText(c), c.perMinute])).toEqual(expected);
  });

  it.each([
    ['sum(rate(a{code=~"5.."}[{{window}}])) / 2', 'sum(rate(a[{{window}}]))', /not of the form/],
    ['sum(rate(a{code=~"5.."}[{{window}}]))', 'sum(increase(a[{{window}}]))', /uses rate and the total query increase/],
    ['sum(rate(a{code=~".*"}[{{window}}]))', 'sum(rate(a[{{window}}]))', /plain example/],
    ['sum(rate(a{code!="200"}[{{window}}]))', 'sum(rate(a{code!="500"}[{{window}}]))', /no pair of series/],
  ])('custom queries it cannot synthesise say why: %s', (errorQuery, totalQuery, message) => {
    expect(() => syntheticCounters(custom(errorQuery, totalQuery), istioSli, 2, 10)).toThrow(UnsupportedIndicatorError);
    expect(() => syntheticCounters(custom(errorQuery, totalQuery), istioSli, 2, 10)).toThrow(message);
  });
});

describe('ruleTestsYaml', () => {
  it('loads the rules file next to it and tests the burn and normal traffic at the same times', () => {
    const doc = parse(ruleTestsYaml(spec(), istioSli)) as { rule_files: string[]; tests: Array<{ alert_rule_test: Array<{ eval_time: string; exp_alerts: Array<{ exp_labels: Record<string, string> }> }> }> };
    expect(doc.rule_files).toEqual(['slo-checkout.rules.yaml']);
    const [burn, normal] = doc.tests;
    // Default policy: page 1h (for 2m30s), page 6h (15m), ticket 1d (1h), ticket 3d (3h).
    expect(burn?.alert_rule_test.map((c) => [c.eval_time, c.exp_alerts.map((a) => a.exp_labels.long_window)])).toEqual([
      ['3m', []],
      ['5m', ['1h']],
      ['15m', ['1h']],
      ['17m', ['1h', '6h']],
      ['1h', ['1h', '6h']],
      ['1h2m', ['1h', '6h', '1d']],
      ['3h', ['1h', '6h', '1d']],
      ['3h2m', ['1h', '6h', '1d', '3d']],
    ]);
    expect(normal?.alert_rule_test.every((c) => c.exp_alerts.length === 0)).toBe(true);
    expect(doc.tests).toHaveLength(4);
  });

  it('adds a total outage without any successful series, whose 5m error ratio must be 1', () => {
    const doc = parse(ruleTestsYaml(spec(), linkerdSli)) as { tests: Array<{ input_series?: Array<{ series: string }>; promql_expr_test?: Array<{ exp_samples: Array<{ value: number }> }> }> };
    const outage = doc.tests[3];
    expect(outage?.input_series?.map((i) => i.series)).toEqual([
      'response_total{direction="inbound",namespace="shop",deployment="checkout",classification="failure",status_code="503"}',
    ]);
    expect(outage?.promql_expr_test?.[0]?.exp_samples.map((e) => e.value)).toEqual([1]);
  });
});

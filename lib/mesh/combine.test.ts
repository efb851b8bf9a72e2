import { describe, expect, it } from 'vitest';
import { combineServiceSummary } from './combine';
import type { MeshSample, ServiceSummaryResults } from './types';

const s = (namespace: string, service: string, value: number): MeshSample => ({
  labels: { destination_service_namespace: namespace, destination_service_name: service },
  value,
});

const one = (rps: number | undefined, success: number | undefined, p95: number | undefined): ServiceSummaryResults => ({
  rps: rps === undefined ? [] : [s('shop', 'catalog', rps)],
  successRatio: success === undefined ? [] : [s('shop', 'catalog', success)],
  p95Ms: p95 === undefined ? [] : [s('shop', 'catalog', p95)],
});

describe('combineServiceSummary', () => {
  // Expected values worked out by hand from request counts over a 5m (300 s) window.
  it.each([
    // 600 requests, 3 errors, p95 bucket interpolation 100 + (250-100) * 0.2 = 130
    ['600 req, 3 errors', one(2, 0.995, 130), { rps: 2, successRatio: 0.995, p95Ms: 130 }, {}],
    // 30 000 requests, 0 errors: the `or total * 0` branch gives ratio exactly 1
    ['30k req, no errors', one(100, 1, 12.5), { rps: 100, successRatio: 1, p95Ms: 12.5 }, {}],
    // zero traffic: `> 0` dropped the ratio sample, histogram_quantile over empty buckets is NaN
    ['zero traffic', one(0, undefined, NaN), { rps: 0, successRatio: null, p95Ms: null },
      { successRatio: 'no traffic in window', p95Ms: 'no traffic in window' }],
    ['0/0 leaked as NaN', one(0, NaN, undefined), { rps: 0, successRatio: null, p95Ms: null },
      { successRatio: 'no traffic in window', p95Ms: 'no traffic in window' }],
    ['p95 in the +Inf bucket', one(1, 0.5, Infinity), { rps: 1, successRatio: 0.5, p95Ms: null },
      { p95Ms: 'above the highest finite histogram bucket' }],
    ['traffic but no ratio sample', one(3, undefined, 40), { rps: 3, successRatio: null, p95Ms: 40 },
      { successRatio: 'no sample from Prometheus' }],
    ['NaN rate', one(NaN, 1, 5), { rps: null, successRatio: 1, p95Ms: 5 }, { rps: 'Prometheus returned NaN' }],
    ['-Inf ratio', one(1, -Infinity, 5), { rps: 1, successRatio: null, p95Ms: 5 },
      { successRatio: 'Prometheus returned -Inf' }],
  ])('%s', (_name, results, values, reasons) => {
    expect(combineServiceSummary(results)).toEqual([{ namespace: 'shop', service: 'catalog', ...values, reasons }]);
  });

  it('joins vectors returned in different orders and sorts by namespace then service', () => {
    const rows = combineServiceSummary({
      rps: [s('shop', 'payments', 4), s('edge', 'frontend', 10), s('shop', 'catalog', 6)],
      successRatio: [s('shop', 'catalog', 0.999), s('shop', 'payments', 0.98), s('edge', 'frontend', 1)],
      p95Ms: [s('edge', 'frontend', 80), s('shop', 'payments', 300), s('shop', 'catalog', 45)],
    });
    expect(rows.map((r) => [r.namespace, r.service, r.rps, r.successRatio, r.p95Ms])).toEqual([
      ['edge', 'frontend', 10, 1, 80],
      ['shop', 'catalog', 6, 0.999, 45],
      ['shop', 'payments', 4, 0.98, 300],
    ]);
  });

  it('does not mix services that share a name across namespaces', () => {
    const rows = combineServiceSummary({
      rps: [s('a', 'api', 1), s('b', 'api', 2)],
      successRatio: [s('b', 'api', 0.9)],
      p95Ms: [],
    });
    expect(rows.map((r) => [r.namespace, r.rps, r.successRatio])).toEqual([
      ['a', 1, null],
      ['b', 2, 0.9],
    ]);
  });

  it('returns no rows for empty vectors', () => {
    expect(combineServiceSummary({ rps: [], successRatio: [], p95Ms: [] })).toEqual([]);
  });
});

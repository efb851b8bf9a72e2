// Runs the Istio summary queries through Prometheus's own engine (`promtool test rules`) over
// hand-made counters, so the expectations are computed by hand, not by the code under test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBinary } from '@/scripts/system/deps';
import { istioAdapter } from './istio';

const promtool = findBinary('promtool', 'PROMTOOL_BIN');

const requests = (reporter: string, service: string, code: string) =>
  `istio_requests_total{reporter="${reporter}",destination_service_namespace="shop",` +
  `destination_service_name="${service}",response_code="${code}"}`;
const bucket = (service: string, le: string) =>
  `istio_request_duration_milliseconds_bucket{reporter="destination",destination_service_namespace="shop",` +
  `destination_service_name="${service}",le="${le}"}`;
const key = (service: string) => `{destination_service_namespace="shop",destination_service_name="${service}"}`;

// Per-minute increments; both reporters see the same traffic, only one may be counted.
const inputSeries = [
  ...['destination', 'source'].flatMap((r) => [
    { series: requests(r, 'catalog', '200'), values: '0+594x10' },
    { series: requests(r, 'catalog', '503'), values: '0+6x10' },
    { series: requests(r, 'catalog', '404'), values: '0+6x10' }, // 4xx is the caller's, not an error
    { series: requests(r, 'payments', '200'), values: '0+60x10' }, // no error series at all
    { series: requests(r, 'idle', '200'), values: '5+0x10' }, // zero traffic in the window
  ]),
  { series: bucket('catalog', '100'), values: '0+480x10' },
  { series: bucket('catalog', '250'), values: '0+600x10' },
  { series: bucket('catalog', '+Inf'), values: '0+606x10' },
  { series: bucket('idle', '100'), values: '3+0x10' },
  { series: bucket('idle', '+Inf'), values: '3+0x10' },
];

const q = istioAdapter.serviceSummaryQueries({ window: '5m' });
const expected = [
  // 606 requests a minute = 10.1/s; 6 of them 5xx = 0.1/s
  { expr: q.rps, samples: [['catalog', 10.1], ['payments', 1], ['idle', 0]] },
  { expr: q.successRatio, samples: [['catalog', 1 - 0.1 / 10.1], ['payments', 1]] }, // idle: no sample
  // rank 0.95 * 606 = 575.7 falls in (100, 250]: 100 + 150 * (575.7 - 480) / (600 - 480)
  { expr: `${q.p95Ms} > 0`, samples: [['catalog', 219.625]] },
  // Zero traffic gives NaN, the only value not equal to itself (promtool cannot expect NaN).
  { expr: `${q.p95Ms} != bool ${q.p95Ms}`, samples: [['catalog', 0], ['idle', 1]] },
] as const;

describe.skipIf(promtool === null)('Istio summary queries in Prometheus', () => {
  it('give the hand-computed rate, success ratio and p95', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-promql-'));
    const tests = [
      {
        interval: '1m',
        input_series: inputSeries,
        // Both sides rounded to 1e-6: promtool compares floats exactly.
        promql_expr_test: expected.map(({ expr, samples }) => ({
          expr: `round((${expr}) * 1e6) / 1e6`,
          eval_time: '10m',
          exp_samples: samples.map(([service, value]) => ({ labels: key(service), value: Math.round(value * 1e6) / 1e6 })),
        })),
      },
    ];
    const file = path.join(dir, 'test.yml');
    writeFileSync(file, JSON.stringify({ evaluation_interval: '1m', tests })); // YAML is a superset of JSON
    try {
      const out = execFileSync(promtool ?? 'promtool', ['test', 'rules', file], { encoding: 'utf8' });
      expect(out).toContain('SUCCESS');
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`promtool: ${e.stdout ?? ''}${e.stderr ?? ''}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

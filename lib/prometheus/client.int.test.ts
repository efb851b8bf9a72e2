import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from './client';
import { PrometheusError } from './errors';
import { escapeLabelValue } from '@/lib/promql';

// A real Prometheus from the integration global setup. Only constant expressions are queried, so
// nothing here depends on which metrics the fixture happens to hold.
let client: PrometheusClient;
beforeAll(() => {
  client = createPrometheusClient({ baseUrl: inject('prometheusUrl'), timeoutMs: 10_000 });
});

describe('Prometheus client against a real Prometheus', () => {
  it('reads the build version and readiness', async () => {
    expect((await client.buildInfo()).version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await client.ready()).toBe(true);
  });

  it('runs an instant query', async () => {
    const result = await client.instantQuery('vector(1)');
    expect(result.resultType).toBe('vector');
    if (result.resultType !== 'vector') return;
    expect(result.samples).toHaveLength(1);
    expect(result.samples[0]).toMatchObject({ labels: {}, value: 1 });
  });

  it('stamps samples at an explicit time, in milliseconds', async () => {
    const time = 1_700_000_000.5;
    const result = await client.instantQuery('vector(time())', { time });
    if (result.resultType !== 'vector') return expect.fail(`got ${result.resultType}`);
    expect(result.samples[0]).toEqual({ labels: {}, timeMs: 1_700_000_000_500, value: time });
  });

  it('returns one point per step over a range, in milliseconds', async () => {
    const end = Math.floor(Date.now() / 1000 / 60) * 60 - 3_600;
    const start = end - 600;
    const result = await client.rangeQuery('vector(1)', { start, end, step: 60 });
    expect(result.series).toHaveLength(1);
    const points = result.series[0]?.points ?? [];
    expect(points).toHaveLength(11); // both ends included: 600 s / 60 s + 1
    expect(points.map(([t]) => t)).toEqual(Array.from({ length: 11 }, (_, i) => (start + i * 60) * 1000));
    expect(points.every(([, v]) => v === 1)).toBe(true);
  });

  it.each([
    ['1/0', Infinity],
    ['-1/0', -Infinity],
    ['0/0', NaN],
  ])('turns %s into the number %d', async (query, value) => {
    const result = await client.instantQuery(query);
    expect(result).toMatchObject({ resultType: 'scalar', value });
  });

  it('answers a range selector on an instant query with a matrix', async () => {
    const result = await client.instantQuery('vector(1)[5m:1m]', { time: 1_700_000_000 });
    expect(result.resultType).toBe('matrix');
    if (result.resultType === 'matrix') expect(result.series[0]?.points.length).toBeGreaterThan(0);
  });

  it('reports an invalid query as api/bad_data with status 400', async () => {
    const err = await client.instantQuery('sum(').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrometheusError);
    expect(err).toMatchObject({ kind: 'api', status: 400, errorType: 'bad_data', endpoint: '/api/v1/query' });
    expect((err as PrometheusError).error).toMatch(/parse error/);
  });

  it('round-trips hostile label values through escapeLabelValue', async () => {
    const value = 'a"} or vector(2) # \\ \n ünï 🚀';
    const query = `label_replace(vector(1), "v", "${escapeLabelValue(value)}", "", "")`;
    const result = await client.instantQuery(query);
    if (result.resultType !== 'vector') return expect.fail(`got ${result.resultType}`);
    expect(result.samples.map((s) => s.labels)).toEqual([{ v: value }]);
  });
});

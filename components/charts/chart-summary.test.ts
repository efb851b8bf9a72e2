import { describe, expect, it } from 'vitest';
import type { Series } from '@/lib/dashboards/schema';
import { heatmapSummary, timeseriesSummary } from './chart-summary';

const s = (name: string, values: (number | null)[]): Series => ({ name, labels: {}, points: values.map((v, i) => [i * 60_000, v]) });

describe('timeseriesSummary', () => {
  it('names the unit, the latest non-null values (highest first) and the markers', () => {
    const text = timeseriesSummary('Error ratio', {
      series: [s('catalog', [0.001, 0.002]), s('cart', [0.004, null])],
      unit: 'ratio',
      markers: [{ timeMs: Date.UTC(2026, 8, 29, 12), label: 'catalog v2', kind: 'deployment' }],
    });
    expect(text).toBe('Error ratio: line chart of 2 series in %. Latest: cart 0.40%, catalog 0.20%. Markers: catalog v2 at 2026-09-29 12:00 UTC.');
  });

  it('counts the series it does not name', () => {
    const series = Array.from({ length: 7 }, (_, i) => s(`svc${i}`, [i]));
    expect(timeseriesSummary('Rates', { series, unit: 'reqps', stacked: true })).toContain('stacked area chart of 7 series in req/s. Latest: svc6 6 req/s');
    expect(timeseriesSummary('Rates', { series, unit: 'reqps' })).toContain(', and 2 more.');
  });
});

describe('heatmapSummary', () => {
  it('names the busiest bucket', () => {
    const text = heatmapSummary('Latency', { kind: 'heatmap', unit: 'ms', buckets: ['25', '100', '+Inf'], timesMs: [0, 1], cells: [[0, 0, 1], [0, 1, 2], [1, 1, 2]] });
    expect(text).toBe('Latency: heatmap of requests per second by latency bucket over 2 time steps; most requests fall in the bucket up to 100 ms.');
  });
});

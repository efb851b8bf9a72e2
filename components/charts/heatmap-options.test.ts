import { describe, expect, it } from 'vitest';
import { LIGHT_CHART_THEME as theme } from './chart-theme';
import type { HeatmapSeriesOption } from './echart';
import { bucketLabels, heatmapOption, timeLabels, type HeatmapData } from './heatmap-options';

const T0 = Date.UTC(2026, 9, 1, 10, 0);
const data: HeatmapData = {
  kind: 'heatmap',
  unit: 'ms',
  buckets: ['25', '100', '250', '+Inf'],
  timesMs: [T0, T0 + 60_000],
  cells: [
    [0, 0, 12],
    [0, 1, 3],
    [0, 3, 0],
    [1, 2, 7.5],
  ],
};

describe('heatmapOption', () => {
  const option = heatmapOption(data, theme);

  it('labels buckets by their bounds from the data, +Inf as "above the last"', () => {
    expect(bucketLabels(data.buckets, 'ms')).toEqual(['≤ 25 ms', '≤ 100 ms', '≤ 250 ms', '> 250 ms']);
    expect((option.yAxis as { data: string[] }).data).toEqual(['≤ 25 ms', '≤ 100 ms', '≤ 250 ms', '> 250 ms']);
  });

  it('puts UTC clock times across', () => {
    expect((option.xAxis as { data: string[] }).data).toEqual(['10:00', '10:01']);
    expect(timeLabels([T0, T0 + 2 * 86_400_000])).toEqual(['10-01 10:00', '10-03 10:00']);
  });

  it('scales colour to the busiest cell and leaves empty buckets blank', () => {
    expect(option.visualMap).toMatchObject({ min: 0, max: 12, inRange: { color: [theme.accent, theme.accent], colorAlpha: [0.12, 1] } });
    const [series] = option.series as HeatmapSeriesOption[];
    expect(series?.data).toEqual([
      [0, 0, 12],
      [0, 1, 3],
      [1, 2, 7.5],
    ]);
  });

  it('keeps a usable scale without any traffic', () => {
    expect(heatmapOption({ ...data, cells: [] }, theme).visualMap).toMatchObject({ max: 1 });
  });
});

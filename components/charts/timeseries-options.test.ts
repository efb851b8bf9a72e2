import { describe, expect, it } from 'vitest';
import type { Series } from '@/lib/dashboards/schema';
import { LIGHT_CHART_THEME as theme } from './chart-theme';
import type { LineSeriesOption } from './echart';
import { MARKER_SERIES, MAX_LABELLED_MARKERS, timeseriesOption } from './timeseries-options';

const T0 = 1_790_852_400_000;
const series = (name: string, values: (number | null)[]): Series => ({
  name,
  labels: {},
  points: values.map((v, i) => [T0 + i * 60_000, v]),
});

type Axis = { name?: string; min?: number; max?: number; axisLabel: { formatter: (v: number) => string } };
const yAxis = (o: ReturnType<typeof timeseriesOption>) => o.yAxis as Axis;
const lines = (o: ReturnType<typeof timeseriesOption>) => o.series as LineSeriesOption[];

describe('timeseriesOption', () => {
  it.each([
    ['reqps', 'req/s', 1234, '1,234'],
    ['ms', 'ms', 250, '250'],
    ['ratio', '%', 0.005, '0.5'], // ratios read as percentages on the axis
    ['cores', 'cores', 0.25, '0.25'],
  ] as const)('puts the unit %s on the value axis as "%s"', (unit, label, tick, text) => {
    const option = timeseriesOption({ series: [series('a', [1])], unit, theme });
    expect(yAxis(option).name).toBe(label);
    expect(yAxis(option).axisLabel.formatter(tick)).toBe(text);
  });

  it('scales byte ticks instead of naming one unit', () => {
    const option = timeseriesOption({ series: [series('a', [1])], unit: 'bytes', theme });
    expect(yAxis(option).axisLabel.formatter(50 * 1024 * 1024)).toBe('50 MiB');
  });

  it('keeps gaps as gaps (null is not zero)', () => {
    const option = timeseriesOption({ series: [series('a', [1, null, 3])], unit: 'reqps', theme });
    const [line] = lines(option);
    expect(line?.connectNulls).toBe(false);
    expect(line?.data).toEqual([
      [T0, 1],
      [T0 + 60_000, null],
      [T0 + 120_000, 3],
    ]);
  });

  it('draws each deployment as a dashed vertical line at its time, outside the legend', () => {
    const markers = [
      { timeMs: T0 + 120_000, label: 'catalog v2', kind: 'deployment' as const },
      { timeMs: T0 + 300_000, label: 'HighErrorRate', kind: 'alert' as const },
    ];
    const option = timeseriesOption({ series: [series('cart', [0.01, 0.02])], unit: 'ratio', markers, theme });
    const marker = lines(option).find((s) => s.name === MARKER_SERIES);
    const data = marker?.markLine?.data as { xAxis: number; name: string; lineStyle: { color: string } }[];
    expect(data.map((d) => [d.xAxis, d.name])).toEqual([
      [T0 + 120_000, 'catalog v2'],
      [T0 + 300_000, 'HighErrorRate'],
    ]);
    expect(data[0]?.lineStyle.color).toBe(theme.accent);
    expect(data[1]?.lineStyle.color).toBe(theme.bad);
    expect((option.legend as { data: string[] }).data).not.toContain(MARKER_SERIES);
  });

  it('hides marker labels when there are too many to read', () => {
    const markers = Array.from({ length: MAX_LABELLED_MARKERS + 1 }, (_, i) => ({ timeMs: T0 + i * 60_000, label: `v${i}`, kind: 'deployment' as const }));
    const option = timeseriesOption({ series: [series('a', [1])], unit: 'reqps', markers, theme });
    const marker = lines(option).find((s) => s.name === MARKER_SERIES);
    expect((marker?.markLine?.label as { show: boolean }).show).toBe(false);
  });

  it('stacks every series when asked, and not otherwise', () => {
    const input = { series: [series('200', [5]), series('503', [1])], unit: 'reqps' as const, theme };
    expect(lines(timeseriesOption({ ...input, stacked: true })).map((s) => s.stack)).toEqual(['total', 'total']);
    expect(lines(timeseriesOption(input)).map((s) => s.stack)).toEqual([undefined, undefined]);
  });

  it('spans the requested range and shows a legend whenever there is a series, even one', () => {
    const range = { startMs: T0 - 3_600_000, endMs: T0 };
    const one = timeseriesOption({ series: [series('a', [1])], unit: 'reqps', range, theme });
    expect(one.xAxis).toMatchObject({ type: 'time', min: range.startMs, max: range.endMs });
    expect(one.legend).toMatchObject({ show: true, data: ['a'] });
    expect(timeseriesOption({ series: [series('a', [1]), series('b', [2])], unit: 'reqps', theme }).legend).toMatchObject({ show: true });
  });

  it('paints 5xx series red, whatever their position', () => {
    const option = timeseriesOption({ series: [series('200', [5]), series('500', [1])], unit: 'reqps', stacked: true, theme });
    expect(lines(option)[1]?.itemStyle?.color).toBe(theme.bad);
    expect(lines(option)[0]?.itemStyle).toBeUndefined();
  });

  it('uses the theme palette, which holds no status colour', () => {
    const option = timeseriesOption({ series: [series('a', [1])], unit: 'reqps', theme });
    expect(option.color).toEqual(theme.palette);
    expect(theme.palette).not.toContain(theme.bad);
    expect(theme.palette).not.toContain(theme.good);
  });
});

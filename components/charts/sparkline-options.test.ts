import { describe, expect, it } from 'vitest';
import { LIGHT_CHART_THEME as theme } from './chart-theme';
import type { LineSeriesOption } from './echart';
import { sparklineOption } from './sparkline-options';

const trend = { name: 'success', labels: {}, points: [[0, 0.999], [60_000, 0.98]] as [number, number | null][] };

describe('sparklineOption', () => {
  it.each([
    ['good', theme.good],
    ['warn', theme.warn],
    ['bad', theme.bad],
    ['unknown', theme.muted],
  ] as const)('draws a %s trend in %s', (health, color) => {
    const [line] = sparklineOption({ series: trend, unit: 'ratio', health, theme }).series as LineSeriesOption[];
    expect(line?.lineStyle?.color).toBe(color);
  });

  it('hides both axes and does not start the scale at zero', () => {
    const option = sparklineOption({ series: trend, unit: 'ratio', health: 'good', theme });
    expect(option.xAxis).toMatchObject({ show: false });
    expect(option.yAxis).toMatchObject({ show: false, scale: true });
  });

  it('formats tooltip values with the unit', () => {
    const option = sparklineOption({ series: trend, unit: 'ratio', health: 'good', theme });
    const format = (option.tooltip as { valueFormatter: (v: unknown) => string }).valueFormatter;
    expect(format(0.98)).toBe('98.00%');
  });
});

// Pure option builder for the small trend line under a stat: no axes, coloured by the stat's health.
import type { Health, Series, Unit } from '@/lib/dashboards/schema';
import { formatUnit } from '../format-unit';
import { healthColor, type ChartTheme } from './chart-theme';
import type { ChartOption } from './echart';

export interface SparklineInput {
  series: Series;
  unit: Unit;
  health: Health;
  theme: ChartTheme;
}

export function sparklineOption({ series, unit, health, theme }: SparklineInput): ChartOption {
  const color = healthColor(theme, health);
  return {
    backgroundColor: 'transparent',
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value: unknown) => (typeof value === 'number' ? formatUnit(value, unit) : '—'),
      backgroundColor: theme.surface,
      borderColor: theme.border,
      textStyle: { color: theme.text },
    },
    // scale: a success rate moving between 99.2 % and 99.9 % must not look flat against a 0 baseline.
    xAxis: { type: 'time', show: false },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        name: series.name,
        data: series.points.map(([t, v]) => [t, v]),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color, width: 1.5 },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.12 },
      },
    ],
  };
}

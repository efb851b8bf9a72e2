import type { ChartOption } from '@/components/charts/echart';
import type { ChartTheme } from '@/components/charts/chart-theme';
import { TIME_AXIS_NAME_ROOM, UTC_OPTION, utcTimeAxis } from '@/components/charts/time-axis';

// The budget burn-down chart: remaining budget (fraction, from the server) over the SLO window. Pure.

export interface BudgetPoint {
  time: number;
  remaining: number | null;
}

export function budgetChartOption(points: readonly BudgetPoint[], theme: ChartTheme): ChartOption {
  return {
    animation: false,
    ...UTC_OPTION,
    grid: { left: 56, right: TIME_AXIS_NAME_ROOM, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
    xAxis: utcTimeAxis(theme),
    yAxis: {
      type: 'value',
      axisLabel: { color: theme.muted, formatter: '{value}%' },
      splitLine: { lineStyle: { color: theme.border } },
    },
    series: [
      {
        type: 'line',
        name: 'Budget remaining',
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: theme.accent, width: 2 },
        itemStyle: { color: theme.accent },
        areaStyle: { color: theme.accent, opacity: 0.12 },
        // Milliseconds for the time axis; percent for people.
        data: points.map((p) => [p.time * 1000, p.remaining === null ? null : p.remaining * 100]),
        markLine: { silent: true, symbol: 'none', lineStyle: { color: theme.bad, type: 'dashed' }, label: { show: false }, data: [{ yAxis: 0 }] },
      },
    ],
  };
}

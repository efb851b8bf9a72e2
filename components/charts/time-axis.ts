// The x-axis of every chart over time, read in UTC like every other time in the app (lib/format):
// ticks in UTC (with the option's `useUTC`), the axis named "UTC", the tooltip's heading labelled. Pure.
import { formatUtc } from '@/lib/format';
import type { ChartTheme } from './chart-theme';

/** Spread into a chart option: ECharts draws time ticks in the browser's zone unless told otherwise. */
export const UTC_OPTION = { useUTC: true } as const;

/** Room at the right of the grid for the axis name (px). */
export const TIME_AXIS_NAME_ROOM = 32;

/** A `type: 'time'` x-axis; `min`/`max` in milliseconds, as ECharts' time axis counts. */
export function utcTimeAxis(theme: ChartTheme, bounds: { min?: number; max?: number } = {}) {
  return {
    type: 'time' as const,
    ...bounds,
    name: 'UTC',
    nameGap: 6,
    nameTextStyle: { color: theme.muted, fontSize: 10 },
    axisLabel: { color: theme.muted, hideOverlap: true },
    axisLine: { lineStyle: { color: theme.border } },
    // The tooltip's heading (trigger 'axis') is this label: `2026-10-01 11:00 UTC`, not ECharts' unlabelled local time.
    axisPointer: { label: { formatter: (params: { value: unknown }) => formatUtc(Number(params.value)) } },
  };
}

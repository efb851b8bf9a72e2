// Pure option builder for latency heatmaps: time across, histogram buckets (as read from the data's
// `le` labels) up, colour = observations per second in that bucket.
import type { PanelData, Unit } from '@/lib/dashboards/schema';
import { formatUtc } from '@/lib/format';
import { formatUnit, UNIT_LABELS } from '../format-unit';
import type { ChartTheme } from './chart-theme';
import { TIME_AXIS_NAME_ROOM } from './time-axis';
import type { ChartOption } from './echart';

export type HeatmapData = Extract<PanelData, { kind: 'heatmap' }>;

/** `≤ 250` for a bucket's upper bound, `> 10000` for +Inf (it holds everything above the last bound). */
export function bucketLabels(buckets: readonly string[], unit: Unit): string[] {
  const suffix = UNIT_LABELS[unit] && unit !== 'ratio' ? ` ${UNIT_LABELS[unit]}` : '';
  return buckets.map((le, i) => {
    if (le !== '+Inf') return `≤ ${Number(le)}${suffix}`;
    const previous = buckets[i - 1];
    return previous === undefined ? 'all' : `> ${Number(previous)}${suffix}`;
  });
}

/** Time labels: `HH:MM` within a day, the date as well beyond it; the axis is named UTC. */
export function timeLabels(timesMs: readonly number[]): string[] {
  const first = timesMs[0];
  const last = timesMs[timesMs.length - 1];
  const multiDay = first !== undefined && last !== undefined && last - first > 86_400_000;
  return timesMs.map((t) => (multiDay ? formatUtc(t, { label: false }).slice(5) : formatUtc(t, { date: false, label: false })));
}

export function heatmapOption(data: HeatmapData, theme: ChartTheme): ChartOption {
  // Empty buckets stay background-coloured instead of the faintest shade, so "no requests" reads as such.
  const cells = data.cells.filter(([, , v]) => v > 0);
  const max = cells.reduce((m, [, , v]) => Math.max(m, v), 0);
  const times = timeLabels(data.timesMs);
  const buckets = bucketLabels(data.buckets, data.unit);
  return {
    backgroundColor: 'transparent',
    animation: false,
    textStyle: { color: theme.text },
    grid: { left: 8, right: TIME_AXIS_NAME_ROOM, top: 8, bottom: 48, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    tooltip: {
      confine: true,
      backgroundColor: theme.surface,
      borderColor: theme.border,
      textStyle: { color: theme.text },
      formatter: (params: unknown) => {
        const value = (params as { value?: unknown }).value;
        if (!Array.isArray(value)) return '';
        const [t, b, v] = value as [number, number, number];
        return `${times[t] ?? ''} UTC · ${buckets[b] ?? ''}: ${formatUnit(v, 'reqps')}`;
      },
    },
    xAxis: { type: 'category', data: times, name: 'UTC', nameGap: 6, nameTextStyle: { color: theme.muted, fontSize: 10 }, axisLabel: { color: theme.muted, hideOverlap: true }, axisLine: { lineStyle: { color: theme.border } } },
    yAxis: { type: 'category', data: buckets, axisLabel: { color: theme.muted }, axisLine: { lineStyle: { color: theme.border } } },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: max > 0 ? max : 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      text: ['more req/s', 'fewer'],
      textStyle: { color: theme.muted },
      // One hue, fading out towards few requests: zero reads as the background, busy as the accent.
      inRange: { color: [theme.accent, theme.accent], colorAlpha: [0.12, 1] },
    },
    series: [{ type: 'heatmap', name: 'Requests per second', data: cells, emphasis: { itemStyle: { borderColor: theme.text, borderWidth: 1 } } }],
  };
}

// Pure option builder for time series panels (lines, or stacked areas), with the unit on the value
// axis and events such as deployments drawn as vertical marker lines.
import type { Marker, Series, Unit } from '@/lib/dashboards/schema';
import { axisTickFormatter, formatUnit, UNIT_LABELS } from '../format-unit';
import type { ChartTheme } from './chart-theme';
import type { ChartOption, LineSeriesOption } from './echart';
import { statusStyles } from './status-colors';
import { TIME_AXIS_NAME_ROOM, UTC_OPTION, utcTimeAxis } from './time-axis';

export interface TimeseriesInput {
  series: readonly Series[];
  unit: Unit;
  markers?: readonly Marker[];
  stacked?: boolean;
  /** The requested range in ms, so the x axis spans it even where data is missing. */
  range?: { startMs: number; endMs: number };
  theme: ChartTheme;
}

/** Name of the helper series that carries the marker lines (kept out of the legend). */
export const MARKER_SERIES = 'Events';
/** More marker labels than this would overlap; the lines stay, the names move to the tooltip. */
export const MAX_LABELLED_MARKERS = 4;

export function markerColor(theme: ChartTheme, kind: Marker['kind']): string {
  return kind === 'deployment' ? theme.accent : kind === 'alert' ? theme.bad : theme.muted;
}

function markerSeries(markers: readonly Marker[], theme: ChartTheme): LineSeriesOption {
  const labelled = markers.length <= MAX_LABELLED_MARKERS;
  return {
    type: 'line',
    name: MARKER_SERIES,
    data: [],
    silent: false,
    markLine: {
      symbol: ['none', 'none'],
      animation: false,
      label: { show: labelled, formatter: '{b}', position: 'end', color: theme.text, fontSize: 11 },
      tooltip: { formatter: '{b}' },
      data: markers.map((m) => ({
        name: m.label,
        xAxis: m.timeMs,
        lineStyle: { color: markerColor(theme, m.kind), type: 'dashed', width: 1.5 },
      })),
    },
  };
}

/** A time-axis line chart; `stacked` stacks areas (e.g. responses by status code). */
export function timeseriesOption({ series, unit, markers = [], stacked = false, range, theme }: TimeseriesInput): ChartOption {
  const format = (value: unknown) => (typeof value === 'number' ? formatUnit(value, unit) : '—');
  const styles = statusStyles(series, theme);
  const lines: LineSeriesOption[] = series.map((s, i) => {
    const { color, dashed } = styles[i] ?? { dashed: false };
    return {
      type: 'line',
      name: s.name,
      data: s.points.map(([t, v]) => [t, v]),
      showSymbol: false,
      connectNulls: false,
      lineStyle: { width: 1.5, ...(dashed ? { type: 'dashed' as const } : {}) },
      ...(color ? { color, itemStyle: { color } } : {}),
      emphasis: { focus: 'series' },
      ...(stacked ? { stack: 'total', areaStyle: { opacity: dashed ? 0.2 : 0.35 } } : {}),
    };
  });
  const showLegend = series.length > 1;
  return {
    backgroundColor: 'transparent',
    color: [...theme.palette],
    textStyle: { color: theme.text },
    animationDuration: 300,
    // Axis labels stay inside the canvas (ECharts 6's replacement for `containLabel`).
    ...UTC_OPTION,
    grid: { left: 8, right: TIME_AXIS_NAME_ROOM, top: showLegend ? 60 : 36, bottom: 4, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    legend: {
      show: showLegend,
      type: 'scroll',
      top: 0,
      data: series.map((s) => s.name),
      textStyle: { color: theme.muted },
      pageTextStyle: { color: theme.muted },
      icon: 'roundRect',
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      order: 'valueDesc',
      valueFormatter: format,
      backgroundColor: theme.surface,
      borderColor: theme.border,
      textStyle: { color: theme.text },
    },
    xAxis: { ...utcTimeAxis(theme, { min: range?.startMs, max: range?.endMs }), splitLine: { show: false } },
    yAxis: {
      type: 'value',
      name: UNIT_LABELS[unit] || undefined,
      nameTextStyle: { color: theme.muted, align: 'left' },
      axisLabel: { color: theme.muted, formatter: axisTickFormatter(unit) },
      splitLine: { lineStyle: { color: theme.border } },
    },
    series: markers.length > 0 ? [...lines, markerSeries(markers, theme)] : lines,
  };
}

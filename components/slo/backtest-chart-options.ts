import type { ChartOption, LineSeriesOption } from '@/components/charts/echart';
import type { ChartTheme } from '@/components/charts/chart-theme';
import { TIME_AXIS_NAME_ROOM, UTC_OPTION, utcTimeAxis } from '@/components/charts/time-axis';
import type { BacktestResult, Episode, SignificantEvent } from '@/lib/slo/backtest/schema';

// The backtest timeline: burn rate per policy window, each pair's threshold, and the periods in which
// alerts would have fired (page red, ticket amber) over the significant budget-consuming events
// (a lighter band). Pure: the data is the API's downsampled timeline, used as it comes.

export interface BacktestChartSettings {
  /** Log y axis: a 14.4x page threshold and a 1x ticket one are both readable. */
  logScale: boolean;
  /** Also plot the short windows (noisier; they only gate the long ones). */
  showShort: boolean;
}

type ChartInput = Pick<BacktestResult, 'to' | 'policy' | 'episodes' | 'events' | 'timeline'>;

/** Shading opacity: strong enough to see under the lines in both themes, light enough to read them. */
const EPISODE_OPACITY = 0.22;
/** Events are context, not verdicts, so their band is fainter than an episode's. */
const EVENT_OPACITY = 0.08;
/** A log axis cannot show 0; burn rates below this (almost no errors) sit on the floor instead. */
export const LOG_FLOOR = 0.01;

/** Distinct windows in policy order: long windows first, then (optionally) short ones. */
export function chartWindows(policy: ChartInput['policy'], showShort: boolean): Array<{ window: string; short: boolean }> {
  const seen = new Set<string>();
  const out: Array<{ window: string; short: boolean }> = [];
  const add = (window: string, short: boolean) => {
    if (seen.has(window)) return;
    seen.add(window);
    out.push({ window, short });
  };
  for (const p of policy) add(p.longWindow, false);
  if (showShort) for (const p of policy) add(p.shortWindow, true);
  return out;
}

/** [ms, burn] points; on a log axis, zeros and negatives become the floor so the line stays drawn. */
export function burnPoints(start: number, step: number, values: readonly (number | null)[], logScale: boolean): Array<[number, number | null]> {
  return values.map((v, i) => {
    const t = (start + i * step) * 1000;
    if (v === null || !Number.isFinite(v)) return [t, null];
    return [t, logScale ? Math.max(v, LOG_FLOOR) : v];
  });
}

/** A shaded band from `start` to `end` (unix seconds); an open end runs to the end of the range. */
function band(name: string, start: number, end: number | null, to: number, color: string, opacity: number) {
  return [
    { name, xAxis: start * 1000, itemStyle: { color, opacity } },
    { xAxis: (end ?? to) * 1000 },
  ] as [Record<string, unknown>, Record<string, unknown>];
}

function episodeBands(episodes: readonly Episode[], severity: Episode['severity'], to: number, color: string) {
  return episodes.filter((e) => e.severity === severity).map((e) => band(severity, e.start, e.end, to, color, EPISODE_OPACITY));
}

function eventBands(events: readonly SignificantEvent[], to: number, color: string) {
  return events.map((e) => band('event', e.start, e.end, to, color, EVENT_OPACITY));
}

/** An empty series that only carries bands, so the legend can show and hide them like any line. */
function bandSeries(name: string, color: string, data: ReturnType<typeof band>[]): LineSeriesOption {
  return { type: 'line', name, data: [], silent: true, itemStyle: { color }, lineStyle: { color }, markArea: { silent: true, label: { show: false }, data: data as never } };
}

export function backtestChartOption(result: ChartInput, theme: ChartTheme, settings: BacktestChartSettings): ChartOption {
  const { timeline, policy, to } = result;
  const windows = chartWindows(policy, settings.showShort);
  const lines: LineSeriesOption[] = windows.map(({ window, short }, i) => {
    const color = theme.palette[i % theme.palette.length] ?? theme.accent;
    // Each pair's threshold is drawn once, on its long window's line.
    const thresholds = short ? [] : policy.filter((p) => p.longWindow === window);
    return {
      type: 'line',
      name: `${window} burn rate`,
      showSymbol: false,
      connectNulls: false,
      lineStyle: { color, width: short ? 1 : 2, type: short ? 'dotted' : 'solid' },
      itemStyle: { color },
      data: burnPoints(timeline.start, timeline.step, timeline.burnRates[window] ?? [], settings.logScale),
      ...(thresholds.length > 0
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              data: thresholds.map((p) => ({
                yAxis: p.threshold,
                lineStyle: { color: p.severity === 'page' ? theme.bad : theme.warn, type: 'dashed' as const },
                // Short labels: on a log axis 14.4x, 6x and 3x sit a few pixels apart.
                label: { formatter: `${p.longWindow}/${p.shortWindow} ${p.threshold}x`, color: theme.text, position: 'insideEndTop' as const, fontSize: 10 },
              })),
            },
          }
        : {}),
    };
  });
  return {
    animation: false,
    // Unix times are UTC; so are the axis and tooltip, matching the episodes table.
    ...UTC_OPTION,
    // Room for a legend that wraps to two lines in a half-width column (the form's comparison).
    grid: { left: 56, right: TIME_AXIS_NAME_ROOM, top: 56, bottom: 32 },
    legend: { top: 0, textStyle: { color: theme.text } },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(2)}x` : '—') },
    xAxis: utcTimeAxis(theme, { min: timeline.start * 1000, max: to * 1000 }),
    yAxis: {
      type: settings.logScale ? 'log' : 'value',
      ...(settings.logScale ? { min: LOG_FLOOR } : {}),
      axisLabel: { color: theme.muted, formatter: '{value}x' },
      splitLine: { lineStyle: { color: theme.border } },
    },
    series: [
      ...lines,
      bandSeries('Significant events', theme.muted, eventBands(result.events, to, theme.muted)),
      bandSeries('Ticket episodes', theme.warn, episodeBands(result.episodes, 'ticket', to, theme.warn)),
      bandSeries('Page episodes', theme.bad, episodeBands(result.episodes, 'page', to, theme.bad)),
    ],
  };
}

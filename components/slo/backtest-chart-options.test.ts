import { describe, expect, it } from 'vitest';
import { LIGHT_CHART_THEME } from '@/components/charts/chart-theme';
import type { BacktestResult } from '@/lib/slo/backtest/schema';
import { backtestChartOption, burnPoints, chartWindows, LOG_FLOOR } from './backtest-chart-options';

// A 30d SLO's default policy (factors from the SRE Workbook, ch. 5: 14.4, 6, 3, 1).
const policy: BacktestResult['policy'] = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4, budgetShare: 0.02, for: '2m' },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', threshold: 6, budgetShare: 0.05, for: '15m' },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', threshold: 3, budgetShare: 0.1, for: '1h' },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', threshold: 1, budgetShare: 0.1, for: '3h' },
];
const input = {
  to: 1_000_600,
  policy,
  episodes: [
    { severity: 'page' as const, start: 1_000_060, end: 1_000_180, peakBurnRate: 20, budgetConsumed: 0.03, pairs: ['1h/5m'] },
    { severity: 'ticket' as const, start: 1_000_300, end: null, peakBurnRate: 3.5, budgetConsumed: 0.01, pairs: ['1d/2h'] },
  ],
  events: [{ start: 1_000_000, end: 1_000_240, budgetConsumed: 0.04, detectedAt: 1_000_060, detectionSeconds: 60, resetSeconds: -60, severity: 'page' as const }],
  timeline: { start: 1_000_000, step: 60, burnRates: { '1h': [0, 2, null], '5m': [1, 30, 0.5] }, firing: { page: [false, true, false], ticket: [false, false, false] } },
};

interface Series {
  name: string;
  data: unknown[];
  markLine?: { data: Array<{ yAxis: number; lineStyle: { color: string } }> };
  markArea?: { data: Array<[{ xAxis: number; itemStyle: { color: string } }, { xAxis: number }]> };
}
const seriesOf = (o: ReturnType<typeof backtestChartOption>) => o.series as unknown as Series[];

describe('chartWindows', () => {
  it.each([
    [false, ['1h', '6h', '1d', '3d']],
    [true, ['1h', '6h', '1d', '3d', '5m', '30m', '2h']], // 6h is both a long and a short window: plotted once
  ])('short windows %s -> %j', (showShort, expected) => {
    expect(chartWindows(policy, showShort).map((w) => w.window)).toEqual(expected);
  });
});

describe('burnPoints', () => {
  it.each([
    [false, [[60_000, 0], [120_000, 2.5], [180_000, null]]],
    [true, [[60_000, LOG_FLOOR], [120_000, 2.5], [180_000, null]]],
  ])('log %s: milliseconds, gaps kept, zero on the floor of a log axis', (log, expected) => {
    expect(burnPoints(60, 60, [0, 2.5, null], log)).toEqual(expected);
  });
});

describe('backtestChartOption', () => {
  const option = backtestChartOption(input, LIGHT_CHART_THEME, { logScale: false, showShort: false });

  it('draws one line per long window and each pair threshold on its long window', () => {
    const lines = seriesOf(option).filter((s) => s.name.endsWith('burn rate'));
    expect(lines.map((s) => s.name)).toEqual(['1h burn rate', '6h burn rate', '1d burn rate', '3d burn rate']);
    expect(lines[0]?.data).toEqual([[1_000_000_000, 0], [1_000_060_000, 2], [1_000_120_000, null]]);
    // A window absent from the timeline is an empty line, not an error.
    expect(lines[1]?.data).toEqual([]);
    expect(lines[0]?.markLine?.data.map((m) => [m.yAxis, m.lineStyle.color])).toEqual([[14.4, LIGHT_CHART_THEME.bad]]);
    expect(lines[3]?.markLine?.data.map((m) => [m.yAxis, m.lineStyle.color])).toEqual([[1, LIGHT_CHART_THEME.warn]]);
  });

  it('shades pages red and tickets amber, open episodes up to `to`, events as their own band', () => {
    const band = (name: string) => seriesOf(option).find((s) => s.name === name)?.markArea?.data.map(([a, b]) => [a.xAxis, b.xAxis, a.itemStyle.color]);
    expect(band('Page episodes')).toEqual([[1_000_060_000, 1_000_180_000, LIGHT_CHART_THEME.bad]]);
    expect(band('Ticket episodes')).toEqual([[1_000_300_000, 1_000_600_000, LIGHT_CHART_THEME.warn]]);
    expect(band('Significant events')).toEqual([[1_000_000_000, 1_000_240_000, LIGHT_CHART_THEME.muted]]);
  });

  it('uses UTC and a log axis on request, with short windows dotted', () => {
    const log = backtestChartOption(input, LIGHT_CHART_THEME, { logScale: true, showShort: true });
    expect(log.useUTC).toBe(true);
    expect((log.yAxis as { type: string }).type).toBe('log');
    expect((option.yAxis as { type: string }).type).toBe('value');
    const short = seriesOf(log).find((s) => s.name === '5m burn rate') as unknown as { lineStyle: { type: string }; data: unknown[] };
    expect(short.lineStyle.type).toBe('dotted');
    expect(short.data).toEqual([[1_000_000_000, 1], [1_000_060_000, 30], [1_000_120_000, 0.5]]);
  });
});

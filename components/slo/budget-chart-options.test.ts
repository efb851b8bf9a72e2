import { describe, expect, it } from 'vitest';
import { EDITOR_HINTS } from '@/lib/mesh';
import { LIGHT_CHART_THEME } from '@/components/charts/chart-theme';
import { budgetChartOption } from './budget-chart-options';
import { barFraction, thresholdsByWindow } from './burn-rate-table';
import { labelValuesFor } from './promql-static-client';

describe('budgetChartOption', () => {
  it('plots percent against milliseconds and keeps gaps', () => {
    const option = budgetChartOption([{ time: 100, remaining: 0.5 }, { time: 200, remaining: null }], LIGHT_CHART_THEME);
    const series = option.series as Array<{ data: unknown }>;
    expect(series[0]?.data).toEqual([[100_000, 50], [200_000, null]]);
  });
});

describe('thresholdsByWindow', () => {
  it('marks the highest threshold on each window', () => {
    const alert = (longWindow: string, shortWindow: string, threshold: number) => ({ severity: 'page' as const, longWindow, shortWindow, threshold, longBurnRate: 0, shortBurnRate: 0, firing: false });
    expect(Object.fromEntries(thresholdsByWindow([alert('1h', '5m', 14.4), alert('6h', '30m', 6), alert('1h', '5m', 3)]))).toEqual({ '1h': 14.4, '5m': 14.4, '6h': 6, '30m': 6 });
  });
});

describe('labelValuesFor', () => {
  it('offers discovered services and namespaces', () => {
    expect(labelValuesFor('destination_service_name', ['shop/cart', 'payments/payments'], EDITOR_HINTS.istio)).toEqual(['cart', 'payments']);
    expect(labelValuesFor('reporter', [], EDITOR_HINTS.istio)).toEqual(['destination', 'source']);
    expect(labelValuesFor('dst_namespace', ['shop/cart', 'payments/payments'], EDITOR_HINTS.linkerd)).toEqual(['shop', 'payments']);
  });
});

describe('barFraction', () => {
  it.each([
    [null, 14.4, 0],
    [7.2, 14.4, 0.25],
    [14.4, 14.4, 0.5],
    [902, 14.4, 1],
  ])('%s against %s -> %s', (rate, threshold, expected) => {
    expect(barFraction(rate, threshold)).toBe(expected);
  });
});

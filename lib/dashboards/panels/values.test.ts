import { describe, expect, it } from 'vitest';
import { chartSeries, errorRatioHealth, rangeTimes, read, sparkline, successHealth } from './values';

describe('read', () => {
  it.each([
    [{ value: 0.5 }, { value: 0.5 }],
    [{ value: 0 }, { value: 0 }],
    [undefined, { value: null, reason: 'no data in the window' }],
    [{ value: Number.NaN }, { value: null, reason: 'no traffic in the window' }],
    [{ value: Number.POSITIVE_INFINITY }, { value: null, reason: 'above the highest finite histogram bucket' }],
    [{ value: Number.NEGATIVE_INFINITY }, { value: null, reason: 'Prometheus returned -Inf' }],
  ])('%j -> %j', (sample, expected) => {
    expect(read(sample)).toEqual(expected);
  });
});

describe('successHealth: the colours of lib/health (warning at 1 % errors, failing at 5 %)', () => {
  it.each([
    [1, 'good'],
    [0.995, 'good'], // 99.5 %: OK here as on every service verdict (issue 10)
    [0.991, 'good'],
    [0.98, 'warn'],
    [0.951, 'warn'],
    [0.9, 'bad'],
    [0, 'bad'],
    [null, 'unknown'],
  ] as const)('%s -> %s', (success, health) => {
    expect(successHealth(success)).toBe(health);
  });

  it('reads error ratios the same way, and follows configured thresholds', () => {
    expect(errorRatioHealth(0.005)).toBe('good');
    expect(errorRatioHealth(0.01)).toBe('warn');
    expect(errorRatioHealth(0.05)).toBe('bad');
    expect(errorRatioHealth(null)).toBe('unknown');
    expect(errorRatioHealth(0.005, { warning: 0.001, failing: 0.01 })).toBe('warn');
  });
});

describe('series helpers', () => {
  it('turns NaN and infinities into gaps, never 0', () => {
    const s = chartSeries('x', { labels: { a: '1' }, points: [[1000, 1], [2000, Number.NaN], [3000, Number.POSITIVE_INFINITY], [4000, 0]] });
    expect(s.points).toEqual([[1000, 1], [2000, null], [3000, null], [4000, 0]]);
  });

  it('evaluates range times like Prometheus, in whole milliseconds up to end', () => {
    expect(rangeTimes({ start: 100, end: 160, step: 30 })).toEqual([100_000, 130_000, 160_000]);
    expect(rangeTimes({ start: 100, end: 159, step: 30 })).toEqual([100_000, 130_000]);
    expect(rangeTimes({ start: 0.1, end: 0.3, step: 0.1 })).toEqual([100, 200, 300]);
  });

  it('aligns a sparkline on the grid, null where the series has no point', () => {
    expect(sparkline({ points: [[2000, 5], [3000, Number.NaN]] }, [1000, 2000, 3000])).toEqual([null, 5, null]);
    expect(sparkline(undefined, [1000])).toEqual([null]);
  });
});

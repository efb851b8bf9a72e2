import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH, MAX_POINTS, RANGE_PRESETS, REFRESH_OPTIONS, resolveRange, shouldRefresh, stepFor } from './time-range';

describe('stepFor', () => {
  it.each([
    ['5m', 15], // never finer than a scrape interval
    ['15m', 15],
    ['1h', 15],
    ['6h', 120],
    ['24h', 600],
    ['7d', 3_600],
    ['30d', 10_800],
  ] as const)('%s -> %d s', (preset, step) => {
    expect(stepFor(RANGE_PRESETS[preset])).toBe(step);
  });

  it.each(Object.entries(RANGE_PRESETS))('%s stays within MAX_POINTS', (_preset, seconds) => {
    expect(seconds / stepFor(seconds)).toBeLessThanOrEqual(MAX_POINTS);
  });

  it('falls back to whole days beyond the table', () => {
    expect(stepFor(400 * 86_400)).toBe(2 * 86_400);
  });
});

describe('resolveRange', () => {
  const end = 1_790_852_400; // a multiple of 300 s

  it('ends at an aligned end and covers the preset', () => {
    expect(resolveRange(end, { seconds: 3_600 })).toEqual({ start: end - 3_600, end, step: 15 });
  });

  it('gives the same range for clocks a few seconds apart (cache hits)', () => {
    const a = resolveRange(end + 2, { seconds: 21_600 });
    const b = resolveRange(end + 58, { seconds: 21_600 });
    expect(a).toEqual(b);
    expect(a.end).toBe(end);
  });

  it('aligns long ranges to a minute at most, so "now" stays fresh', () => {
    expect(resolveRange(end + 119, { seconds: 30 * 86_400 }).end).toBe(end + 60);
  });

  it('takes an absolute start', () => {
    expect(resolveRange(end, { from: end - 7_200 })).toEqual({ start: end - 7_200, end, step: 30 });
  });
});

describe('live refresh', () => {
  it('refreshes every 30 s by default', () => {
    expect(REFRESH_OPTIONS[DEFAULT_REFRESH]).toBe(30_000);
  });

  it.each([
    ['visible, 30 s after the last move', false, 30_000, 30_000, true],
    ['visible, 20 s after', false, 20_000, 30_000, false],
    ['hidden, 30 s after', true, 30_000, 30_000, false],
    ['hidden, 4 min after', true, 240_000, 30_000, false],
    ['hidden, 5 min after', true, 300_000, 30_000, true],
    ['shown again after 2 min hidden', false, 120_000, 30_000, true],
    ['refresh off', false, 3_600_000, 0, false],
  ])('%s: moves %s', (_what, hidden, since, interval, moves) => {
    expect(shouldRefresh(hidden, since, interval)).toBe(moves);
  });
});

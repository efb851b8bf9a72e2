import { describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH, MAX_POINTS, msUntilNextBoundary, nextLiveClock, RANGE_PRESETS, REFRESH_OPTIONS, resolveRange, stepFor } from './time-range';

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

  // A clock that last moved at 12:00:00 (a multiple of 300 s), read at later wall-clock times (ms).
  const moved = 1_790_852_400;
  const at = (seconds: number) => (moved + seconds) * 1000;

  it.each([
    ['visible, 12:00:29', false, 29, moved],
    ['visible, 12:00:30.5 (settling)', false, 30.5, moved],
    ['visible, 12:00:31', false, 31, moved + 30],
    ['visible, 12:01:05: the newest boundary, not one step', false, 65, moved + 60],
    ['hidden, 12:00:31', true, 31, moved],
    ['hidden, 12:04:31', true, 271, moved],
    ['hidden, 12:05:01', true, 301, moved + 300],
    ['shown again at 12:02:01', false, 121, moved + 120],
  ])('%s: moves to the right boundary', (_what, hidden, seconds, expected) => {
    expect(nextLiveClock(moved, at(seconds), 30_000, hidden)).toBe(expected);
  });

  it('starts from a server clock between boundaries and never moves back', () => {
    // The server prefetched at 12:00:10 (its 10 s grid): 12:00:25 is before the next boundary.
    expect(nextLiveClock(moved + 10, at(25), 30_000, false)).toBe(moved + 10);
    expect(nextLiveClock(moved + 10, at(31), 30_000, false)).toBe(moved + 30);
    // Hidden from 12:00:10, the boundary must be five minutes ahead first.
    expect(nextLiveClock(moved + 10, at(301), 30_000, true)).toBe(moved + 10);
    expect(nextLiveClock(moved + 10, at(331), 30_000, true)).toBe(moved + 330);
  });

  it('never moves with refresh off', () => {
    expect(nextLiveClock(moved, at(3_600), 0, false)).toBe(moved);
  });

  it('follows the interval chosen: every minute moves on whole minutes', () => {
    expect(nextLiveClock(moved, at(45), 60_000, false)).toBe(moved);
    expect(nextLiveClock(moved, at(61), 60_000, false)).toBe(moved + 60);
  });

  it.each([
    ['just after a move', 31, 30_000],
    ['mid-interval', 45, 16_000],
    ['on a boundary, before it settles', 60, 1_000],
  ])('waits until the next settled boundary: %s', (_what, seconds, ms) => {
    expect(msUntilNextBoundary(at(seconds), 30_000)).toBe(ms);
  });
});

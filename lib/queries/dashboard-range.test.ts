import { describe, expect, it } from 'vitest';
import { dashboardRangeAt } from './dashboard-range';

describe('dashboardRangeAt', () => {
  // 1h preset: 3600 s / 250 points = 14.4 s wanted -> 15 s step; the end floors to a multiple of 15 s.
  it('ends a live range at the given clock, aligned to its step', () => {
    // floor(1_700_000_007 / 15) * 15 = 1_699_999_995
    expect(dashboardRangeAt({ range: '1h' }, 1_700_000_007)).toEqual({ start: 1_699_996_395, end: 1_699_999_995, step: 15, live: true });
  });

  it('ignores the clock when the time is pinned', () => {
    const pinned = { range: '6h', time: 1_700_000_000 } as const;
    // 21600 s / 250 -> 86.4 s wanted -> 120 s step; end aligned to min(120, 60) = 60 s: 1_699_999_980.
    expect(dashboardRangeAt(pinned, 1)).toEqual({ start: 1_699_978_380, end: 1_699_999_980, step: 120, live: false });
    expect(dashboardRangeAt(pinned, 2_000_000_000)).toEqual(dashboardRangeAt(pinned, 1));
  });
});

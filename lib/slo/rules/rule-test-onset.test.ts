import { describe, expect, it } from 'vitest';
import { activeFrom, onsetCases, windowRatio, type Onset } from './rule-test-onset';

// A quiet hour at 0.05% errors (half a 99.9% budget), then 2% (20x).
const ONSET: Onset = { burnStart: 3600, normalBad: 500, burnBad: 20_000, events: 1_000_000 };

describe('windowRatio', () => {
  it.each([
    // Quiet: the normal ratio whatever the window.
    [3600, 1800, false, 0.0005],
    // 10 min into the burn, 1h window: (50 x 500 + 10 x 20000) / 60e6.
    [3600, 3600 + 600, false, (50 * 500 + 10 * 20_000) / 60e6],
    // Same, Prometheus 3: the window's first minute is not in it.
    [3600, 3600 + 600, true, (49 * 500 + 10 * 20_000) / 59e6],
    // 5m window wholly in the burn.
    [300, 3600 + 600, false, 0.02],
  ])('window %i s at %i s (open start %s) = %d', (w, t, open, ratio) => {
    expect(windowRatio(ONSET, w, t, open)).toBeCloseTo(ratio, 12);
  });

  it('has no value before two samples', () => expect(windowRatio(ONSET, 300, 0, false)).toBeNull());
});

describe('activeFrom', () => {
  it('finds the Workbook detection time: long x (threshold - normal) / (burn - normal)', () => {
    // 1h x (14.4 - 0.5) / (20 - 0.5) = 42.8 min: the first whole minute after it.
    const minutes = Math.ceil((60 * (14.4 - 0.5)) / (20 - 0.5));
    const active = activeFrom(ONSET, 3600, 300, 14.4 * 0.001, 2 * 86_400);
    expect(active?.earliest).toBe(3600 + minutes * 60);
    expect(active?.latest).toBeLessThanOrEqual(3600 + (minutes + 1) * 60);
  });

  it('is null when the burn never reaches the threshold', () => {
    expect(activeFrom(ONSET, 3600, 300, 0.05, 2 * 86_400)).toBeNull();
  });
});

describe('onsetCases', () => {
  it('checks silence while only the short window is hot, then the alert', () => {
    const found = onsetCases(ONSET, { longWindow: '1h', shortWindow: '5m', ratio: 0.0144, holdS: 150, labels: { slo: 'a' } });
    expect(found?.cases.map((c) => [c.eval_time, c.exp_samples.length])).toEqual([
      // burn start + 5m + 2m30s, rounded up to the minute.
      ['1h8m', 0],
      // Active by 1h43m, for 2m30s: fired at 1h46m; checked a minute later.
      ['1h47m', 1],
    ]);
    expect(found?.cases[0]?.expr).toBe('count(ALERTS{slo="a",alertstate="firing"})');
  });
});

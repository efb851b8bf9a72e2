import { describe, expect, it } from 'vitest';
import { curveGrid } from './evaluate-curve';

const DAY = 86_400;

describe('curveGrid', () => {
  it.each([
    ['1d', DAY],
    ['7d', 7 * DAY],
    ['14d', 14 * DAY],
    ['28d', 28 * DAY],
    ['30d', 30 * DAY],
    ['90d', 90 * DAY],
    ['36h', 36 * 3600],
  ])('tiles a %s window exactly in at most 120 steps of whole 5 minutes', (_name, period) => {
    const { step, count } = curveGrid(period);
    expect(step * count).toBe(period);
    expect(step % 300).toBe(0);
    expect(count).toBeLessThanOrEqual(120);
    // Not needlessly coarse: at least half the points a chart is given.
    expect(count).toBeGreaterThanOrEqual(60);
  });

  it('keeps the 30-day curve the API has always drawn: 120 steps of 6 hours', () => {
    expect(curveGrid(30 * DAY)).toEqual({ step: 21_600, count: 120 });
  });
});

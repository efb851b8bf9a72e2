import { describe, expect, it } from 'vitest';
import { budgetFraction, burnRate, errorBudget, errorRatio, secondsToSpend, timeToExhaustion } from './math';

const HOUR = 3600;
const DAY = 86_400;
const MONTH = 30 * DAY;

describe('error ratio from summed increases', () => {
  it.each([
    ['ordinary window', 25, 10_000, 0.0025],
    ['100% errors', 500, 500, 1],
    ['no errors', 0, 10_000, 0],
    // Prometheus' increase() already adds across a reset: 40 before it + 10 after, of 900 + 100.
    ['counter reset inside the window (given increases)', 40 + 10, 900 + 100, 0.05],
    ['extrapolated, fractional increases', 1.5, 600.25, 1.5 / 600.25],
  ])('%s: %d / %d', (_case, bad, total, expected) => {
    expect(errorRatio(bad, total)).toBeCloseTo(expected, 15);
  });

  it.each([
    ['zero traffic', 0, 0],
    ['errors but no total (a missing series)', 3, 0],
    ['NaN numerator', Number.NaN, 100],
    ['NaN denominator', 1, Number.NaN],
    ['infinite denominator', 1, Number.POSITIVE_INFINITY],
    ['negative increase', -1, 100],
  ])('%s gives null, never 0 or NaN', (_case, bad, total) => {
    expect(errorRatio(bad, total)).toBeNull();
  });
});

describe('burn rate and budget', () => {
  it.each([
    [99.9, 0.001, 1],
    [99.9, 0.0144, 14.4],
    [99.9, 1, 1000],
    [99, 0.01, 1],
    [90, 1, 10],
    [99.95, 0.0005, 1],
  ])('objective %s%, error ratio %d: burn rate %d', (objective, ratio, expected) => {
    expect(burnRate(ratio, objective)).toBeCloseTo(expected, 9);
  });

  it('keeps null (no traffic) and NaN out', () => {
    expect(burnRate(null, 99.9)).toBeNull();
    expect(burnRate(Number.NaN, 99.9)).toBeNull();
  });

  it.each([
    [99.9, 0.001],
    [99, 0.01],
    [99.99, 0.0001],
    [95, 0.05],
  ])('budget of %s% is %d of events, without float noise', (objective, fraction) => {
    expect(budgetFraction(objective)).toBe(fraction);
  });

  it.each([
    [0.69, 0.69, 0.31],
    [0, 0, 1],
    [1, 1, 0],
    // Overspent: remaining goes negative rather than stopping at 0, so "how far over" stays visible.
    [1.25, 1.25, -0.25],
  ])('burn rate %d over the SLO window: consumed %d, remaining %d', (burn, consumed, remaining) => {
    const budget = errorBudget(burn);
    expect(budget.consumed).toBeCloseTo(consumed, 12);
    expect(budget.remaining).toBeCloseTo(remaining, 12);
  });

  it('has no budget figures without traffic', () => {
    expect(errorBudget(null)).toEqual({ consumed: null, remaining: null });
  });
});

describe('SRE Workbook figures (ch. 5, table 5-8)', () => {
  // Budget spent within the long window at the threshold burn rate, and time to spend all of it.
  it.each([
    [14.4, HOUR, 0.02, 50 * HOUR],
    [6, 6 * HOUR, 0.05, 5 * DAY],
    [3, DAY, 0.1, 10 * DAY],
    [1, 3 * DAY, 0.1, 30 * DAY],
  ])('%dx over %ds spends %d of a 30-day budget, all of it in %ds', (burn, long, share, whole) => {
    expect((burn * long) / MONTH).toBeCloseTo(share, 12);
    expect(secondsToSpend(1, burn, MONTH)).toBeCloseTo(whole, 6);
  });
});

describe('time to exhaustion', () => {
  it.each([
    ['half left at 2x', 0.5, 2, MONTH, 7.5 * DAY],
    ['all left at 14.4x', 1, 14.4, MONTH, 50 * HOUR],
    ['28-day window, 10% left at 10x', 0.1, 10, 28 * DAY, 0.28 * DAY],
  ])('%s', (_case, remaining, burn, period, expected) => {
    expect(timeToExhaustion(remaining, burn, period)).toBe(Math.round(expected));
  });

  it.each([
    ['not burning (burn 1 is sustainable)', 0.5, 1],
    ['not burning (burn 0.3)', 0.5, 0.3],
    ['no traffic in the current window', 0.5, null],
  ])('is null when %s', (_case, remaining, burn) => {
    expect(timeToExhaustion(remaining, burn, MONTH)).toBeNull();
  });

  it('is 0 once the budget is gone, and null without a budget figure', () => {
    expect(timeToExhaustion(-0.2, 0.5, MONTH)).toBe(0);
    expect(timeToExhaustion(0, 3, MONTH)).toBe(0);
    expect(timeToExhaustion(null, 3, MONTH)).toBeNull();
  });
});

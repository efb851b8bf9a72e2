import { describe, expect, it } from 'vitest';
import { quantile, summarize } from './stats';

describe('bench statistics', () => {
  it.each([
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4], 0.5, 2],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.95, 100],
    [[7], 0.95, 7],
  ])('nearest-rank quantile of %j at %d is %d', (values, q, expected) => {
    expect(quantile(values, q)).toBe(expected);
  });

  it('summarizes unsorted input', () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ min: 1, median: 3, p95: 5, max: 5 });
  });

  it('gives NaN for no samples', () => {
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });
});

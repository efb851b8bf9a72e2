import { describe, expect, it } from 'vitest';
import { sparklinePath } from './sparkline-path';

describe('sparklinePath', () => {
  it('puts the highest value at the top and the lowest at the bottom', () => {
    expect(sparklinePath([0, 5, 10], 100, 20, 0)).toBe('M0 20L50 10L100 0');
  });

  it('draws a flat series through the middle', () => {
    expect(sparklinePath([3, 3], 10, 20)).toBe('M0 10L10 10');
  });

  it('breaks the line at gaps instead of drawing them as zero', () => {
    expect(sparklinePath([1, null, 1, 2], 30, 10, 0)).toBe('M0 10M20 10L30 0');
  });

  it('is empty without any value', () => {
    expect(sparklinePath([null, null], 30, 10)).toBe('');
    expect(sparklinePath([], 30, 10)).toBe('');
  });
});

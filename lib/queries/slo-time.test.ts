import { describe, expect, it } from 'vitest';
import { formServicesTime, liveRefresh, parseTimeParam, withTime } from './slo-time';

describe('parseTimeParam', () => {
  it.each([
    [null, null],
    ['', null],
    ['abc', null],
    ['-5', null],
    ['1790596800', 1790596800],
    ['1790596800.7', null],
    ['1e20', null],
  ])('%s -> %s', (input, expected) => {
    expect(parseTimeParam(input)).toBe(expected);
  });
});

describe('withTime', () => {
  it('adds time with the right separator', () => {
    expect(withTime('/api/slos-status', 100)).toBe('/api/slos-status?time=100');
    expect(withTime('/api/slos/buckets?service=a', 100)).toBe('/api/slos/buckets?service=a&time=100');
    expect(withTime('/api/slos-status', null)).toBe('/api/slos-status');
  });
});

describe('formServicesTime', () => {
  it("takes the page's time, else the server render's clock, else the browser's", () => {
    expect(formServicesTime(1_790_852_400, 1_796_000_000)).toBe(1_790_852_400);
    expect(formServicesTime(null, 1_796_000_000)).toBe(1_796_000_000);
    const before = Date.now() / 1000;
    expect(formServicesTime(null)).toBeGreaterThanOrEqual(Math.floor(before / 10) * 10);
  });
});

describe('liveRefresh', () => {
  it('re-reads "now" every 30 s and never a pinned time', () => {
    expect(liveRefresh(null)).toBe(30_000);
    expect(liveRefresh(1790596800)).toBe(false);
  });
});

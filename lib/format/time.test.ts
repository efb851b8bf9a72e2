import { describe, expect, it } from 'vitest';
import { formatUtc, NO_TIME } from './time';

// 1790852400 = 2026-10-01T11:00:00Z: 20,727 days since 1970-01-01 (Date.UTC(2026, 9, 1) / 86_400_000) x 86,400 + 11 x 3,600.
const T = 1_790_852_400;

describe('formatUtc', () => {
  it.each([
    ['unix seconds', T, '2026-10-01 11:00 UTC'],
    ['milliseconds (past 1e11)', T * 1000, '2026-10-01 11:00 UTC'],
    ['an ISO string', '2026-10-01T11:00:00.000Z', '2026-10-01 11:00 UTC'],
    ['an ISO string with an offset, read as the moment it names', '2026-10-01T13:00:00+02:00', '2026-10-01 11:00 UTC'],
    ['a Date', new Date(Date.UTC(2026, 9, 1, 11, 0)), '2026-10-01 11:00 UTC'],
    ['the epoch', 0, '1970-01-01 00:00 UTC'],
  ])('labels %s as UTC', (_, input, expected) => {
    expect(formatUtc(input)).toBe(expected);
  });

  it('truncates to the minute: 11:00:59 is still 11:00, and a day ends at 23:59', () => {
    expect(formatUtc(T + 59)).toBe('2026-10-01 11:00 UTC');
    expect(formatUtc(T + 13 * 3600 - 1)).toBe('2026-10-01 23:59 UTC');
    expect(formatUtc(T + 13 * 3600)).toBe('2026-10-02 00:00 UTC');
  });

  it('shows seconds, the clock alone, or no label when asked', () => {
    expect(formatUtc(T + 5, { seconds: true })).toBe('2026-10-01 11:00:05 UTC');
    expect(formatUtc(T, { date: false })).toBe('11:00 UTC');
    expect(formatUtc(T, { label: false })).toBe('2026-10-01 11:00');
  });

  it('is the same whatever the reader’s zone (no locale, no local time)', () => {
    // 23:30 UTC is already the next day east of UTC+1 and 11:30 PM in an en-US locale: neither shows.
    expect(formatUtc(T + 12.5 * 3600)).toBe('2026-10-01 23:30 UTC');
    expect(formatUtc(T + 12.5 * 3600)).not.toMatch(/AM|PM/);
  });

  it.each([NaN, Infinity, 'yesterday', 1e20 * 1000])('shows a dash for %s rather than throwing', (input) => {
    expect(formatUtc(input)).toBe(NO_TIME);
  });
});

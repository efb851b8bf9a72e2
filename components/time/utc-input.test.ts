import { describe, expect, it } from 'vitest';
import { describeRange, fromUtcInput, toUtcInput } from './utc-input';

const T = 1_790_852_400; // 2026-10-01T11:00:00Z

describe('UTC datetime-local values', () => {
  it('round-trips whole minutes in UTC, whatever the browser zone', () => {
    expect(toUtcInput(T)).toBe('2026-10-01T11:00');
    expect(fromUtcInput('2026-10-01T11:00')).toBe(T);
    expect(fromUtcInput('2026-10-01T11:00:30')).toBe(T + 30);
  });

  it.each(['', '2026-10-01', 'yesterday', '2026-13-01T11:00'])('rejects %j', (value) => {
    expect(fromUtcInput(value)).toBeUndefined();
  });
});

describe('describeRange', () => {
  it.each([
    [{ range: '1h' as const }, 'Last hour, live until 2026-10-01 11:00 UTC'],
    [{ range: '6h' as const, time: T }, 'Last 6 hours to 2026-10-01 11:00 UTC'],
    [{ range: '1h' as const, from: T - 7_200, time: T }, '2026-10-01 09:00 to 11:00 UTC'],
    [{ range: '1h' as const, from: T - 2 * 86_400, time: T }, '2026-09-29 11:00 to 2026-10-01 11:00 UTC'],
  ])('%j', (state, text) => {
    expect(describeRange(state, T)).toBe(text);
  });
});

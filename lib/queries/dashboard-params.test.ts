import { describe, expect, it } from 'vitest';
import { parseDashboardParams } from './dashboard-params';

describe('parseDashboardParams', () => {
  it.each([
    [{}, { window: '5m', problems: [] }],
    [{ time: '1700000000', window: '1h' }, { time: 1_700_000_000, window: '1h', problems: [] }],
    [{ time: '1700000000.5' }, { time: 1_700_000_000.5, window: '5m', problems: [] }],
    [{ time: ['1700000000', '5'] }, { time: 1_700_000_000, window: '5m', problems: [] }],
    [{ namespace: ' shop ' }, { namespace: 'shop', window: '5m', problems: [] }],
    [{ namespace: '', time: '' }, { window: '5m', problems: [] }],
  ])('%j', (search, expected) => {
    expect(parseDashboardParams(search)).toEqual(expected);
  });

  it.each([
    [{ time: 'yesterday' }, 'Ignored time "yesterday"'],
    [{ time: '-5' }, 'Ignored time "-5"'],
    [{ time: '0' }, 'Ignored time "0"'],
    [{ window: 'banana' }, 'Ignored window "banana"'],
  ])('falls back to defaults for %j', (search, problem) => {
    const params = parseDashboardParams(search);
    expect(params.time).toBeUndefined();
    expect(params.window).toBe('5m');
    expect(params.problems).toEqual([expect.stringContaining(problem)]);
  });
});

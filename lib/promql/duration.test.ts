import { describe, expect, it } from 'vitest';
import { durationToPromql, parsePromDuration } from './duration';

describe('parsePromDuration', () => {
  it.each([
    ['5m', 300],
    ['30s', 30],
    ['1h30m', 5_400],
    ['1d', 86_400],
    ['30d', 2_592_000],
    ['2w', 1_209_600],
    ['1y', 31_536_000],
    ['1m30s500ms', 90.5],
    ['250ms', 0.25],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parsePromDuration(text)).toBe(seconds);
  });

  it.each(['', '5', 'm', '5x', '1.5h', '-5m', '30m1h', '5m5m', ' 5m', '5m ', '0s', '5M', '1h)'])('rejects %j', (text) => {
    expect(() => parsePromDuration(text)).toThrow(RangeError);
  });
});

describe('durationToPromql', () => {
  it.each([
    [300, '5m'],
    [5_400, '1h30m'],
    [86_400, '1d'],
    [2_592_000, '30d'],
    [7_776_000, '90d'],
    [90.5, '1m30s500ms'],
    [0.001, '1ms'],
  ])('%d seconds is %s', (seconds, text) => {
    expect(durationToPromql(seconds)).toBe(text);
    expect(parsePromDuration(text)).toBe(seconds);
  });

  it.each([0, -1, 0.0001, NaN, Infinity])('rejects %d', (seconds) => {
    expect(() => durationToPromql(seconds)).toThrow(RangeError);
  });
});

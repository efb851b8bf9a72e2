import { describe, expect, it } from 'vitest';
import { parseSampleValue, secondsToMs } from './sample-value';

describe('parseSampleValue', () => {
  it.each([
    ['1', 1],
    ['-0.5', -0.5],
    ['1e+06', 1_000_000],
    ['2.5E-3', 0.0025],
    ['.5', 0.5],
    ['NaN', NaN],
    ['+Inf', Infinity],
    ['-Inf', -Infinity],
    ['Inf', Infinity],
  ])('%s is %d', (text, value) => {
    expect(parseSampleValue(text)).toBe(value);
  });

  it.each(['', ' ', 'abc', '0x1F', '0X10', '0B11', '0o7', 'Infinity', 'nan', '1,5', '1 2', ' 1', '1 ', '1_0', '.', '-', '+-1', 'constructor', 'toString'])('rejects %j', (text) => {
    expect(parseSampleValue(text)).toBeUndefined();
  });
});

describe('secondsToMs', () => {
  it.each([
    [1_435_781_451.781, 1_435_781_451_781],
    [1_700_000_000, 1_700_000_000_000],
    [0.0005, 1],
  ])('%d s is %d ms', (seconds, ms) => {
    expect(secondsToMs(seconds)).toBe(ms);
  });
});

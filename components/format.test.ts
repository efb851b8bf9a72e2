import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent, formatRps } from './format';

describe('formatPercent', () => {
  it.each([
    [1, '100.00'],
    [0.99996, '99.99'], // never rounds up to 100 while errors happen
    [0.9999, '99.99'],
    [0.999, '99.90'],
    [0.995, '99.50'],
    [1 - 0.1 / 10.1, '99.00'], // 99.0099...
    [0.5, '50.00'],
    [0, '0.00'],
  ])('%s -> %s', (ratio, text) => {
    expect(formatPercent(ratio)).toBe(text);
  });
});

describe('formatRps', () => {
  it.each([
    [0, '0'],
    [0.004, '< 0.01'],
    [0.05, '0.05'],
    [2.345, '2.35'],
    [10.1, '10.1'],
    [1234.4, '1,234'],
  ])('%s -> %s', (rps, text) => {
    expect(formatRps(rps)).toBe(text);
  });
});

describe('formatMs', () => {
  it.each([
    [4.56, '4.6'],
    [219.625, '220'],
    [12_500, '12,500'],
  ])('%s -> %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

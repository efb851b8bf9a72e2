import { describe, expect, it } from 'vitest';
import type { Unit } from '@/lib/dashboards/schema';
import { formatUnit, formatUnitParts } from './format-unit';

describe('formatUnit', () => {
  it.each([
    [0.99931, 'ratio', '99.93%'],
    [0.99999, 'ratio', '99.99%'], // never 100.00% while errors happen
    [1, 'ratio', '100.00%'],
    [0.0041, 'ratio', '0.41%'],
    [0.00001, 'ratio', '< 0.01%'],
    [0, 'ratio', '0%'],
    [87.5, 'percent', '87.50%'],
    [12.345, 'reqps', '12.3 req/s'],
    [0.004, 'reqps', '< 0.01 req/s'],
    [87.4, 'ms', '87 ms'],
    [1.25, 's', '1.25 s'],
    [3 * 1024 * 1024 * 1024, 'bytes', '3 GiB'],
    [512, 'bytes', '512 bytes'],
    [0.1234, 'cores', '0.123 cores'],
    [9.96, 'days', '10 days'],
    [9.04, 'days', '9 days'],
    [1_790_856_000, 'timestamp', '2026-10-01 12:00 UTC'],
    [1_790_856_000_000, 'timestamp', '2026-10-01 12:00 UTC'],
    [12_345, 'count', '12,345'],
    [2.5, 'none', '2.5'],
    [null, 'ratio', '—'],
    [Number.NaN, 'ms', '—'],
  ] as [number | null, Unit, string][])('%s %s -> %s', (value, unit, text) => {
    expect(formatUnit(value, unit)).toBe(text);
  });

  it('splits the number from the unit for big stats', () => {
    expect(formatUnitParts(0.9995, 'ratio')).toEqual({ text: '99.95', unit: '%' });
    expect(formatUnitParts(null, 'days')).toEqual({ text: '—', unit: '' });
  });
});

import { describe, expect, it } from 'vitest';
import { lastCompleteMonth, monthPeriod, PeriodError, resolvePeriods } from './period';

// Boundaries written out by hand as UTC instants (Date.parse of ISO text), not derived from the code.
const at = (iso: string) => Date.parse(iso) / 1000;
const NOW = at('2026-12-02T11:00:00Z');

describe('monthPeriod', () => {
  it.each([
    ['2026-09', '2026-09-01T00:00:00Z', '2026-10-01T00:00:00Z', 30],
    ['2026-02', '2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', 28],
    ['2028-02', '2028-02-01T00:00:00Z', '2028-03-01T00:00:00Z', 29],
    ['2026-12', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00Z', 31],
  ])('%s is [%s, %s), %d days', (month, from, to, days) => {
    const p = monthPeriod(month);
    expect(p).toEqual({ from: at(from), to: at(to), month });
    expect((p.to - p.from) / 86_400).toBe(days);
  });

  it.each(['2026-13', '2026-00', '2026-9', '26-09', '2026-09-01', '', 'september'])('refuses %j naming the month field', (text) => {
    const err = (() => {
      try {
        monthPeriod(text);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(PeriodError);
    expect((err as PeriodError).field).toBe('month');
  });
});

describe('lastCompleteMonth', () => {
  it.each([
    ['2026-12-02T11:00:00Z', '2026-11'],
    ['2027-01-01T00:00:00Z', '2026-12'],
    ['2026-10-31T23:59:59Z', '2026-09'],
    ['2026-03-01T00:00:00Z', '2026-02'],
  ])('at %s is %s', (now, month) => {
    expect(lastCompleteMonth(at(now)).month).toBe(month);
  });
});

describe('resolvePeriods', () => {
  it('defaults to the last complete month, compared with the month before', () => {
    const { period, previous } = resolvePeriods({}, NOW);
    expect(period).toEqual({ from: at('2026-11-01T00:00:00Z'), to: at('2026-12-01T00:00:00Z'), month: '2026-11' });
    expect(previous).toEqual({ from: at('2026-10-01T00:00:00Z'), to: at('2026-11-01T00:00:00Z'), month: '2026-10' });
  });

  it('compares a month with the previous calendar month, whatever its length (March with February)', () => {
    const { previous } = resolvePeriods({ month: '2026-03' }, NOW);
    expect(previous).toEqual({ from: at('2026-02-01T00:00:00Z'), to: at('2026-03-01T00:00:00Z'), month: '2026-02' });
  });

  it('compares January with the December before', () => {
    expect(resolvePeriods({ month: '2026-01' }, NOW).previous.month).toBe('2025-12');
  });

  it('compares from/to with the same length just before', () => {
    const from = at('2026-09-10T00:00:00Z');
    const to = at('2026-09-17T00:00:00Z');
    expect(resolvePeriods({ from, to }, NOW)).toEqual({ period: { from, to, month: null }, previous: { from: from - 7 * 86_400, to: from, month: null } });
  });

  it('reads a month still running up to now, and compares it with the whole month before', () => {
    const { period, previous } = resolvePeriods({ month: '2026-12' }, NOW);
    expect(period).toEqual({ from: at('2026-12-01T00:00:00Z'), to: NOW, month: '2026-12' });
    expect(previous.to - previous.from).toBe(30 * 86_400);
  });

  it.each([
    [{ month: '2027-01' }, 'month'],
    [{ month: '2026-09', from: 1 }, 'month'],
    [{ from: at('2026-09-01T00:00:00Z') }, 'to'],
    [{ to: at('2026-09-01T00:00:00Z') }, 'from'],
    [{ from: at('2026-09-02T00:00:00Z'), to: at('2026-09-01T00:00:00Z') }, 'from'],
    [{ from: at('2026-08-01T00:00:00Z'), to: at('2026-09-06T00:00:00Z') }, 'to'],
  ])('refuses %j, naming %s', (query, field) => {
    expect(() => resolvePeriods(query, NOW)).toThrow(PeriodError);
    try {
      resolvePeriods(query, NOW);
    } catch (e) {
      expect((e as PeriodError).field).toBe(field);
    }
  });
});

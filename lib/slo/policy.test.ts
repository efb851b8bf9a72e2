import { describe, expect, it } from 'vitest';
import { parsePromDuration } from '@/lib/promql';
import { burnFactor, isUnreachable, minEventsForPair, resolvePolicy } from './policy';

const DAY = 86_400;

describe('default policy', () => {
  it('is the SRE Workbook policy for 30 days', () => {
    expect(resolvePolicy({ window: '30d' })).toEqual([
      { severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4, budgetShare: 0.02, for: '2m30s' },
      { severity: 'page', longWindow: '6h', shortWindow: '30m', threshold: 6, budgetShare: 0.05, for: '15m' },
      { severity: 'ticket', longWindow: '1d', shortWindow: '2h', threshold: 3, budgetShare: 0.1, for: '1h' },
      { severity: 'ticket', longWindow: '3d', shortWindow: '6h', threshold: 1, budgetShare: 0.1, for: '3h' },
    ]);
  });

  // Hand-computed from the rule: below 30 days the workbook windows shrink by period / 30d (short =
  // long / 12, at least 1h / 5m) and the factors stay 14.4 / 6 / 3 / 1; from 30 days on the windows stay
  // and the factors grow by period / 30d. Pairs of one severity that land on the same windows keep
  // the most sensitive one. Each row: severity long/short factor for.
  it.each([
    ['1d', ['page 1h/5m 6x for 2m30s', 'ticket 1h/5m 3x for 2m30s', 'ticket 2h24m/12m 1x for 6m']],
    ['7d', ['page 1h/5m 14.4x for 2m30s', 'page 1h24m/7m 6x for 3m30s', 'ticket 5h36m/28m 3x for 14m', 'ticket 16h48m/1h24m 1x for 42m']],
    ['14d', ['page 1h/5m 14.4x for 2m30s', 'page 2h48m/14m 6x for 7m', 'ticket 11h12m/56m 3x for 28m', 'ticket 1d9h36m/2h48m 1x for 1h24m']],
    ['28d', ['page 1h/5m 14.4x for 2m30s', 'page 5h36m/28m 6x for 14m', 'ticket 22h24m/1h52m 3x for 56m', 'ticket 2d19h12m/5h36m 1x for 2h48m']],
    ['30d', ['page 1h/5m 14.4x for 2m30s', 'page 6h/30m 6x for 15m', 'ticket 1d/2h 3x for 1h', 'ticket 3d/6h 1x for 3h']],
    ['90d', ['page 1h/5m 43.2x for 2m30s', 'page 6h/30m 18x for 15m', 'ticket 1d/2h 9x for 1h', 'ticket 3d/6h 3x for 3h']],
  ])('%s: the default pairs', (window, pairs) => {
    expect(resolvePolicy({ window }).map((p) => `${p.severity} ${p.longWindow}/${p.shortWindow} ${p.threshold}x for ${p.for}`)).toEqual(pairs);
  });

  // The rule's purpose: a service spending its budget at or below the sustainable rate (burn <= 1)
  // never trips a default pair, whatever the SLO window between 1 and 90 days.
  it.each(Array.from({ length: 90 }, (_, i) => `${i + 1}d`))('%s: no default factor below 1, no window longer than the SLO window', (window) => {
    for (const p of resolvePolicy({ window })) {
      expect(p.threshold).toBeGreaterThanOrEqual(1);
      expect(parsePromDuration(p.longWindow)).toBeLessThanOrEqual(parsePromDuration(window));
      expect(parsePromDuration(p.shortWindow)).toBeGreaterThanOrEqual(300);
    }
  });

  it.each([
    [0.02, 30 * DAY, 3600, 14.4],
    [0.05, 30 * DAY, 6 * 3600, 6],
    [0.1, 28 * DAY, DAY, 2.8],
  ])('burnFactor(%d, %d, %d) = %d', (share, period, long, factor) => {
    expect(burnFactor(share, period, long)).toBe(factor);
  });
});

describe('custom policy', () => {
  it('takes thresholds or budget shares, with short = long / 12 and for = short / 2 by default', () => {
    const pairs = resolvePolicy({
      window: '28d',
      policy: {
        alerts: [
          { severity: 'page', longWindow: '2h', threshold: 10 },
          { severity: 'ticket', longWindow: '4d', shortWindow: '6h', budgetPercent: 20, for: '30m' },
        ],
      },
    });
    expect(pairs).toEqual([
      { severity: 'page', longWindow: '2h', shortWindow: '10m', threshold: 10, budgetShare: 0.0297619047619, for: '5m' },
      { severity: 'ticket', longWindow: '4d', shortWindow: '6h', threshold: 1.4, budgetShare: 0.2, for: '30m' },
    ]);
  });

  it('never makes a short window under 5m, as an explicit one may not be', () => {
    const pairs = resolvePolicy({
      window: '7d',
      policy: { alerts: [5, 30, 59, 61].map((minutes) => ({ severity: 'page' as const, longWindow: `${minutes}m`, threshold: 10 })) },
    });
    // long / 12 would be 25 s, 2m30s, 4m55s and 5m05s: one sample or none at a one-minute scrape.
    expect(pairs.map((p) => p.shortWindow)).toEqual(['5m', '5m', '5m', '5m']);
  });
});

describe('pairs that cannot fire or cannot be trusted', () => {
  it.each([
    [90, 14.4, true], // 100% errors burn at most 10x
    [90, 10, true], // exactly 10x never exceeds a strict >
    [90, 6, false],
    [99, 14.4, false],
    [93, 14.4, true],
    [95, 14.4, false], // 20x is reachable
    [95, 20, true],
  ])('objective %s% with threshold %dx: unreachable %s', (objective, threshold, expected) => {
    expect(isUnreachable(threshold, objective)).toBe(expected);
  });

  // One bad event among N must not exceed threshold x budget: N >= 1 / (threshold x budget).
  it.each([
    [99.9, 14.4, 70],
    [99.9, 6, 167],
    [99.9, 3, 334],
    [99.9, 1, 1000],
    [99, 14.4, 7],
    [99.99, 14.4, 695],
  ])('objective %s% with %dx needs %d events in the long window', (objective, threshold, events) => {
    expect(minEventsForPair(threshold, objective)).toBe(events);
  });
});

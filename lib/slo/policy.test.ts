import { describe, expect, it } from 'vitest';
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

  // Factor = budget share x period / long window; the windows themselves do not change.
  it.each([
    ['30d', [14.4, 6, 3, 1]],
    ['28d', [13.44, 5.6, 2.8, 0.933333333333]],
    ['7d', [3.36, 1.4, 0.7, 0.233333333333]],
    ['90d', [43.2, 18, 9, 3]],
  ])('scales the factors to a %s window', (window, factors) => {
    expect(resolvePolicy({ window }).map((p) => p.threshold)).toEqual(factors);
  });

  it('drops pairs whose long window outlasts a short SLO window', () => {
    expect(resolvePolicy({ window: '2d' }).map((p) => p.longWindow)).toEqual(['1h', '6h', '1d']);
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

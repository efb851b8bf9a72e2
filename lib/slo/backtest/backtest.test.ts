// The backtest engine on hand-built minute series whose answers are worked out in the comments.
import { describe, expect, it } from 'vitest';
import { applyFor, pairActive } from './alerts';
import { overlaps, scoreEvents, significantEvents, summarize } from './events';
import { downsample, makeGrid, runs, sumBetween, type Grid } from './grid';
import { runBacktest, sloTotals } from './backtest';
import type { StepCounts } from './steps';
import { backtestResultSchema, type Episode } from './schema';
import { resolvePolicy } from '../policy';

const T0 = 1_790_000_040; // a multiple of 60
const MIN = 60;

describe('grid', () => {
  it.each([
    [T0 + 1, T0 + 181, { start: T0 + 60, length: 3 }],
    [T0, T0, { start: T0, length: 1 }],
    [T0 + 10, T0 + 20, { start: T0 + 60, length: 0 }],
  ])('makeGrid(%i, %i) starts on the first whole minute', (from, to, want) => {
    expect(makeGrid(from, to, 60)).toMatchObject({ ...want, step: 60 });
  });

  it.each([
    // A 2-step window over per-step increments 1..6 holds [1, 3, 5, 7, 9, 11]; (a, b] holds inc[a+1..b].
    [1, 5, 11 + 7], // exactly 3 + 4 + 5 + 6: two whole windows
    [0, 5, 11 + 7 + 3 / 2], // inc[1] = 2 estimated as half the window ending at 1 (1 + 2)
    [3, 3, 0],
  ])('sumBetween(%i, %i) adds whole windows, then a share of one', (a, b, want) => {
    expect(sumBetween([1, 3, 5, 7, 9, 11], 2, a, b)).toBe(want);
  });

  it('runs and downsample keep peaks', () => {
    expect(runs([false, true, true, false, true])).toEqual([
      [1, 2],
      [4, 4],
    ]);
    expect(downsample([1, null, 3, 2, null], 2)).toEqual([1, 3, null]);
    expect(downsample([false, true, false, false], 2)).toEqual([true, false]);
  });
});

describe('alerts', () => {
  it('a pair is active only when both windows are strictly above the threshold', () => {
    expect(pairActive([15, 14.4, 20, null, 20], [15, 20, 14.4, 20, null], 14.4)).toEqual([true, false, false, false, false]);
  });

  const grid: Grid = { start: 0, step: 60, length: 8 };
  it.each([
    // active from step 1: pending at 60 s, fires once 150 s have passed, i.e. at 240 s (step 4)
    ['2m30s from step 1', [false, true, true, true, true, true, false, true], 150, [false, false, false, false, true, true, false, false]],
    ['0s fires at once', [false, true, false, true, false, false, false, false], 0, [false, true, false, true, false, false, false, false]],
    ['a gap resets the pending period', [true, true, false, true, true, true, false, false], 120, [false, false, false, false, false, true, false, false]],
  ])('for: %s', (_name, active, forSeconds, want) => {
    expect(applyFor(active, grid, forSeconds)).toEqual(want);
  });
});

/** Per-minute counts starting at the grid's first evaluation (no history before it). */
const steps = (bad: number[], total: number[]): StepCounts => ({ start: T0, step: MIN, bad: Float64Array.from(bad), total: Float64Array.from(total) });

const ONE_DAY = 1440;
const minutes = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

describe('runBacktest on a synthetic outage', () => {
  // 1000 requests a minute, 0.05% errors (burn 0.5 at 99.9%), then 50% errors for 30 minutes from
  // minute X. Grid point i holds minute i, so the 1h window at X + k holds 500 (k + 1) + 0.5 (59 - k)
  // errors of 60,000: k = 0 gives burn 8.8, k = 1 gives 17.15 > 14.4, and the 5m window is far above.
  const X = 2 * ONE_DAY;
  const N = 3 * ONE_DAY;
  const total = minutes(N, () => 1000);
  const bad = minutes(N, (i) => (i >= X && i < X + 30 ? 500 : 0.5));
  const spec = { window: '30d' };
  const policy = resolvePolicy(spec);
  const grid: Grid = { start: T0, step: 60, length: N };
  const result = runBacktest({
    name: 'synthetic',
    from: T0,
    to: T0 + (N - 1) * MIN,
    grid,
    objective: 99.9,
    sloWindow: '30d',
    policy,
    steps: steps(bad, total),
    source: 'raw',
    queries: [],
  });
  const at = (minute: number) => T0 + minute * MIN;

  it('matches the schema', () => {
    expect(backtestResultSchema.parse(result)).toEqual(result);
  });

  it('pages at X + 4: the 1h/5m pair is active from X + 1 and fires 2m30s later, on the next step', () => {
    const pages = result.episodes.filter((e) => e.severity === 'page');
    expect(pages).toHaveLength(1);
    expect(pages[0]?.start).toBe(at(X + 4));
    expect(pages[0]?.pairs).toContain('1h/5m');
    // 1h burn peaks when it holds all 30 minutes: (15000 + 15) / 60000 / 0.001 = 250.25.
    expect(pages[0]?.peakBurnRate).toBeCloseTo(250.25, 6);
  });

  it('finds one significant event spanning the outage, detected by the page', () => {
    expect(result.events).toHaveLength(1);
    const ev = result.events[0];
    // CUSUM leaves 0 at the grid point before the first errors, and peaks when the 5m window last holds
    // them (X + 33), moved back by 4 steps: X + 29, the last outage minute.
    expect(ev?.start).toBe(at(X - 1));
    expect(ev?.end).toBe(at(X + 29));
    expect(ev?.detectionSeconds).toBe(5 * MIN);
    expect(ev?.severity).toBe('page');
    expect(result.summary).toMatchObject({ pages: 1, recall: 1, precision: 1 });
  });

  it('states budget shares against 30 days of traffic', () => {
    // The data holds 3 days, so the range's mean rate stands in for 30 days: 1000 a minute, 43.2M
    // events, a budget of 43,200 errors; the outage's 15,000 are 34.7% of it.
    expect(result.events[0]?.budgetConsumed).toBeCloseTo(15_000 / 43_200, 9);
  });

  it('is quiet on a steady burn below 1', () => {
    const steady = runBacktest({
      name: 'steady',
      from: T0,
      to: T0 + (N - 1) * MIN,
      grid,
      objective: 99.9,
      sloWindow: '30d',
      policy,
      steps: steps(minutes(N, () => 0.9), total),
      source: 'raw',
      queries: [],
    });
    expect(steady.episodes).toEqual([]);
    expect(steady.events).toEqual([]);
    expect(steady.summary).toMatchObject({ precision: null, recall: null, pagesPerWeek: 0 });
  });
});

describe('significant events', () => {
  const grid: Grid = { start: 0, step: 60, length: 200 };
  /** Errors of the hour ending at each minute, by hand. */
  const hourly = (bad: number[]) => bad.map((_, i) => bad.slice(Math.max(0, i - 59), i + 1).reduce((a, b) => a + b, 0));
  const sumOf = (bad: number[]) => (a: number, b: number) => bad.slice(a + 1, b + 1).reduce((x, y) => x + y, 0);
  const find = (bad: number[], total: number[]) =>
    significantEvents({ bad, total, windowSteps: 1, hourBad: hourly(bad), ctx: { grid, objective: 99.9, badBetween: sumOf(bad), sloTotal: total.map(() => 1_000_000) } });
  // 100 events a minute, budget 0.1 errors a minute; 1,000,000 events per SLO window: a budget of 1000
  // errors, of which 2% (20 errors) within an hour makes an event significant.
  const total = minutes(200, () => 100);
  it('ignores scattered single errors that make a 5m burn jump', () => {
    // One error every 20 minutes: 3 an hour, burn 0.5 on average but 10x in a 1-minute window.
    expect(find(minutes(200, (i) => (i % 20 === 0 ? 1 : 0)), total)).toEqual([]);
  });

  it('finds a burst that spends 5% of the budget within an hour', () => {
    const burst = minutes(200, (i) => (i >= 100 && i < 110 ? 5 : 0));
    expect(find(burst, total)).toEqual([{ start: 99 * 60, end: 109 * 60, budgetConsumed: 50 / 1000 }]);
  });

  it('a slow burn that spends 4% of the budget but at most 1.8% within any hour is not significant', () => {
    // 0.3 errors a minute (burn 3) for 200 minutes: 60 errors, 18 in any hour (< 20).
    const slow = minutes(200, () => 0.3);
    expect(Math.max(...hourly(slow))).toBeCloseTo(18, 9);
    expect(find(slow, total)).toEqual([]);
  });

  const ev = { start: 1000, end: 2000, budgetConsumed: 0.1 };
  const ep = (start: number, end: number | null, severity: Episode['severity'] = 'page'): Episode => ({ severity, start, end, peakBurnRate: 20, budgetConsumed: 0.05, pairs: ['1h/5m'] });
  it.each([
    ['inside', ep(1200, 1500), true],
    ['after, within grace', ep(2200, 2500), true],
    ['after the grace', ep(2400, 2500), false],
    ['ended before', ep(100, 1000), false],
    ['still firing', ep(1500, null), true],
  ])('overlap: %s', (_name, e, want) => {
    expect(overlaps(e, ev, 10_000, 300)).toBe(want);
  });

  it('scores detection, reset, precision and recall on pages', () => {
    const eps = [ep(1240, 2600), ep(1300, 2100, 'ticket'), ep(5100, 5500, 'ticket'), ep(8000, 8100)];
    const events = scoreEvents([ev, { start: 5000, end: 6000, budgetConsumed: 0.03 }], eps, 10_000, 300);
    expect(events[0]).toMatchObject({ detectedAt: 1240, detectionSeconds: 240, resetSeconds: 600, severity: 'page' });
    // Only a ticket: a significant event is detected by a page, or missed.
    expect(events[1]).toMatchObject({ detectedAt: null, detectionSeconds: null, resetSeconds: null, severity: 'ticket' });
    const summary = summarize(eps, events, { from: 0, to: 604_800, grace: 300 }, 0.5);
    // Precision: 1 of the 2 pages overlaps an event; recall: 1 of the 2 events was paged.
    expect(summary).toMatchObject({ pages: 2, tickets: 2, pagesPerWeek: 2, precision: 1 / 2, recall: 0.5, meanDetectionSeconds: 240, meanResetSeconds: 600 });
  });

  it('a policy that never pages scores no precision and zero recall on a significant event', () => {
    const events = scoreEvents([ev], [ep(1300, 2100, 'ticket')], 10_000, 300);
    expect(summarize([ep(1300, 2100, 'ticket')], events, { from: 0, to: 604_800, grace: 300 }, 0.5)).toMatchObject({ precision: null, recall: 0 });
  });

  it('budget denominators use the range mean when the SLO window reaches before the data', () => {
    // 100 events a step; 10 steps per SLO window: 1000 expected.
    expect(sloTotals([200, 1200, null], 100, 10)).toEqual([1000, 1200, 1000]);
    expect(sloTotals([null], null, 10)).toEqual([null]);
  });
});

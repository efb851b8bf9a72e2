// The backtest engine on hand-built minute series whose answers are worked out in the comments.
import { describe, expect, it } from 'vitest';
import { applyFor, pairActive } from './alerts';
import { overlaps, scoreEvents, significantEvents, summarize } from './events';
import { downsample, makeGrid, resample, runs, sumBetween, type Grid } from './grid';
import { rangeChunks, sampleStep } from '@/lib/slo-engine/backtest-queries';
import { runBacktest, sloTotals, type WindowCounts } from './backtest';
import { backtestResultSchema, type Episode } from './schema';
import { resolvePolicy, type AlertPair } from '../policy';
import { windowSeconds } from '../windows';

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

  const grid: Grid = { start: 0, step: 60, length: 6 };
  it.each([
    ['exact samples', [[0, 1], [60, 2]], 60, 60, [1, 2, null, null, null, null]],
    ['interpolates between samples one sampleStep apart', [[0, 0], [240, 8]], 240, 241, [0, 2, 4, 6, 8, 8]],
    ['holds a sparse sample for less than holdFor', [[0, 5], [300, 7]], 60, 300, [5, 5, 5, 5, 5, 7]],
    ['no data past the hold', [[0, 5]], 60, 120, [5, 5, null, null, null, null]],
  ] as const)('resample: %s', (_name, points, sampleStep, holdFor, want) => {
    expect(resample(points as unknown as Array<[number, number]>, grid, sampleStep, holdFor)).toEqual(want);
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

  it('chunks stay within 11,000 points and cover the grid', () => {
    const g = makeGrid(T0, T0 + 30 * 86_400, 60);
    const chunks = rangeChunks(g, 60);
    expect(chunks).toHaveLength(4); // 43,201 points
    expect(chunks.every((c) => (c.end - c.start) / c.step < 11_000)).toBe(true);
    expect(chunks[0]?.start).toBe(T0);
    expect(chunks.at(-1)?.end).toBe(T0 + 30 * 86_400);
    // 3d is sampled every 72 minutes, aligned so the first sample is at or before the grid start.
    expect(sampleStep('3d')).toBe(4320);
    expect(sampleStep('1h')).toBe(60);
    expect(rangeChunks(g, 4320)[0]?.start).toBeLessThanOrEqual(T0);
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

/** Window counts from per-minute increments: the window ending at minute i holds minutes i-n+1 .. i. */
function windowCounts(perMinute: number[], window: string): Array<number | null> {
  const n = windowSeconds(window) / MIN;
  let sum = 0;
  return perMinute.map((v, i) => {
    sum += v - (i >= n ? (perMinute[i - n] ?? 0) : 0);
    return sum;
  });
}

function counts(bad: number[], total: number[], windows: string[]): Record<string, WindowCounts> {
  return Object.fromEntries(windows.map((w) => [w, { bad: windowCounts(bad, w), total: windowCounts(total, w) }]));
}

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
  const windows = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];
  const grid: Grid = { start: T0, step: 60, length: N };
  const result = runBacktest({
    name: 'synthetic',
    from: T0,
    to: T0 + (N - 1) * MIN,
    grid,
    objective: 99.9,
    sloWindow: '30d',
    policy,
    counts: counts(bad, total, windows),
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
    // The data holds 3 days, so the range's mean rate stands in for 30 days: 1000 a minute but for the
    // first four 5m windows, which miss 4 + 3 + 2 + 1 minutes (2 events per step on average over 4320).
    // 43.2M events give a budget of 43,200 errors; the outage's 15,000 are 34.7% of it.
    expect(result.events[0]?.budgetConsumed).toBeCloseTo(15_000 / (43_200 * (1 - 2 / 4320)), 9);
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
      counts: counts(minutes(N, () => 0.9), total, windows),
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
  const ctx = (total: number[]) => ({ grid, objective: 99.9, errors: { bad: [], windowSteps: 1 }, sloTotal: total.map(() => 1_000_000) });
  it('ignores scattered single errors that make a 5m burn jump, finds a sustained burn', () => {
    // 100 events a minute, budget 0.1 errors a minute: a single error every 20 minutes is burn 0.5 on
    // average, but 10x in a 1-minute window. Budget 1000 errors; 2% = 20 excess errors.
    const total = minutes(200, () => 100);
    const scattered = minutes(200, (i) => (i % 20 === 0 ? 1 : 0));
    expect(significantEvents({ bad: scattered, total, windowSteps: 1, ctx: { ...ctx(total), errors: { bad: scattered, windowSteps: 1 } } })).toEqual([]);
    const burst = minutes(200, (i) => (i >= 100 && i < 110 ? 5 : 0));
    const events = significantEvents({ bad: burst, total, windowSteps: 1, ctx: { ...ctx(total), errors: { bad: burst, windowSteps: 1 } } });
    expect(events).toEqual([{ start: 99 * 60, end: 109 * 60, budgetConsumed: 50 / 1000 }]);
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

  it('scores detection, reset, precision and recall', () => {
    const events = scoreEvents([ev, { start: 5000, end: 6000, budgetConsumed: 0.03 }], [ep(1240, 2600), ep(1300, 2100, 'ticket'), ep(8000, 8100)], 10_000, 300);
    expect(events[0]).toMatchObject({ detectedAt: 1240, detectionSeconds: 240, resetSeconds: 600, severity: 'page' });
    expect(events[1]).toMatchObject({ detectedAt: null, detectionSeconds: null, resetSeconds: null, severity: null });
    const summary = summarize([ep(1240, 2600), ep(1300, 2100, 'ticket'), ep(8000, 8100)], events, { from: 0, to: 604_800, grace: 300 }, 0.5);
    expect(summary).toMatchObject({ pages: 2, tickets: 1, pagesPerWeek: 2, precision: 2 / 3, recall: 0.5, meanDetectionSeconds: 240, meanResetSeconds: 600 });
  });

  it('budget denominators use the range mean when the SLO window reaches before the data', () => {
    // 5-step window totals of 500 (100 a step); 10 steps per SLO window: 1000 expected.
    expect(sloTotals([200, 1200, null], [500, 500, 500], 5, 10)).toEqual([1000, 1200, 1000]);
    expect(sloTotals([null], [null], 5, 10)).toEqual([null]);
  });
});

describe('recommendations', () => {
  const grid: Grid = { start: T0, step: 60, length: 7 * ONE_DAY };
  const base = (objective: number, bad: number[], total: number[], policy: AlertPair[]) =>
    runBacktest({
      name: 'r',
      from: T0,
      to: T0 + (grid.length - 1) * MIN,
      grid,
      objective,
      sloWindow: '30d',
      policy,
      counts: counts(bad, total, ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']),
      source: 'raw',
      queries: [],
    });
  const kinds = (r: ReturnType<typeof runBacktest>) => r.recommendations.map((x) => x.kind);
  const N = grid.length;

  it('flags a pair that cannot fire at a 90% objective (14.4 x 10% > 100%)', () => {
    const r = base(90, minutes(N, () => 0), minutes(N, () => 1000), resolvePolicy({ window: '30d' }));
    expect(kinds(r)).toEqual(['unreachable']);
    expect(r.recommendations[0]?.change).toMatch(/threshold to 8/);
  });

  it('flags low traffic: 2 events an hour where the 1h/5m pair needs 70', () => {
    const r = base(99.9, minutes(N, () => 0), minutes(N, (i) => (i % 30 === 0 ? 1 : 0)), resolvePolicy({ window: '30d' }));
    const low = r.recommendations.find((x) => x.kind === 'low-traffic');
    expect(low?.message).toMatch(/1h\/5m sees about 2 events per 1h but needs 70/);
  });

  it('says so when there is no traffic at all', () => {
    const none = minutes(N, () => 0);
    const r = runBacktest({
      name: 'r',
      from: T0,
      to: T0 + (N - 1) * MIN,
      grid,
      objective: 99.9,
      sloWindow: '30d',
      policy: resolvePolicy({ window: '30d' }),
      counts: { '5m': { bad: none.map(() => null), total: none.map(() => null) } },
      source: 'raw',
      queries: [],
    });
    expect(r.recommendations.map((x) => [x.kind, x.message])).toEqual([['low-traffic', expect.stringMatching(/^No events at all/)]]);
    expect(r.summary.budgetConsumed).toBeNull();
    expect(r.timeline.burnRates['1h']?.every((v) => v === null)).toBe(true);
  });

  it('flags flapping: 10-minute bursts every 6 hours fire short pages outside significant events', () => {
    // 8% errors for 3 minutes every 6 hours on a sensitive 30m/5m pair at 5x with for 0s: the 30m
    // burn passes 5 from the burst's second minute (160 / 30000 / 0.001 = 5.33), the 5m one stays
    // above until the window no longer holds the burst, 4 minutes after it: pages of 6 minutes.
    const policy: AlertPair[] = [{ severity: 'page', longWindow: '30m', shortWindow: '5m', threshold: 5, budgetShare: 0.0035, for: '0s' }];
    const bad = minutes(N, (i) => (i % 360 >= 100 && i % 360 < 103 ? 80 : 0));
    const r = base(99.9, bad, minutes(N, () => 1000), policy);
    expect(r.episodes.length).toBeGreaterThanOrEqual(20);
    const flap = r.recommendations.find((x) => x.kind === 'flapping');
    expect(flap?.change).toMatch(/^Set for: 6m on 30m\/5m \(was 0s\)/);
    expect(kinds(r)).toContain('noisy');
  });
  // `late`: an alert that fires only after LATE_BUDGET_SHARE (10%) of the whole budget is gone. The
  // reference is worked out here minute by minute from the per-minute errors: the first minute where
  // both windows of a pair burn above its threshold, plus its `for` (written by hand: half the short
  // window, Pyrra's rule in policy.ts), and the errors spent from the first bad minute to then.
  // 1000 requests a minute over 7 days: a 30d budget of 0.001 x 1000 x 43,200 = 43,200 errors.
  describe('late', () => {
    const X = 2 * ONE_DAY;
    const BUDGET = 0.001 * 1000 * 43_200;
    const ticket: AlertPair = { severity: 'ticket', longWindow: '1d', shortWindow: '2h', threshold: 3, budgetShare: 0.1, for: '1h' };
    const page: AlertPair = { severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4, budgetShare: 0.02, for: '2m30s' };
    /** First minute at which some pair has held both windows above its threshold for its `for`. */
    function handFiring(bad: number[], pairs: Array<{ long: number; short: number; threshold: number; forMinutes: number }>): number {
      const burn = (i: number, n: number) => bad.slice(Math.max(0, i - n + 1), i + 1).reduce((a, b) => a + b, 0) / (1000 * Math.min(n, i + 1)) / 0.001;
      const firing = pairs.map(({ long, short, threshold, forMinutes }) => {
        const first = bad.findIndex((_, i) => burn(i, long) > threshold && burn(i, short) > threshold);
        // Both windows only grow over these series until the alert fires, so no gap resets `for`.
        return first < 0 ? Infinity : first + forMinutes;
      });
      return Math.min(...firing);
    }
    const spentBy = (bad: number[], minute: number) => bad.slice(X, minute + 1).reduce((a, b) => a + b, 0) / BUDGET;
    // Slow ramp: 0 to 6 errors a minute (burn 6) over 12 h, then 6 a minute. The 1d window passes
    // 3 x 0.001 x 1,440,000 = 4,320 errors after the ramp's 6 x 721 / 2 = 2,163 plus 360 minutes at 6
    // (X + 1079), and the ticket fires 1h later at X + 1139, by when 2,163 + 6 x 420 = 4,683 errors
    // (10.84% of the budget) are gone.
    const ramp = minutes(N, (i) => (i < X ? 0 : Math.min(6, (6 * (i - X + 1)) / 720)));
    // Fast outage: 20% errors for 30 minutes. The 1h window passes 14.4 at X + 4 (200 x 5 / 60,000 =
    // 16.7x); with 2m30s the page fires on the grid at X + 7, after 8 x 200 = 1,600 errors (3.7%).
    const outage = minutes(N, (i) => (i >= X && i < X + 30 ? 200 : 0));
    it.each([
      ['a slow ramp: the ticket fires only after 10% of the budget', ramp, [ticket], [{ long: 1440, short: 120, threshold: 3, forMinutes: 60 }], true],
      ['a fast outage: the page fires early', outage, [page, ticket], [{ long: 60, short: 5, threshold: 14.4, forMinutes: 3 }], false],
    ] as const)('%s', (_name, bad, policy, handPairs, late) => {
      const firesAt = handFiring([...bad], [...handPairs]);
      const spent = spentBy([...bad], firesAt);
      expect(spent >= 0.1).toBe(late);
      const r = base(99.9, [...bad], minutes(N, () => 1000), [...policy]);
      expect(r.events).toHaveLength(1);
      expect(r.events[0]?.detectedAt).toBe(T0 + firesAt * MIN);
      const rec = r.recommendations.find((x) => x.kind === 'late');
      expect(rec !== undefined).toBe(late);
      if (rec) {
        // The engine counts from the event's start to detection. On a ramp CUSUM starts the event once
        // the excess is significant, after X: it can only count fewer of the same errors, and the ramp's
        // first two hours hold 6 x 120^2 / 1440 = 60 errors (0.14 point): within 0.25 point of the hand figure.
        const said = Number(/after ([\d.]+)% of the budget/.exec(rec.message)?.[1]) / 100;
        expect(said).toBeGreaterThanOrEqual(0.1);
        expect(said).toBeLessThanOrEqual(spent);
        expect(spent - said).toBeLessThan(0.0025);
      }
    });
  });
});

import { budgetShareBetween, episodes, firingPairs, forSeconds, severityFiring, type BudgetContext, type WindowSeries } from './alerts';
import { scoreEvents, significantEvents, summarize, SIGNIFICANT_BUDGET_SHARE } from './events';
import { downsample, type Grid } from './grid';
import { recommendations } from './recommend';
import type { BacktestResult } from './schema';
import { budgetFraction, errorRatio } from '../math';
import type { AlertPair } from '../policy';
import { sortWindows, windowSeconds } from '../windows';

// The backtest engine: what a policy would have done over history, from per-window counts on a
// common grid (backtest-run.ts fetches them). Pure: numbers in, a BacktestResult out.

/** Charts get at most this many points per series (contract: "downsampled to at most 2,000 points"). */
export const TIMELINE_MAX_POINTS = 2000;

export interface WindowCounts {
  /** Bad events in the window ending at each evaluation; null without data. */
  bad: Array<number | null>;
  /** All events in the window ending at each evaluation; null without data. */
  total: Array<number | null>;
}

export interface BacktestInput {
  name: string;
  from: number;
  to: number;
  grid: Grid;
  objective: number;
  sloWindow: string;
  policy: AlertPair[];
  /** Per window (every policy window, and the SLO window for the budget's denominator). */
  counts: Readonly<Record<string, WindowCounts>>;
  source: BacktestResult['source'];
  queries: string[];
  significantShare?: number;
}

/** burnRate() of math.ts at every evaluation, its budget fraction worked out once (not 43,200 times a window). */
function withBurn(counts: WindowCounts, objective: number): WindowSeries {
  const fraction = budgetFraction(objective);
  const burn = counts.bad.map((bad, i) => {
    const total = counts.total[i];
    const ratio = bad === null || total === null || total === undefined ? null : errorRatio(bad, total);
    return ratio === null ? null : ratio / fraction;
  });
  return { ...counts, burn };
}

function median(values: ReadonlyArray<number | null>): number | null {
  // A typed array sorts numerically in native code: a comparator sort of 43,200 values per window
  // per SLO took a tenth of a 100-SLO bulk backtest.
  const xs = Float64Array.from(values.filter((v): v is number => v !== null)).sort();
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? (xs[mid] ?? null) : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
}

/**
 * Events over the SLO window ending at each evaluation, the denominator of every budget share. A window
 * reaching back before the stored history counts only what is there (30 days back from 3 days ago
 * holds 27 days of the fixture), which would inflate every share: the range's mean traffic over a whole
 * window stands in when it is larger.
 */
export function sloTotals(recorded: ReadonlyArray<number | null>, shortTotals: ReadonlyArray<number | null>, windowSteps: number, sloSteps: number): Array<number | null> {
  let events = 0;
  let seen = 0;
  shortTotals.forEach((v) => {
    if (v === null) return;
    events += v / windowSteps;
    seen++;
  });
  const typical = seen === 0 ? 0 : (events / seen) * sloSteps;
  return recorded.map((v) => (v === null && typical === 0 ? null : Math.max(v ?? 0, typical)));
}

export function runBacktest(input: BacktestInput): BacktestResult {
  const { grid, policy, objective, from, to } = input;
  const significantShare = input.significantShare ?? SIGNIFICANT_BUDGET_SHARE;
  const series = new Map(Object.entries(input.counts).map(([w, c]) => [w, withBurn(c, objective)]));
  const shortest = sortWindows(series.keys())[0];
  const errorsWindow = shortest === undefined ? undefined : series.get(shortest);
  const empty = new Array<number | null>(grid.length).fill(null);
  const windowSteps = shortest === undefined ? 1 : Math.max(1, Math.round(windowSeconds(shortest) / grid.step));
  const ctx: BudgetContext = {
    grid,
    objective,
    errors: { bad: errorsWindow?.bad ?? empty, windowSteps },
    sloTotal: sloTotals(series.get(input.sloWindow)?.total ?? empty, errorsWindow?.total ?? empty, windowSteps, windowSeconds(input.sloWindow) / grid.step),
  };

  const pairs = firingPairs(policy, series, grid);
  const eps = [...episodes('page', pairs, series, ctx), ...episodes('ticket', pairs, series, ctx)].sort((a, b) => a.start - b.start);
  const grace = Math.max(0, ...policy.map((p) => windowSeconds(p.shortWindow) + forSeconds(p.for)));
  const raw = significantEvents({ bad: errorsWindow?.bad ?? empty, total: errorsWindow?.total ?? empty, windowSteps, ctx, significantShare });
  const events = scoreEvents(raw, eps, to, grace);
  const budgetConsumed = grid.length > 1 && ctx.sloTotal[grid.length - 1] ? budgetShareBetween(ctx, 0, grid.length - 1) : null;

  const factor = Math.max(1, Math.ceil(grid.length / TIMELINE_MAX_POINTS));
  const policyWindows = sortWindows(policy.flatMap((p) => [p.shortWindow, p.longWindow]));
  const medianEvents = new Map(policyWindows.map((w) => [w, median(series.get(w)?.total ?? [])]));
  return {
    name: input.name,
    from,
    to,
    step: grid.step,
    source: input.source,
    queries: input.queries,
    policy,
    episodes: eps,
    events,
    summary: summarize(eps, events, { from, to, grace }, budgetConsumed, significantShare),
    timeline: {
      start: grid.start,
      step: grid.step * factor,
      burnRates: Object.fromEntries(policyWindows.map((w) => [w, downsample(series.get(w)?.burn ?? empty, factor)])),
      firing: {
        page: downsample(severityFiring(pairs, 'page', grid.length), factor),
        ticket: downsample(severityFiring(pairs, 'ticket', grid.length), factor),
      },
    },
    recommendations: recommendations({ policy, objective, sloWindow: input.sloWindow, from, to, episodes: eps, events, medianEvents, ctx, grace }),
  };
}

import { budgetShareBetween, episodes, firingPairs, forSeconds, severityFiring, type BudgetContext, type WindowLookup, type WindowSeries } from './alerts';
import { EVENT_WINDOW, overlaps, scoreEvents, significantEvents, SIGNIFICANCE_WINDOW, summarize, SIGNIFICANT_BUDGET_SHARE } from './events';
import { downsample, sumBetween, type Grid } from './grid';
import { recommendations } from './recommend';
import type { BacktestResult } from './schema';
import { windowsFromSteps, type StepCounts } from './steps';
import { budgetFraction, errorRatio } from '../math';
import type { AlertPair } from '../policy';
import { sortWindows, windowSeconds } from '../windows';

// The backtest engine: what a policy would have done over history, from per-step counts (every window
// derived exactly by prefix sums, steps.ts) or per-window counts (recorded series) on a common grid
// (backtest-run.ts fetches them). Pure: numbers in, a BacktestResult out.

/** Charts get at most this many points per series (contract: "downsampled to at most 2,000 points"). */
export const TIMELINE_MAX_POINTS = 2000;

export interface WindowCounts {
  /** Bad events in the window ending at each evaluation; null without data. */
  bad: Array<number | null>;
  /** All events in the window ending at each evaluation; null without data. */
  total: Array<number | null>;
}

/** The windows a backtest reads: the policy's, the event and significance windows, and the SLO window (for the budget). */
export function backtestWindows(policy: readonly AlertPair[], sloWindow: string): string[] {
  return sortWindows([EVENT_WINDOW, SIGNIFICANCE_WINDOW, ...policy.flatMap((p) => [p.shortWindow, p.longWindow]), sloWindow]);
}

export interface BacktestInput {
  name: string;
  from: number;
  to: number;
  grid: Grid;
  objective: number;
  sloWindow: string;
  policy: AlertPair[];
  /**
   * Per-step counts reaching back before the grid as far as the windows do: every window is derived
   * from them exactly. Without them, `counts` gives each window of backtestWindows().
   */
  steps?: StepCounts;
  counts?: Readonly<Record<string, WindowCounts>>;
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

/** Mean events per step from a window's counts (each window holds `windowSteps` steps); null without data. */
export function meanPerStep(totals: ReadonlyArray<number | null>, windowSteps: number): number | null {
  let events = 0;
  let seen = 0;
  totals.forEach((v) => {
    if (v === null) return;
    events += v / windowSteps;
    seen++;
  });
  return seen === 0 ? null : events / seen;
}

/**
 * Events over the SLO window ending at each evaluation, the denominator of every budget share. A window
 * reaching back before the stored history counts only what is there (30 days back from 3 days ago
 * holds 27 days of the fixture), which would inflate every share: the range's mean traffic over a whole
 * window (`perStep` x `sloSteps`) stands in when it is larger.
 */
export function sloTotals(recorded: ReadonlyArray<number | null>, perStep: number | null, sloSteps: number): Array<number | null> {
  const typical = (perStep ?? 0) * sloSteps;
  return recorded.map((v) => (v === null && typical === 0 ? null : Math.max(v ?? 0, typical)));
}

interface Source {
  series: WindowLookup;
  badBetween(a: number, b: number): number;
  perStep: number | null;
}

/** Window series derived once each, on demand, from per-step counts or given per window. */
function source(input: BacktestInput): Source {
  const cache = new Map<string, WindowSeries>();
  const { grid, objective } = input;
  if (input.steps) {
    const derived = windowsFromSteps(input.steps, grid);
    const get = (w: string) => {
      let found = cache.get(w);
      if (!found) cache.set(w, (found = withBurn(derived.window(w), objective)));
      return found;
    };
    return { series: { get }, badBetween: derived.badBetween, perStep: derived.meanTotal };
  }
  const counts = input.counts ?? {};
  for (const [w, c] of Object.entries(counts)) cache.set(w, withBurn(c, objective));
  const shortest = sortWindows(cache.keys())[0];
  const errors = shortest === undefined ? undefined : cache.get(shortest);
  const steps = shortest === undefined ? 1 : Math.max(1, Math.round(windowSeconds(shortest) / grid.step));
  return {
    series: cache,
    badBetween: (a, b) => (b <= a || !errors ? 0 : sumBetween(errors.bad, steps, a, b)),
    perStep: errors ? meanPerStep(errors.total, steps) : null,
  };
}

export function runBacktest(input: BacktestInput): BacktestResult {
  const { grid, policy, objective, from, to } = input;
  const significantShare = input.significantShare ?? SIGNIFICANT_BUDGET_SHARE;
  const { series, badBetween, perStep } = source(input);
  const empty = new Array<number | null>(grid.length).fill(null);
  const stepsOf = (w: string) => Math.max(1, Math.round(windowSeconds(w) / grid.step));
  const ctx: BudgetContext = {
    grid,
    objective,
    badBetween,
    sloTotal: sloTotals(series.get(input.sloWindow)?.total ?? empty, perStep, windowSeconds(input.sloWindow) / grid.step),
  };

  const pairs = firingPairs(policy, series, grid);
  const eps = [...episodes('page', pairs, series, ctx), ...episodes('ticket', pairs, series, ctx)].sort((a, b) => a.start - b.start);
  const grace = Math.max(0, ...policy.map((p) => windowSeconds(p.shortWindow) + forSeconds(p.for)));
  const eventWindow = series.get(EVENT_WINDOW);
  const raw = significantEvents({
    bad: eventWindow?.bad ?? empty,
    total: eventWindow?.total ?? empty,
    windowSteps: stepsOf(EVENT_WINDOW),
    hourBad: series.get(SIGNIFICANCE_WINDOW)?.bad ?? empty,
    ctx,
    significantShare,
  });
  const events = scoreEvents(raw, eps, to, grace);
  const budgetConsumed = grid.length > 1 && ctx.sloTotal[grid.length - 1] ? budgetShareBetween(ctx, 0, grid.length - 1) : null;
  /** Whether `candidate` would still page on every event the policy pages on (advice must not stop a page). */
  const keepsPaging = (candidate: readonly AlertPair[]) => {
    const pages = episodes('page', firingPairs(candidate, series, grid), series, ctx);
    return events.every((ev) => ev.detectedAt === null || pages.some((ep) => overlaps(ep, ev, to, grace)));
  };

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
    recommendations: recommendations({ policy, objective, sloWindow: input.sloWindow, from, to, episodes: eps, events, medianEvents, ctx, grace, keepsPaging }),
  };
}

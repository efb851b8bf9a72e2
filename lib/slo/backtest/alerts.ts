import { parsePromDuration } from '@/lib/promql';
import { gridTime, runs, type Grid } from './grid';
import type { Episode } from './schema';
import { budgetFraction } from '../math';
import type { AlertPair, Severity } from '../policy';

// Replays the multiwindow alerts over the grid as Prometheus would evaluate the generated rules. Pure.

/** Burn rate and counts of one window at every evaluation. */
export interface WindowSeries {
  burn: Array<number | null>;
  bad: Array<number | null>;
  total: Array<number | null>;
}

/** Each window's series by name (a Map, or derived on demand from per-step counts). */
export interface WindowLookup {
  get(window: string): WindowSeries | undefined;
}

/** Seconds of a `for:`, where `0s` (no pending period) is allowed. */
export function forSeconds(text: string): number {
  return /^0[smhdwy]?$/.test(text) ? 0 : parsePromDuration(text);
}

export const pairLabel = (p: Pick<AlertPair, 'longWindow' | 'shortWindow'>) => `${p.longWindow}/${p.shortWindow}`;

/** Both windows strictly above the threshold, like `long > t and short > t`; no data is not active. */
export function pairActive(long: ReadonlyArray<number | null>, short: ReadonlyArray<number | null>, threshold: number): boolean[] {
  return long.map((l, i) => {
    const s = short[i];
    return l !== null && l !== undefined && s !== null && s !== undefined && l > threshold && s > threshold;
  });
}

/**
 * Prometheus' `for:`: an alert goes pending at the first evaluation where its expression holds and
 * fires at the first one at least `for` later, provided it held at every evaluation in between.
 */
export function applyFor(active: ReadonlyArray<boolean>, grid: Grid, forSeconds: number): boolean[] {
  let since = -1;
  return active.map((on, i) => {
    if (!on) {
      since = -1;
      return false;
    }
    if (since < 0) since = i;
    return gridTime(grid, i) - gridTime(grid, since) >= forSeconds;
  });
}

export interface PairFiring {
  pair: AlertPair;
  firing: boolean[];
}

export function firingPairs(policy: readonly AlertPair[], series: WindowLookup, grid: Grid): PairFiring[] {
  const empty = new Array<number | null>(grid.length).fill(null);
  return policy.map((pair) => {
    const active = pairActive(series.get(pair.longWindow)?.burn ?? empty, series.get(pair.shortWindow)?.burn ?? empty, pair.threshold);
    return { pair, firing: applyFor(active, grid, forSeconds(pair.for)) };
  });
}

/** Whether any pair of `severity` fires at each evaluation. */
export function severityFiring(pairs: readonly PairFiring[], severity: Severity, length: number): boolean[] {
  const mine = pairs.filter((p) => p.pair.severity === severity);
  return Array.from({ length }, (_, i) => mine.some((p) => p.firing[i]));
}

export interface BudgetContext {
  grid: Grid;
  objective: number;
  /** Bad events in (a, b] for grid indexes a < b (per-step counts make it exact, grid.ts sumBetween() otherwise). */
  badBetween(a: number, b: number): number;
  /** Events over the SLO window ending at each evaluation. */
  sloTotal: ReadonlyArray<number | null>;
}

/** Errors in (a, b] as a share of the whole budget of the SLO window ending at b; 0 without traffic. */
export function budgetShareBetween(ctx: BudgetContext, a: number, b: number): number {
  if (b <= a) return 0;
  const total = ctx.sloTotal[b];
  if (total === null || total === undefined || total <= 0) return 0;
  return ctx.badBetween(a, b) / (budgetFraction(ctx.objective) * total);
}

/**
 * Maximal runs in which some pair of `severity` fires. `end` is the first evaluation that no longer
 * fires, or null when the last one (`to`) still does.
 */
export function episodes(severity: Severity, pairs: readonly PairFiring[], series: WindowLookup, ctx: BudgetContext): Episode[] {
  const { grid } = ctx;
  const mine = pairs.filter((p) => p.pair.severity === severity);
  return runs(severityFiring(mine, severity, grid.length)).map(([first, last]) => {
    let peak = 0;
    const fired = new Set<string>();
    for (const { pair, firing } of mine) {
      const burn = series.get(pair.longWindow)?.burn;
      for (let i = first; i <= last; i++) {
        if (!firing[i]) continue;
        fired.add(pairLabel(pair));
        peak = Math.max(peak, burn?.[i] ?? 0);
      }
    }
    const ongoing = last === grid.length - 1;
    const endIndex = ongoing ? last : last + 1;
    return {
      severity,
      start: gridTime(grid, first),
      end: ongoing ? null : gridTime(grid, endIndex),
      peakBurnRate: peak,
      budgetConsumed: budgetShareBetween(ctx, first, endIndex),
      pairs: mine.map((p) => pairLabel(p.pair)).filter((label) => fired.has(label)),
    };
  });
}

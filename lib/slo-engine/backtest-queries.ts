import { matchers } from '@/lib/promql';
import type { Grid } from '@/lib/slo/backtest/grid';
import type { AlertPair } from '@/lib/slo/policy';
import { windowExprs } from '@/lib/slo/queries';
import { errorRatioRecord, eventsRecord, recordedSelector, SLI_HASH_LABEL } from '@/lib/slo/rules/rules';
import { sliHash } from '@/lib/slo/sli-hash';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { sortWindows, windowSeconds } from '@/lib/slo/windows';

// The range queries of a backtest. Pure: backtest-run.ts runs them.
//
// One range query per window and count (bad, total), evaluated where the generated rules would be.
// Measured on the 30-day fixture (payments, 3 series, 2 shared CPUs): every window at 60 s took 5.5 s
// per SLO, because a 3d increase() at each of 43,200 minutes reads 4,320 samples per series each time;
// windows longer than an hour sampled 60 times per window (2m for 2h ... 72m for 3d) and interpolated
// onto the minute grid took 2.0 s with the same result within the error bound of backtest-grid.ts
// resample(). Summing per-minute increase()s client side would be cheaper still, but needs two
// samples in every minute, which a 5-minute history or Prometheus 3's left-open ranges do not give.

/** The rules' evaluation interval: the backtest steps through history once a minute. */
export const BASE_STEP = 60;
/** Long windows are sampled this many times per window length, then interpolated (see above). */
export const SAMPLES_PER_WINDOW = 60;
/**
 * Prometheus refuses a range query when (end - start) / step exceeds 11,000; 11,000 points stay just
 * within, and 30 days at 60 s (43,201 points) take 4 chunks.
 */
export const MAX_POINTS_PER_QUERY = 11_000;
/** Significant events are read from the 5m window, the shortest a 1-minute scrape makes robust. */
export const EVENT_WINDOW = '5m';
/** A sparse history (5-minute samples) leaves a 5m increase() on one grid point in five: hold it this long. */
const MAX_HOLD_SECONDS = 300;

export type CountKind = 'bad' | 'total';

export interface WindowQuery {
  window: string;
  kind: CountKind;
  /** `bad` of recorded series is ratio x events: this is the ratio. */
  query: string;
  /** Recorded `bad` multiplies this events query's values by the ratio's. */
  eventsQuery?: string;
  step: number;
}

export interface RangeChunk {
  start: number;
  end: number;
  step: number;
}

/** Seconds between samples of a window: the grid step up to an hour, then window / 60, on the grid. */
export function sampleStep(window: string, base = BASE_STEP): number {
  return base * Math.max(1, Math.floor(windowSeconds(window) / SAMPLES_PER_WINDOW / base));
}

/** How long the last sample of a window stands in for missing ones (see backtest-grid.ts resample()). */
export function holdSeconds(window: string, step: number): number {
  return Math.max(step + 1, Math.min(windowSeconds(window), MAX_HOLD_SECONDS));
}

/** The windows a backtest reads: the policy's, the event window, and the SLO window (for the budget). */
export function backtestWindows(policy: readonly AlertPair[], sloWindow: string): string[] {
  return sortWindows([EVENT_WINDOW, ...policy.flatMap((p) => [p.shortWindow, p.longWindow]), sloWindow]);
}

/**
 * Range chunks covering the grid at `step`, aligned on multiples of it and reaching one sample past
 * each end so that interpolation covers the whole grid.
 */
export function rangeChunks(grid: Grid, step: number, maxPoints = MAX_POINTS_PER_QUERY): RangeChunk[] {
  if (grid.length === 0) return [];
  const last = grid.start + (grid.length - 1) * grid.step;
  const start = Math.floor(grid.start / step) * step;
  const end = Math.ceil(last / step) * step;
  const out: RangeChunk[] = [];
  for (let s = start; s <= end; s += maxPoints * step) out.push({ start: s, end: Math.min(end, s + (maxPoints - 1) * step), step });
  return out;
}

/** Raw counters: windowExprs() of queries.ts, the same PromQL as the recording rules. */
export function rawQueries(spec: SloSpec, windows: readonly string[], source: SliSource): WindowQuery[] {
  return windows.flatMap((window) => {
    const exprs = windowExprs(spec, window, source);
    const step = sampleStep(window);
    const total: WindowQuery = { window, kind: 'total', query: exprs.total, step };
    return window === spec.window ? [total] : [{ window, kind: 'bad', query: exprs.bad, step }, total];
  });
}

/** Recorded series of rules.ts, of the spec's current definition (its sli_hash), so an unsaved edit reads raw. */
export function recordedQueries(spec: SloSpec, windows: readonly string[], source: SliSource): WindowQuery[] {
  return windows.flatMap((window) => {
    const step = sampleStep(window);
    const events = recordedSelector(eventsRecord(window), spec, source);
    const total: WindowQuery = { window, kind: 'total', query: events, step };
    const ratio = recordedSelector(errorRatioRecord(window), spec, source);
    return window === spec.window ? [total] : [{ window, kind: 'bad', query: ratio, eventsQuery: events, step }, total];
  });
}

/**
 * One instant query that counts, per window, the recorded events series of the SLO: the backtest
 * reads recorded series only when every window has one at both ends of the range.
 */
export function recordedCheckQuery(spec: SloSpec, windows: readonly string[], source: SliSource): string {
  const selector = matchers({ __name__: ['=~', { literal: windows.map(eventsRecord) }], slo: spec.name, [SLI_HASH_LABEL]: sliHash(spec, source) });
  return `count by (__name__) (${selector})`;
}

/** Bad events missing where there is traffic read as none, except for latency (see queries.ts). */
export function missingBadIsZero(spec: SloSpec): boolean {
  return spec.indicator.type !== 'latency';
}

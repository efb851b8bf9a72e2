import type { Grid } from './grid';
import { windowSeconds } from '../windows';

// Counts per evaluation step, and every window derived from them exactly by prefix sums: the events
// of a window ending at t are the steps' events in (t - window, t]. Pure.

/** Events of one kind per step: values[k] holds those in (start + (k - 1) x step, start + k x step]; NaN is no data. */
export interface StepSeries {
  /** Unix seconds at which step 0 ends. */
  start: number;
  /** Seconds per step. */
  step: number;
  values: Float64Array;
}

/** Bad and all events per step over the same span, which starts at or before the grid (long windows reach back). */
export interface StepCounts {
  start: number;
  step: number;
  bad: Float64Array;
  total: Float64Array;
}

/** Events per step where a step has data; NaN counts 0, and how many steps had data, both cumulative. */
export class PrefixSums {
  private readonly sums: Float64Array;
  private readonly seen: Uint32Array;
  constructor(values: Float64Array) {
    this.sums = new Float64Array(values.length + 1);
    this.seen = new Uint32Array(values.length + 1);
    for (let k = 0; k < values.length; k++) {
      const v = values[k] ?? Number.NaN;
      const has = !Number.isNaN(v);
      this.sums[k + 1] = (this.sums[k] ?? 0) + (has ? v : 0);
      this.seen[k + 1] = (this.seen[k] ?? 0) + (has ? 1 : 0);
    }
  }
  private clamp(k: number): number {
    return Math.min(Math.max(k, 0), this.sums.length - 1);
  }
  /** Events in steps a+1 .. b (0 when the span holds none). */
  between(a: number, b: number): number {
    return (this.sums[this.clamp(b + 1)] ?? 0) - (this.sums[this.clamp(a + 1)] ?? 0);
  }
  /** Events in steps a+1 .. b, or null when none of them has data. */
  betweenOrNull(a: number, b: number): number | null {
    const seen = (this.seen[this.clamp(b + 1)] ?? 0) - (this.seen[this.clamp(a + 1)] ?? 0);
    return seen === 0 ? null : this.between(a, b);
  }
}

/**
 * Fills the steps of `fine` that lack data from coarser counts (`coarse.step` a multiple of
 * `fine.step`): a coarse step whose fine steps are not all there is spread evenly over them. A
 * history sampled every 5 minutes, or recorded series, give only 5-minute counts.
 */
export function fillFromCoarse(fine: StepSeries, coarse: StepSeries | undefined): Float64Array {
  const out = Float64Array.from(fine.values);
  if (!coarse) return out;
  const per = Math.round(coarse.step / fine.step);
  coarse.values.forEach((v, m) => {
    if (Number.isNaN(v)) return;
    const last = Math.round((coarse.start + m * coarse.step - fine.start) / fine.step);
    const first = last - per + 1;
    if (last < 0 || first >= out.length) return;
    let complete = true;
    for (let k = Math.max(first, 0); k <= Math.min(last, out.length - 1); k++) if (Number.isNaN(out[k] ?? Number.NaN)) complete = false;
    if (complete) return;
    for (let k = Math.max(first, 0); k <= Math.min(last, out.length - 1); k++) out[k] = v / per;
  });
  return out;
}

/** Steps of `steps` before the grid's first evaluation. */
export const leadSteps = (steps: Pick<StepCounts, 'start' | 'step'>, grid: Grid) => Math.round((grid.start - steps.start) / steps.step);

/** A window's counts at every evaluation of the grid, from prefix sums; null where no step in the window has data. */
export function windowSums(prefix: PrefixSums, lead: number, grid: Grid, windowSteps: number): Array<number | null> {
  const out = new Array<number | null>(grid.length);
  for (let i = 0; i < grid.length; i++) out[i] = prefix.betweenOrNull(lead + i - windowSteps, lead + i);
  return out;
}

export interface StepWindows {
  /** Bad and all events of `window` ending at each evaluation, derived when first asked for. */
  window(window: string): { bad: Array<number | null>; total: Array<number | null> };
  /** Bad events in (a, b] for grid indexes a < b, exact. */
  badBetween(a: number, b: number): number;
  /** Mean events per step over the grid's steps that have data; null without any. */
  meanTotal: number | null;
}

/** Every window's counts on the grid from per-step counts, and exact sums of bad events between evaluations. */
export function windowsFromSteps(steps: StepCounts, grid: Grid): StepWindows {
  const lead = leadSteps(steps, grid);
  const bad = new PrefixSums(steps.bad);
  const total = new PrefixSums(steps.total);
  const seen = grid.length === 0 ? null : total.betweenOrNull(lead - 1, lead + grid.length - 1);
  let present = 0;
  for (let i = 0; i < grid.length; i++) if (!Number.isNaN(steps.total[lead + i] ?? Number.NaN)) present++;
  return {
    window: (w) => {
      const n = Math.max(1, Math.round(windowSeconds(w) / steps.step));
      return { bad: windowSums(bad, lead, grid, n), total: windowSums(total, lead, grid, n) };
    },
    badBetween: (a, b) => (b <= a ? 0 : bad.between(lead + a, lead + b)),
    meanTotal: seen === null || present === 0 ? null : seen / present,
  };
}

// Rate windows for panels. Pure.
import { durationToPromql } from '@/lib/promql';
import type { PanelParams } from '../params';

/** The "now" window of stats: five minutes covers several scrapes at any usual interval. */
export const NOW_WINDOW = '5m';
const MIN_RATE_SECONDS = 300;
/** A rate needs at least two samples; four steps also smooths a chart without hiding spikes. */
const STEPS_PER_WINDOW = 4;

/** Window of `rate()` in range queries: max(5m, 4 x step). */
export function chartWindow({ step }: Pick<PanelParams, 'step'>): string {
  return durationToPromql(Math.max(MIN_RATE_SECONDS, STEPS_PER_WINDOW * step));
}

/** The whole range as one window, for figures "over the range" evaluated at its end. */
export function spanWindow({ start, end }: Pick<PanelParams, 'start' | 'end'>): string {
  return durationToPromql(end - start);
}

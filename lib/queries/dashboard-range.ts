import { RANGE_PRESETS, resolveRange, type ResolvedRange } from './time-range';
import type { TimeState } from './time-state';

// Pure, so the server page (prefetch) and the client hook resolve the same range from the same URL and
// clock, and the server's answers land under the keys the panels ask for.

export interface DashboardRange extends ResolvedRange {
  /** True when following the clock, false when pinned by `?time=`. */
  live: boolean;
}

/** The range a dashboard in `state` queries when the clock reads `now` (unix seconds). */
export function dashboardRangeAt(state: Pick<TimeState, 'range' | 'from' | 'time'>, now: number): DashboardRange {
  const { range, from, time } = state;
  const end = time ?? now;
  const span = from !== undefined && time !== undefined ? { from } : { seconds: RANGE_PRESETS[range] };
  return { ...resolveRange(end, span), live: time === undefined };
}

import { useEffect, useState } from 'react';
import { nowUnixSeconds } from './time';
import { REFRESH_OPTIONS, RANGE_PRESETS, resolveRange, shouldRefresh, type ResolvedRange } from './time-range';
import type { TimeState } from './time-state';

export interface DashboardRange extends ResolvedRange {
  /** True when following the clock, false when pinned by `?time=`. */
  live: boolean;
}

/**
 * The range a dashboard queries. Pinned (`?time=`) it never moves; live it ends at the browser's
 * clock, which restarts whenever the URL's time state changes and then moves every refresh
 * interval, so a refresh is simply a new (cacheable) range.
 */
export function useDashboardRange(state: Pick<TimeState, 'range' | 'from' | 'time' | 'refresh'>): DashboardRange {
  const { range, from, time, refresh } = state;
  const resetKey = `${range}|${from}|${time}|${refresh}`;
  const [clock, setClock] = useState(() => ({ key: resetKey, now: nowUnixSeconds() }));
  // Adjusting state while rendering (react.dev "you might not need an effect"): a new choice starts from now.
  if (clock.key !== resetKey) setClock({ key: resetKey, now: nowUnixSeconds() });

  const interval = REFRESH_OPTIONS[refresh];
  useEffect(() => {
    if (time !== undefined || interval === 0) return;
    let last = Date.now();
    // A hidden tab backs off (shouldRefresh) and catches up the moment it is shown again.
    const tick = () => {
      if (!shouldRefresh(document.hidden, Date.now() - last, interval)) return;
      last = Date.now();
      setClock((c) => ({ key: c.key, now: nowUnixSeconds() }));
    };
    const id = window.setInterval(tick, Math.min(interval, 10_000));
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [time, interval]);

  const end = time ?? clock.now;
  const span = from !== undefined && time !== undefined ? { from } : { seconds: RANGE_PRESETS[range] };
  return { ...resolveRange(end, span), live: time === undefined };
}

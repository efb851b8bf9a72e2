import { useEffect, useState } from 'react';
import { nowUnixSeconds } from './time';
import { dashboardRangeAt, type DashboardRange } from './dashboard-range';
import { REFRESH_OPTIONS, shouldRefresh } from './time-range';
import type { TimeState } from './time-state';

export type { DashboardRange } from './dashboard-range';

/**
 * The range a dashboard queries. Pinned (`?time=`) it never moves; live it ends at the browser's
 * clock, which restarts whenever the URL's time state changes and then moves every refresh
 * interval, so a refresh is simply a new (cacheable) range. `initialNow` is the server's clock when
 * it prefetched the page's data: starting from it keeps the first keys equal to the prefetched ones.
 */
export function useDashboardRange(state: Pick<TimeState, 'range' | 'from' | 'time' | 'refresh'>, initialNow?: number): DashboardRange {
  const { range, from, time, refresh } = state;
  const resetKey = `${range}|${from}|${time}|${refresh}`;
  const [clock, setClock] = useState(() => ({ key: resetKey, now: initialNow ?? nowUnixSeconds() }));
  // Adjusting state while rendering (react.dev "you might not need an effect"): a new choice starts from now,
  // the server's when it rendered the new URL (its prefetch used that clock).
  if (clock.key !== resetKey) setClock({ key: resetKey, now: initialNow ?? nowUnixSeconds() });

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

  return dashboardRangeAt({ range, from, time }, clock.now);
}

import { useEffect, useState } from 'react';
import { nowUnixSeconds } from './time';
import { dashboardRangeAt, type DashboardRange } from './dashboard-range';
import { msUntilNextBoundary, nextLiveClock, REFRESH_OPTIONS } from './time-range';
import type { TimeState } from './time-state';

export type { DashboardRange } from './dashboard-range';

/**
 * The range a dashboard queries. Pinned (`?time=`) it never moves; live it ends at the browser's
 * clock, which restarts whenever the URL's time state changes and then moves to each boundary of
 * the refresh interval on the wall clock, so a refresh is simply a new (cacheable, shared) range.
 * `initialNow` is the server's clock when it prefetched the page's data: starting from it keeps the
 * first keys equal to the prefetched ones.
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
    // Moves on the wall clock's refresh boundaries (nextLiveClock); a hidden tab backs off and
    // catches up the moment it is shown again.
    const tick = () => setClock((c) => {
      const now = nextLiveClock(c.now, Date.now(), interval, document.hidden);
      return now === c.now ? c : { key: c.key, now };
    });
    let timer = 0;
    const schedule = () => {
      timer = window.setTimeout(() => {
        tick();
        schedule();
      }, msUntilNextBoundary(Date.now(), interval));
    };
    schedule();
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [time, interval]);

  return dashboardRangeAt({ range, from, time }, clock.now);
}

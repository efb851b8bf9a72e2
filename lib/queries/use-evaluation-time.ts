import { useEffect, useState } from 'react';
import { nowUnixSeconds, roundUnixSeconds } from './time';
import { REFETCH_INTERVAL_MS } from './use-services';

export interface EvaluationTime {
  /** Unix seconds, rounded to the cache step. */
  time: number;
  /** True when following the clock, false when pinned by the URL. */
  live: boolean;
}

/**
 * The time a dashboard evaluates at: the pinned one (a shared link) or the browser's clock, which
 * moves on every `tickMs` so live dashboards refresh with a new, cacheable time.
 */
export function useEvaluationTime(pinned: number | undefined, tickMs = REFETCH_INTERVAL_MS): EvaluationTime {
  const [now, setNow] = useState(() => nowUnixSeconds());
  useEffect(() => {
    if (pinned !== undefined) return;
    const id = window.setInterval(() => setNow(nowUnixSeconds()), tickMs);
    return () => window.clearInterval(id);
  }, [pinned, tickMs]);
  return pinned === undefined ? { time: now, live: true } : { time: roundUnixSeconds(pinned), live: false };
}

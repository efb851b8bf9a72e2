'use client';

import { useCallback } from 'react';
import { durationToPromql } from '@/lib/promql/duration';
import { useDashboardRange, type DashboardRange } from '@/lib/queries/use-dashboard-range';
import { withTime, type TimeState } from '@/lib/queries/time-state';

export interface Dashboard {
  range: DashboardRange;
  /** The range as a PromQL window, for APIs that take one (`/api/services`). */
  window: string;
  /** In-app links keep the reader's time range. */
  linkHref: (href: string) => string;
}

/** `now`: the server's clock when it rendered the page and prefetched its data (see useDashboardRange). */
export function useDashboard(state: TimeState, now?: number): Dashboard {
  const range = useDashboardRange(state, now);
  const linkHref = useCallback((href: string) => withTime(href, state), [state]);
  return { range, window: durationToPromql(range.end - range.start), linkHref };
}

import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { ExecutiveDashboard } from '@/components/lazy-pages';
import { getEnv } from '@/lib/env';
import { hasRegions } from '@/lib/env-regions';
import { dashboardRangeAt } from '@/lib/queries/dashboard-range';
import { prefetchDashboard, rangeWindow, servicesPrefetch } from '@/lib/queries/server/dashboard-prefetch';
import { nowUnixSeconds } from '@/lib/queries/time';
import { parseTimeState, type RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'Executive' };

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseTimeState(await searchParams);
  // The panels' first data comes with the page (same keys as the hooks), so it is on screen before hydration.
  const now = nowUnixSeconds();
  const range = dashboardRangeAt(state, now);
  const { namespace } = state;
  const prefetched = await prefetchDashboard('executive', { start: range.start, end: range.end, step: range.step, namespace }, [
    servicesPrefetch({ time: range.end, window: rangeWindow(range), namespace }),
  ]);
  return (
    <HydrationBoundary state={prefetched}>
      <ExecutiveDashboard state={state} now={now} regions={hasRegions(getEnv().regions)} />
    </HydrationBoundary>
  );
}

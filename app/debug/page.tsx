import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { DebugDashboard } from '@/components/lazy-pages';
import { dashboardRangeAt } from '@/lib/queries/dashboard-range';
import { prefetchDashboard, rangeWindow, servicesPrefetch } from '@/lib/queries/server/dashboard-prefetch';
import { nowUnixSeconds } from '@/lib/queries/time';
import { parseTimeState, type RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'Debug' };

export default async function DebugPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseTimeState(await searchParams);
  // The panels' first data comes with the page (same keys as the hooks), so it is on screen before hydration.
  const now = nowUnixSeconds();
  const range = dashboardRangeAt(state, now);
  const { namespace, service, cluster } = state;
  // The service picker lists every service (no namespace filter); panels that need a service are skipped without one.
  const picker = servicesPrefetch({ time: range.end, window: rangeWindow(range) });
  const prefetched = await prefetchDashboard('debug', { start: range.start, end: range.end, step: range.step, namespace, service, cluster }, [picker]);
  return (
    <HydrationBoundary state={prefetched}>
      <DebugDashboard state={state} now={now} />
    </HydrationBoundary>
  );
}

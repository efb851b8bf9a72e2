import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { OncallDashboard } from '@/components/lazy-pages';
import { dashboardRangeAt } from '@/lib/queries/dashboard-range';
import { prefetchDashboard } from '@/lib/queries/server/dashboard-prefetch';
import { nowUnixSeconds } from '@/lib/queries/time';
import { parseTimeState, type RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'On-call' };

export default async function OncallPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseTimeState(await searchParams);
  // The panels' first data comes with the page (same keys as the hooks), so it is on screen before hydration.
  const now = nowUnixSeconds();
  const range = dashboardRangeAt(state, now);
  const prefetched = await prefetchDashboard('oncall', { start: range.start, end: range.end, step: range.step, namespace: state.namespace, cluster: state.cluster });
  return (
    <HydrationBoundary state={prefetched}>
      <OncallDashboard state={state} now={now} />
    </HydrationBoundary>
  );
}

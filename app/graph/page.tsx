import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { GraphView } from '@/components/lazy-pages';
import { parseGraphState } from '@/lib/graph/url-state';
import { graphPrefetches } from '@/lib/queries/server/graph-prefetch';
import { prefetchFirstLoad } from '@/lib/queries/server/prefetch';
import { sloListPrefetch } from '@/lib/queries/server/slo-prefetch';
import { nowUnixSeconds } from '@/lib/queries/time';
import type { RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'Graph' };
export const dynamic = 'force-dynamic';

export default async function GraphPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Rounded so a reload within the same step hits the cache; the client keeps this moment until moved.
  const now = nowUnixSeconds();
  // The picture's first data (and the SLO list the side panel links from) comes with the page, under
  // useGraph's keys, so it is on screen before hydration, as on the other dashboards.
  const state = parseGraphState(await searchParams);
  const prefetched = await prefetchFirstLoad([...graphPrefetches(state, now), sloListPrefetch()]);
  return (
    <>
      <h1>Service graph</h1>
      <p>Who calls whom, and where along the way requests fail or slow down.</p>
      <HydrationBoundary state={prefetched}>
        <Suspense>
          <GraphView now={now} />
        </Suspense>
      </HydrationBoundary>
    </>
  );
}

import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { getEnv } from '@/lib/env';
import { hasRegions } from '@/lib/env-regions';
import { SloEdit } from '@/components/lazy-pages';
import { servicesPrefetch } from '@/lib/queries/server/dashboard-prefetch';
import { prefetchFirstLoad } from '@/lib/queries/server/prefetch';
import { formServicesTime, parseTimeParam } from '@/lib/queries/slo-time';
import { nowUnixSeconds } from '@/lib/queries/time';
import { first, type RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'New SLO' };

export default async function NewSloPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Per request (searchParams): MESHWATCH_TEAMS is the deployment's, not the build's. The services the
  // form lists come with the page, under the key the form reads.
  const now = nowUnixSeconds();
  const prefetched = await prefetchFirstLoad([servicesPrefetch({ time: formServicesTime(parseTimeParam(first((await searchParams).time)), now), window: '1h' })]);
  return (
    <HydrationBoundary state={prefetched}>
      <Suspense>
        <SloEdit teams={getEnv().teams} regions={hasRegions(getEnv().regions)} now={now} />
      </Suspense>
    </HydrationBoundary>
  );
}

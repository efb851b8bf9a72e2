import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { SloList } from '@/components/lazy-pages';
import { prefetchFirstLoad } from '@/lib/queries/server/prefetch';
import { sloListPrefetch, sloStatusesPrefetch } from '@/lib/queries/server/slo-prefetch';
import { parseTimeParam } from '@/lib/queries/slo-time';
import type { RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'SLOs' };

export default async function SlosPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = (await searchParams).time;
  // Read as the list's useTimeParam reads it (the first value), so the prefetched keys are the ones it asks for.
  const time = parseTimeParam(Array.isArray(raw) ? raw[0] : raw);
  const prefetched = await prefetchFirstLoad([sloListPrefetch(), sloStatusesPrefetch(time)]);
  return (
    <HydrationBoundary state={prefetched}>
      <Suspense>
        <SloList />
      </Suspense>
    </HydrationBoundary>
  );
}

import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { getEnv } from '@/lib/env';
import { hasRegions } from '@/lib/env-regions';
import { SloEdit } from '@/components/lazy-pages';
import { servicesPrefetch } from '@/lib/queries/server/dashboard-prefetch';
import { prefetchFirstLoad } from '@/lib/queries/server/prefetch';
import { sloPrefetch } from '@/lib/queries/server/slo-prefetch';
import { formServicesTime, parseTimeParam } from '@/lib/queries/slo-time';
import { nowUnixSeconds } from '@/lib/queries/time';
import { first, type RawSearchParams } from '@/lib/queries/time-state';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit SLO ${decodeURIComponent((await params).name)}` };
}

export default async function EditSloPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  // The spec and the services the form lists come with the page, under the keys the form reads.
  const now = nowUnixSeconds();
  const prefetched = await prefetchFirstLoad([sloPrefetch(name), servicesPrefetch({ time: formServicesTime(parseTimeParam(first((await searchParams).time)), now), window: '1h' })]);
  return (
    <HydrationBoundary state={prefetched}>
      <Suspense>
        <SloEdit name={name} teams={getEnv().teams} regions={hasRegions(getEnv().regions)} now={now} />
      </Suspense>
    </HydrationBoundary>
  );
}

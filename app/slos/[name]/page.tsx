import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { SloDetail } from '@/components/lazy-pages';
import { prefetchFirstLoad } from '@/lib/queries/server/prefetch';
import { sloBudgetPrefetch, sloPrefetch, sloStatusPrefetch } from '@/lib/queries/server/slo-prefetch';
import { parseTimeParam } from '@/lib/queries/slo-time';
import type { RawSearchParams } from '@/lib/queries/time-state';

type Props = { params: Promise<{ name: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `SLO ${decodeURIComponent((await params).name)}` };
}

export default async function SloPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const raw = (await searchParams).time;
  // Read as the detail's useTimeParam reads it (the first value), so the prefetched keys are the ones it asks for.
  const time = parseTimeParam(Array.isArray(raw) ? raw[0] : raw);
  const prefetched = await prefetchFirstLoad([sloPrefetch(name), sloStatusPrefetch(name, time), sloBudgetPrefetch(name, time)]);
  return (
    <HydrationBoundary state={prefetched}>
      <Suspense>
        <SloDetail name={name} />
      </Suspense>
    </HydrationBoundary>
  );
}

import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { Suspense } from 'react';
import { ReportView } from '@/components/lazy-pages';
import { reportQueryFrom } from '@/lib/queries/report-hooks';
import { prefetchFirstLoad } from '@/lib/queries/server/prefetch';
import { reportPrefetch } from '@/lib/queries/server/report-prefetch';
import type { RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'SLO report' };

export default async function ReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) search.append(key, v);
  // A period already built (the shared query cache holds its history) comes with the page; a new one
  // past the prefetch deadline is the browser's to ask for, as before.
  const prefetched = await prefetchFirstLoad([reportPrefetch(reportQueryFrom(search))]);
  return (
    <HydrationBoundary state={prefetched}>
      <Suspense>
        <ReportView />
      </Suspense>
    </HydrationBoundary>
  );
}

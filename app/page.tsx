import type { Metadata } from 'next';
import { HomeDashboard } from '@/components/home-dashboard';
import { parseDashboardParams, type RawSearchParams } from '@/lib/queries/dashboard-params';

export const metadata: Metadata = { title: 'Executive' };

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = parseDashboardParams(await searchParams);
  return (
    <>
      <h1>Executive overview</h1>
      {/* Remount when switching between live and pinned so the clock starts fresh. */}
      <HomeDashboard key={params.time ?? 'live'} {...params} />
    </>
  );
}

import type { Metadata } from 'next';
import { ExecutiveDashboard } from '@/components/dashboard/executive-dashboard';
import { parseTimeState, type RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'Executive' };

export default async function HomePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <ExecutiveDashboard state={parseTimeState(await searchParams)} />;
}

import type { Metadata } from 'next';
import { OncallDashboard } from '@/components/dashboard/oncall-dashboard';
import { parseTimeState, type RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'On-call' };

export default async function OncallPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <OncallDashboard state={parseTimeState(await searchParams)} />;
}

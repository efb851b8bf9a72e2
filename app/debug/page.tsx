import type { Metadata } from 'next';
import { DebugDashboard } from '@/components/dashboard/debug-dashboard';
import { parseTimeState, type RawSearchParams } from '@/lib/queries/time-state';

export const metadata: Metadata = { title: 'Debug' };

export default async function DebugPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  return <DebugDashboard state={parseTimeState(await searchParams)} />;
}

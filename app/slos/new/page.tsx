import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { getEnv } from '@/lib/env';
import { hasRegions } from '@/lib/env-regions';
import { SloEdit } from '@/components/lazy-pages';

export const metadata: Metadata = { title: 'New SLO' };

export default async function NewSloPage() {
  // Read per request: MESHWATCH_TEAMS is the deployment's, not the build's.
  await connection();
  return (
    <Suspense>
      <SloEdit teams={getEnv().teams} regions={hasRegions(getEnv().regions)} />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { getEnv } from '@/lib/env';
import { hasRegions } from '@/lib/env-regions';
import { SloEdit } from '@/components/lazy-pages';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Edit SLO ${decodeURIComponent((await params).name)}` };
}

export default async function EditSloPage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  await connection();
  return (
    <Suspense>
      <SloEdit name={name} teams={getEnv().teams} regions={hasRegions(getEnv().regions)} />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SloDetail } from '@/components/slo/slo-detail';

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `SLO ${decodeURIComponent((await params).name)}` };
}

export default async function SloPage({ params }: Props) {
  const name = decodeURIComponent((await params).name);
  return (
    <Suspense>
      <SloDetail name={name} />
    </Suspense>
  );
}

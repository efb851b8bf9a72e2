import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SloList } from '@/components/slo/slo-list';

export const metadata: Metadata = { title: 'SLOs' };

export default function SlosPage() {
  return (
    <Suspense>
      <SloList />
    </Suspense>
  );
}

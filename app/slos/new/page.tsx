import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SloEdit } from '@/components/slo/slo-edit';

export const metadata: Metadata = { title: 'New SLO' };

export default function NewSloPage() {
  return (
    <Suspense>
      <SloEdit />
    </Suspense>
  );
}

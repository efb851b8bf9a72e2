import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ReportView } from '@/components/lazy-pages';

export const metadata: Metadata = { title: 'SLO report' };

export default function ReportPage() {
  return (
    <Suspense>
      <ReportView />
    </Suspense>
  );
}

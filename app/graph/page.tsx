import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GraphView } from '@/components/graph/graph-view';
import { nowUnixSeconds } from '@/lib/queries/time';

export const metadata: Metadata = { title: 'Graph' };
export const dynamic = 'force-dynamic';

export default function GraphPage() {
  // Rounded so a reload within the same step hits the cache; the client keeps this moment until moved.
  const now = nowUnixSeconds();
  return (
    <>
      <h1>Service graph</h1>
      <p>Who calls whom, and where along the way requests fail or slow down.</p>
      <Suspense>
        <GraphView now={now} />
      </Suspense>
    </>
  );
}

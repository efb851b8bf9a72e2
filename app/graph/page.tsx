import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';

export const metadata: Metadata = { title: 'Graph' };

export default function GraphPage() {
  return <ComingSoon title="Service graph" question="who calls whom, and where along the way do requests fail or slow down?" />;
}

import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';

export const metadata: Metadata = { title: 'Debug' };

export default function DebugPage() {
  return <ComingSoon title="Debug" question="which route, which pod, which flag, which trace?" />;
}

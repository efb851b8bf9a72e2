import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';

export const metadata: Metadata = { title: 'On-call' };

export default function OncallPage() {
  return <ComingSoon title="On-call" question="what is failing, since when, what changed, and what should I page on?" />;
}

import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';

export const metadata: Metadata = { title: 'SLOs' };

export default function SlosPage() {
  return <ComingSoon title="SLOs" question="how much error budget is left, and which alert rules can I trust?" />;
}

import type { Metadata } from 'next';
import { MeshAlertSettings } from '@/components/lazy-pages';

export const metadata: Metadata = { title: 'Mesh-health alerts' };

export default function MeshAlertSettingsPage() {
  return <MeshAlertSettings />;
}

'use client';

import type { DashboardId, PanelSpec } from '@/lib/dashboards/catalog';
import type { PanelParams } from '@/lib/queries/keys';
import { usePanel } from '@/lib/queries/use-panel';
import { ChartSkeleton } from '../charts/chart-skeleton';
import { Panel } from '../panel';
import { PanelContent } from './panel-content';

export interface DashboardPanelProps {
  dashboard: DashboardId;
  spec: PanelSpec;
  params: PanelParams;
  /** Adds the reader's time range to in-app links. */
  linkHref: (href: string) => string;
}

/** One catalog panel: its own query, loading, error (with Retry), Inspect, and a body by data kind. */
export function DashboardPanel({ dashboard, spec, params, linkHref }: DashboardPanelProps) {
  const query = usePanel(dashboard, spec.id, params);
  const response = query.data;
  return (
    <Panel
      title={spec.title}
      description={spec.description}
      query={query}
      queries={response?.queries}
      warnings={response?.warnings}
      skeleton={<ChartSkeleton height={spec.width === 'third' ? 64 : 240} />}
    >
      {response && <PanelContent response={response} title={spec.title} linkHref={linkHref} />}
    </Panel>
  );
}

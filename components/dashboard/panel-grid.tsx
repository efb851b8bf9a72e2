'use client';

import type { ReactNode } from 'react';
import type { DashboardId, PanelSpec, PanelWidth } from '@/lib/dashboards/catalog';
import type { PanelParams } from '@/lib/queries/keys';
import { DashboardPanel } from './dashboard-panel';
import styles from './dashboard-layout.module.css';

/** Consecutive panels of one width share a row group: stats in a strip, halves in pairs. */
export function groupByWidth(panels: readonly PanelSpec[]): { width: PanelWidth; panels: PanelSpec[] }[] {
  const groups: { width: PanelWidth; panels: PanelSpec[] }[] = [];
  for (const panel of panels) {
    const last = groups[groups.length - 1];
    if (last && last.width === panel.width && panel.width !== 'full') last.panels.push(panel);
    else groups.push({ width: panel.width, panels: [panel] });
  }
  return groups;
}

export interface PanelGridProps {
  dashboard: DashboardId;
  panels: readonly PanelSpec[];
  params: PanelParams;
  linkHref: (href: string) => string;
  /** A replacement for a catalog panel (the executive `services` panel has its own API). */
  renderPanel?: (spec: PanelSpec) => ReactNode | undefined;
}

export function PanelGrid({ dashboard, panels, params, linkHref, renderPanel }: PanelGridProps) {
  return (
    <div className={styles.grid}>
      {groupByWidth(panels).map((group) => (
        <div key={group.panels[0]?.id} className={styles[group.width]}>
          {group.panels.map((spec) => (
            <div key={spec.id} className={styles.cell}>
              {renderPanel?.(spec) ?? <DashboardPanel dashboard={dashboard} spec={spec} params={params} linkHref={linkHref} />}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

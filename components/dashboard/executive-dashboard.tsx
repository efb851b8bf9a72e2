'use client';

import { DASHBOARDS } from '@/lib/dashboards/catalog';
import type { TimeState } from '@/lib/queries/time-state';
import { ServicesPanel } from '../services/services-panel';
import { DashboardHeader } from './dashboard-header';
import { PanelGrid } from './panel-grid';
import { useDashboard } from './use-dashboard';
import styles from './dashboard-layout.module.css';
import { debugHref } from '@/lib/links';

const { title, panels: allPanels } = DASHBOARDS.executive;
/** Panels that mean nothing on a single-cluster mesh (no MESHWATCH_REGIONS). */
const REGION_PANELS = new Set(['budget-by-region']);

/** `/`: are we available, who burns budget, what is at risk; budget by region when regions are configured. */
export function ExecutiveDashboard({ state, now, regions = false }: { state: TimeState; now?: number; regions?: boolean }) {
  const { range, window, linkHref } = useDashboard(state, now);
  const panels = regions ? allPanels : allPanels.filter((p) => !REGION_PANELS.has(p.id));
  const params = { start: range.start, end: range.end, step: range.step, namespace: state.namespace };
  return (
    <div className={styles.page}>
      <DashboardHeader title={title} state={state} range={range} />
      <PanelGrid
        dashboard="executive"
        panels={panels}
        params={params}
        linkHref={linkHref}
        renderPanel={(spec) =>
          spec.id === 'services' ? (
            <ServicesPanel
              time={range.end}
              window={window}
              namespace={state.namespace}
              live={range.live}
              batch={{ dashboard: 'executive', params }}
              hrefFor={(row) => linkHref(debugHref(row.service, row.namespace))}
            />
          ) : undefined
        }
      />
    </div>
  );
}

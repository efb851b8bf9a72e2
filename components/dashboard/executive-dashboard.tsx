'use client';

import { DASHBOARDS } from '@/lib/dashboards/catalog';
import type { TimeState } from '@/lib/queries/time-state';
import { ServicesPanel } from '../services/services-panel';
import { DashboardHeader } from './dashboard-header';
import { PanelGrid } from './panel-grid';
import { useDashboard } from './use-dashboard';
import styles from './dashboard-layout.module.css';
import { debugHref } from '@/lib/links';

const { title, panels } = DASHBOARDS.executive;

/** `/`: are we available, who burns budget, what is at risk. */
export function ExecutiveDashboard({ state, now }: { state: TimeState; now?: number }) {
  const { range, window, linkHref } = useDashboard(state, now);
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
              hrefFor={(row) => linkHref(debugHref(row.service, row.namespace))}
            />
          ) : undefined
        }
      />
    </div>
  );
}

'use client';

import { DASHBOARDS } from '@/lib/dashboards/catalog';
import type { TimeState } from '@/lib/queries/time-state';
import { ClusterPicker } from './cluster-picker';
import { DashboardHeader } from './dashboard-header';
import { PanelGrid } from './panel-grid';
import { useDashboard } from './use-dashboard';
import styles from './dashboard-layout.module.css';

const { title, panels } = DASHBOARDS.oncall;

/** `/oncall`: what is failing, since when, what changed. */
export function OncallDashboard({ state, now }: { state: TimeState; now?: number }) {
  const { range, linkHref } = useDashboard(state, now);
  const params = { start: range.start, end: range.end, step: range.step, namespace: state.namespace, cluster: state.cluster };
  return (
    <div className={styles.page}>
      <DashboardHeader title={title} state={state} range={range} />
      <ClusterPicker state={state} />
      <PanelGrid dashboard="oncall" panels={panels} params={params} linkHref={linkHref} />
    </div>
  );
}

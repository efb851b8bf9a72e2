'use client';

import Link from 'next/link';
import { DASHBOARDS } from '@/lib/dashboards/catalog';
import { graphHref } from '@/lib/links';
import type { TimeState } from '@/lib/queries/time-state';
import { useTimeNavigation } from '../time/use-time-navigation';
import { ClusterPicker } from './cluster-picker';
import { DashboardHeader } from './dashboard-header';
import { PanelGrid } from './panel-grid';
import { ServicePicker } from './service-picker';
import { useDashboard } from './use-dashboard';
import styles from './dashboard-layout.module.css';
import pickerStyles from './service-picker.module.css';

const { title, panels } = DASHBOARDS.debug;

function ChooseService({ oncallHref }: { oncallHref: string }) {
  return (
    <div className={pickerStyles.choose}>
      <p className={pickerStyles.lead}>Choose a service to debug.</p>
      <p className={pickerStyles.hint}>
        You will see its latency by caller and as a heatmap, status codes and response flags, its inbound and outbound edges,
        TCP connections per pod, telemetry health and links into traces for failed requests.
      </p>
      <p className={pickerStyles.hint}>
        Not sure which? The <Link href={oncallHref}>On-call dashboard</Link> lists the services failing most.
      </p>
    </div>
  );
}

/** `/debug?service=&namespace=`: which route, which pod, which flag, which trace. */
export function DebugDashboard({ state, now }: { state: TimeState; now?: number }) {
  const { range, window, linkHref } = useDashboard(state, now);
  const navigate = useTimeNavigation(state);
  const selected = state.service ? { service: state.service, namespace: state.namespace ?? '' } : undefined;
  const params = { start: range.start, end: range.end, step: range.step, namespace: state.namespace, service: state.service, cluster: state.cluster };
  return (
    <div className={styles.page}>
      <DashboardHeader title={selected ? `${title}: ${selected.service}` : title} subtitle={
          selected && (
            <>
              {selected.namespace && `namespace ${selected.namespace} · `}
              {/* The graph keeps the moment pinned here, so its links back come to the same time. */}
              <Link href={graphHref(selected.service, selected.namespace, state.time)}>Graph around {selected.service}</Link>
            </>
          )
        } state={state} range={range} />
      <ClusterPicker state={state} />
      <ServicePicker time={range.end} window={window} selected={selected} onSelect={(choice) => navigate(choice)} />
      {selected ? (
        <PanelGrid dashboard="debug" panels={panels} params={params} linkHref={linkHref} />
      ) : (
        <ChooseService oncallHref={linkHref('/oncall')} />
      )}
    </div>
  );
}

'use client';

import { useMeshClusters } from '@/lib/queries/use-mesh';
import type { TimeState } from '@/lib/queries/time-state';
import { useTimeNavigation } from '../time/use-time-navigation';
import { SelectField } from '../ui/select-field';
import pickerStyles from './service-picker.module.css';

const ALL = '';

/** The options of the cluster filter: all, then each cluster; a cluster from the URL the mesh does not list stays choosable. */
export function clusterOptions(clusters: readonly string[], selected: string | undefined): Array<{ value: string; label: string }> {
  const names = selected && !clusters.includes(selected) ? [...clusters, selected] : clusters;
  return [{ value: ALL, label: 'All clusters' }, ...names.map((c) => ({ value: c, label: c }))];
}

/**
 * The dashboards' cluster filter, kept in the URL (`?cluster=`). Shown only on a mesh with more than
 * one cluster (or when a link already names one): a single-cluster mesh sees no change.
 */
export function ClusterPicker({ state }: { state: TimeState }) {
  const navigate = useTimeNavigation(state);
  const clusters = useMeshClusters().data?.clusters ?? [];
  if (clusters.length < 2 && !state.cluster) return null;
  return (
    <div className={pickerStyles.picker}>
      <SelectField
        label="Cluster"
        value={state.cluster ?? ALL}
        options={clusterOptions(clusters, state.cluster)}
        onChange={(cluster) => navigate({ cluster: cluster || undefined })}
      />
    </div>
  );
}

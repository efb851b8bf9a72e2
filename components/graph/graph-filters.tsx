'use client';

import { SelectField } from '@/components/ui/select-field';
import { formatUtc } from '@/lib/format';
import { MAX_HOPS, MIN_HOPS } from '@/lib/graph/neighbourhood';
import type { GraphNode } from '@/lib/graph/schema';
import { GRAPH_WINDOWS, type GraphUrlState, type GraphWindow } from '@/lib/graph/url-state';
import styles from './graph.module.css';
import { ViewToggle } from './view-toggle';
import { clusterOptions } from '../dashboard/cluster-picker';

/** "Compare with" baselines, as offsets before the moment on screen. */
export const COMPARE_OFFSETS = { '1h': 3_600, '1d': 86_400, '7d': 604_800 } as const;

const HOPS = Array.from({ length: MAX_HOPS - MIN_HOPS + 1 }, (_, i) => ({ value: String(MIN_HOPS + i), label: String(MIN_HOPS + i) }));
const WINDOWS = GRAPH_WINDOWS.map((w) => ({ value: w, label: w }));

export interface GraphFiltersProps {
  state: GraphUrlState;
  time: number;
  namespaces: readonly string[];
  /** The mesh's clusters: the cluster filter and the split appear with more than one. */
  clusters: readonly string[];
  nodes: readonly GraphNode[];
  onChange: (patch: Partial<GraphUrlState>) => void;
}

export function GraphFilters({ state, time, namespaces, clusters, nodes, onChange }: GraphFiltersProps) {
  const offset = state.compare === undefined ? '' : (Object.entries(COMPARE_OFFSETS).find(([, s]) => time - s === state.compare)?.[0] ?? 'custom');
  return (
    <div className={styles.filters} role="group" aria-label="Graph filters">
      {/* Ids differ between views: a node, call or focus chosen in one means nothing in the other. */}
      <ViewToggle view={state.view} onChange={(view) => onChange({ view, node: undefined, edge: undefined, focus: undefined })} />
      <SelectField
        label="Namespace"
        value={state.namespace ?? ''}
        options={[{ value: '', label: 'All namespaces' }, ...[...new Set([...namespaces, ...(state.namespace ? [state.namespace] : [])])].map((ns) => ({ value: ns, label: ns }))]}
        onChange={(ns) => onChange({ namespace: ns || undefined, focus: undefined })}
      />
      {(clusters.length > 1 || state.cluster || state.byCluster) && (
        <>
          <SelectField
            label="Cluster"
            value={state.cluster ?? ''}
            options={clusterOptions(clusters, state.cluster)}
            onChange={(cluster) => onChange({ cluster: cluster || undefined, focus: undefined })}
          />
          {/* Ids gain `@cluster` when split: a node, call or focus chosen before means nothing after. */}
          <label className={styles.check}>
            <input type="checkbox" checked={state.byCluster} onChange={(e) => onChange({ byCluster: e.target.checked, node: undefined, edge: undefined, focus: undefined })} />
            Split by cluster
          </label>
        </>
      )}
      <label>
        Search
        <input type="search" value={state.q} placeholder={state.view === 'workload' ? 'workload name' : 'service name'} onChange={(e) => onChange({ q: e.target.value })} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" checked={state.hideIdle} onChange={(e) => onChange({ hideIdle: e.target.checked })} />
        Hide idle
      </label>
      <SelectField label="Focus" value={state.focus ?? ''} options={[{ value: '', label: 'Whole graph' }, ...nodes.map((n) => ({ value: n.id, label: n.id }))]} onChange={(focus) => onChange({ focus: focus || undefined })} />
      <SelectField label="Hops" value={String(state.hops)} options={HOPS} disabled={!state.focus} onChange={(hops) => onChange({ hops: Number(hops) })} />
      <SelectField<GraphWindow> label="Rate window" value={state.window} options={WINDOWS} onChange={(window) => onChange({ window })} />
      <label>
        Compare with
        <select
          value={offset}
          onChange={(e) => {
            const s = COMPARE_OFFSETS[e.target.value as keyof typeof COMPARE_OFFSETS] as number | undefined;
            onChange({ compare: s === undefined ? undefined : time - s });
          }}
        >
          <option value="">Nothing</option>
          {Object.keys(COMPARE_OFFSETS).map((k) => (
            <option key={k} value={k}>
              {k} earlier
            </option>
          ))}
          {offset === 'custom' && <option value="custom">{formatUtc(state.compare ?? 0)}</option>}
        </select>
      </label>
    </div>
  );
}

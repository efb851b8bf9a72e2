'use client';

import { formatUtc } from '@/lib/format';
import { GRAPH_WINDOWS, MAX_HOPS, MIN_HOPS, type GraphNode, type GraphUrlState, type GraphWindow } from '@/lib/graph';
import styles from './graph.module.css';
import { ViewToggle } from './view-toggle';

/** "Compare with" baselines, as offsets before the moment on screen. */
export const COMPARE_OFFSETS = { '1h': 3_600, '1d': 86_400, '7d': 604_800 } as const;

export interface GraphFiltersProps {
  state: GraphUrlState;
  time: number;
  namespaces: readonly string[];
  nodes: readonly GraphNode[];
  onChange: (patch: Partial<GraphUrlState>) => void;
}

export function GraphFilters({ state, time, namespaces, nodes, onChange }: GraphFiltersProps) {
  const offset = state.compare === undefined ? '' : (Object.entries(COMPARE_OFFSETS).find(([, s]) => time - s === state.compare)?.[0] ?? 'custom');
  return (
    <div className={styles.filters} role="group" aria-label="Graph filters">
      {/* Ids differ between views: a node, call or focus chosen in one means nothing in the other. */}
      <ViewToggle view={state.view} onChange={(view) => onChange({ view, node: undefined, edge: undefined, focus: undefined })} />
      <label>
        Namespace
        <select value={state.namespace ?? ''} onChange={(e) => onChange({ namespace: e.target.value || undefined, focus: undefined })}>
          <option value="">All namespaces</option>
          {[...new Set([...namespaces, ...(state.namespace ? [state.namespace] : [])])].map((ns) => (
            <option key={ns}>{ns}</option>
          ))}
        </select>
      </label>
      <label>
        Search
        <input type="search" value={state.q} placeholder={state.view === 'workload' ? 'workload name' : 'service name'} onChange={(e) => onChange({ q: e.target.value })} />
      </label>
      <label className={styles.check}>
        <input type="checkbox" checked={state.hideIdle} onChange={(e) => onChange({ hideIdle: e.target.checked })} />
        Hide idle
      </label>
      <label>
        Focus
        <select value={state.focus ?? ''} onChange={(e) => onChange({ focus: e.target.value || undefined })}>
          <option value="">Whole graph</option>
          {nodes.map((n) => (
            <option key={n.id} value={n.id}>
              {n.id}
            </option>
          ))}
        </select>
      </label>
      <label>
        Hops
        <select value={state.hops} disabled={!state.focus} onChange={(e) => onChange({ hops: Number(e.target.value) })}>
          {Array.from({ length: MAX_HOPS - MIN_HOPS + 1 }, (_, i) => MIN_HOPS + i).map((h) => (
            <option key={h}>{h}</option>
          ))}
        </select>
      </label>
      <label>
        Rate window
        <select value={state.window} onChange={(e) => onChange({ window: e.target.value as GraphWindow })}>
          {GRAPH_WINDOWS.map((w) => (
            <option key={w}>{w}</option>
          ))}
        </select>
      </label>
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

'use client';

import type { GraphView } from '@/lib/graph';
import styles from './graph.module.css';

const LABELS: Record<GraphView, string> = { service: 'Services', workload: 'Workloads' };

/** "Services | Workloads": what a node is. Radios, so arrow keys move and screen readers say "1 of 2". */
export function ViewToggle({ view, onChange }: { view: GraphView; onChange: (view: GraphView) => void }) {
  return (
    <fieldset className={styles.toggle}>
      <legend>Nodes</legend>
      {(Object.keys(LABELS) as GraphView[]).map((v) => (
        <label key={v}>
          <input type="radio" name="graph-view" value={v} checked={view === v} onChange={() => onChange(v)} />
          {LABELS[v]}
        </label>
      ))}
    </fieldset>
  );
}

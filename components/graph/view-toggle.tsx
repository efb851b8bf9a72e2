'use client';

import { useState } from 'react';
import type { GraphView } from '@/lib/graph';
import styles from './graph.module.css';

const LABELS: Record<GraphView, string> = { service: 'Services', workload: 'Workloads' };

/** "Services | Workloads": what a node is. Radios, so arrow keys move and screen readers say "1 of 2". */
export function ViewToggle({ view, onChange }: { view: GraphView; onChange: (view: GraphView) => void }) {
  // The URL (and so `view`) changes a moment after the click: show the choice at once meanwhile,
  // for as long as `view` is still the one it was chosen from.
  const [pending, setPending] = useState<{ from: GraphView; to: GraphView }>();
  const shown = pending?.from === view ? pending.to : view;
  return (
    <fieldset className={styles.toggle}>
      <legend>Nodes</legend>
      {(Object.keys(LABELS) as GraphView[]).map((v) => (
        <label key={v}>
          <input
            type="radio"
            name="graph-view"
            value={v}
            checked={shown === v}
            onChange={() => {
              setPending({ from: view, to: v });
              onChange(v);
            }}
          />
          {LABELS[v]}
        </label>
      ))}
    </fieldset>
  );
}

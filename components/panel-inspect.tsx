'use client';

import { useState } from 'react';
import styles from './panel.module.css';

export interface InspectQuery {
  /** What the query answers, e.g. "error ratio per service". */
  purpose?: string;
  promql: string;
}

function CopyButton({ text, what }: { text: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed'); // insecure origin or permission denied: the text is still selectable
    }
    window.setTimeout(() => setState('idle'), 2_000);
  };
  return (
    <button type="button" className={styles.copy} onClick={() => void copy()} aria-label={`Copy PromQL: ${what}`}>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}

/** A disclosure with the PromQL behind a panel, so anyone can rerun it in Prometheus or Grafana. */
export function PanelInspect({ queries }: { queries: readonly InspectQuery[] }) {
  if (queries.length === 0) return null;
  return (
    <details className={styles.inspect}>
      <summary>Inspect</summary>
      <p className={styles.muted}>
        PromQL run by the server ({queries.length} {queries.length === 1 ? 'query' : 'queries'}):
      </p>
      <ol>
        {queries.map((q, i) => (
          <li key={`${i}:${q.promql}`}>
            <div className={styles.queryHead}>
              {q.purpose && <span className={styles.purpose}>{q.purpose}</span>}
              <CopyButton text={q.promql} what={q.purpose || `query ${i + 1}`} />
            </div>
            <pre>
              <code>{q.promql}</code>
            </pre>
          </li>
        ))}
      </ol>
    </details>
  );
}

'use client';

import { useState } from 'react';
import { useImportSlos } from '@/lib/queries/slo-mutations';
import styles from './slo.module.css';

/** Paste OpenSLO / Sloth YAML, preview what it creates (dry run), then import. */
export function SloImport() {
  const [yaml, setYaml] = useState('');
  const preview = useImportSlos();
  const commit = useImportSlos();
  const error = commit.error ?? preview.error;
  return (
    <details className={styles.card}>
      <summary>Import OpenSLO or Sloth YAML</summary>
      <div className={styles.form}>
        <label className={styles.field}>
          YAML
          <textarea className={styles.textarea} value={yaml} onChange={(e) => setYaml(e.target.value)} />
        </label>
        <div className={styles.actions}>
          <button type="button" disabled={!yaml.trim() || preview.isPending} onClick={() => preview.mutate({ yaml, dryRun: true })}>
            Preview import
          </button>
          <button type="button" disabled={!preview.data || commit.isPending} onClick={() => commit.mutate({ yaml, dryRun: false })}>
            Import {preview.data ? `${preview.data.slos.length} SLO(s)` : ''}
          </button>
        </div>
        {error && (
          <p role="alert" className={styles.fieldError}>
            {error.message}
          </p>
        )}
        {preview.data && !commit.data && (
          <ul aria-label="Import preview">
            {preview.data.slos.map((s) => (
              <li key={s.name}>
                {s.name}: {s.service} ({s.namespace}), {s.indicator.type} {s.objective}% / {s.window}
              </li>
            ))}
            {preview.data.warnings.map((w) => (
              <li key={w} className={styles.muted}>
                {w}
              </li>
            ))}
          </ul>
        )}
        {commit.data && <p role="status">Imported {commit.data.slos.map((s) => s.name).join(', ')}.</p>}
      </div>
    </details>
  );
}

'use client';

import type { PreviewResponse } from '@/lib/slo/api-schemas';
import { BudgetChart } from './budget-chart';
import { BurnRateTable } from './burn-rate-table';
import { StatusSummary } from './status-summary';
import styles from './slo.module.css';

interface Props {
  preview: PreviewResponse | undefined;
  error: Error | null;
  pending: boolean;
  /** The last preview was refused with field errors, shown on the form. */
  invalid: boolean;
  /** The form no longer holds the spec these figures were computed from (a new run is on its way). */
  stale: boolean;
  /** The objective of the previewed spec, not the form's. */
  objective: number | undefined;
  /** The window of the previewed spec. */
  window: string | undefined;
}

/** How the unsaved SLO would have behaved over its last window. */
export function SloPreview({ preview, error, pending, invalid, stale, objective, window }: Props) {
  const current = !stale && !pending;
  return (
    <section className={styles.card} aria-label="Preview" aria-busy={pending || undefined}>
      <h2>Preview</h2>
      {!preview && !error && !pending && !stale && !invalid && <p className={styles.muted}>Press Preview to evaluate this SLO against the data before saving.</p>}
      {(pending || stale) && <p className={styles.muted}>{pending ? 'Evaluating the edited spec…' : 'The spec changed: re-evaluating once you stop typing…'}</p>}
      {invalid && <p className={styles.fieldError}>Fix the marked fields to preview this SLO.</p>}
      {error && current && (
        <p role="alert" className={styles.fieldError}>
          Preview failed: {error.message}
        </p>
      )}
      {preview && current && objective !== undefined && window !== undefined && (
        <>
          <StatusSummary status={preview.status} objective={objective} window={window} curve={preview.budgetCurve.points} />
          <h3>Budget over the window</h3>
          <BudgetChart points={preview.budgetCurve.points} label="Error budget remaining over the SLO window (preview)" />
          <h3>Burn rates</h3>
          <BurnRateTable status={preview.status} />
        </>
      )}
    </section>
  );
}

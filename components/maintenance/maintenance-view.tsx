'use client';

import { formatUtc } from '@/lib/format';
import type { MaintenanceWindow } from '@/lib/maintenance/schema';
import { scopeText } from '@/lib/maintenance/scope-text';
import { useDeleteMaintenance, useMaintenance, useRetrySilence } from '@/lib/queries/maintenance-hooks';
import { IdentityBanner, useCanEdit } from '../slo/identity-banner';
import styles from '../slo/slo.module.css';
import { MaintenanceForm } from './maintenance-form';
import { silenceText, spanText } from './maintenance-model';

const TONES = { good: styles.good, warn: styles.warn, bad: styles.bad, muted: styles.muted } as const;

function WindowRow({ w, canEdit }: { w: MaintenanceWindow; canEdit: boolean }) {
  const remove = useDeleteMaintenance();
  const retry = useRetrySilence();
  const silence = silenceText(w.silence);
  const name = `window ${w.id} (${scopeText(w.scope)})`;
  return (
    <tr>
      <td>{scopeText(w.scope)}</td>
      <td>{formatUtc(w.start)}</td>
      <td>{formatUtc(w.end)}</td>
      <td className={styles.num}>{spanText(w.start, w.end)}</td>
      <td>{w.reason}</td>
      <td>{w.createdBy}</td>
      <td className={TONES[silence.tone]}>{silence.text}</td>
      {canEdit && (
        <td>
          <span className={styles.actions}>
            {silence.retry && (
              <button type="button" onClick={() => retry.mutate(w.id)} disabled={retry.isPending} aria-label={`Retry the silence of ${name}`}>
                Retry silence
              </button>
            )}
            <button type="button" onClick={() => remove.mutate(w.id)} disabled={remove.isPending} aria-label={`Delete ${name}`}>
              Delete
            </button>
          </span>
          {(remove.error ?? retry.error) && (
            <p role="alert" className={styles.fieldError}>
              {(remove.error ?? retry.error)?.message}
            </p>
          )}
        </td>
      )}
    </tr>
  );
}

/** `/maintenance`: planned windows, their Alertmanager silences, and the form to plan one. */
export function MaintenanceView() {
  const canEdit = useCanEdit();
  const list = useMaintenance();
  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <h1>Maintenance windows</h1>
      </div>
      <p className={styles.muted}>
        A window silences its namespace or service in Alertmanager for its span, is marked in backtests and the monthly report, and is left out of
        the budget of SLOs that exclude maintenance.
      </p>
      <IdentityBanner />
      {list.data && !list.data.alertmanager && (
        <p role="status" className={`${styles.banner} ${styles.warn}`}>
          No Alertmanager is configured (MESHWATCH_ALERTMANAGER_URL): windows are recorded, but nothing is silenced.
        </p>
      )}
      {list.isError && (
        <p role="alert" className={`${styles.banner} ${styles.error}`}>
          Could not load maintenance windows: {list.error.message}
        </p>
      )}
      {list.isPending && <p className={styles.muted}>Loading maintenance windows…</p>}
      {list.data && list.data.windows.length === 0 && <p>No maintenance windows yet.</p>}
      {list.data && list.data.windows.length > 0 && (
        <table className={styles.table}>
          <caption>Maintenance windows, latest start first</caption>
          <thead>
            <tr>
              <th scope="col">Scope</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Length</th>
              <th scope="col">Reason</th>
              <th scope="col">Created by</th>
              <th scope="col">Alertmanager silence</th>
              {canEdit && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {list.data.windows.map((w) => (
              <WindowRow key={w.id} w={w} canEdit={canEdit} />
            ))}
          </tbody>
        </table>
      )}
      {canEdit && <MaintenanceForm />}
    </div>
  );
}

'use client';

import { DataTable, type Column } from '@/components/ui/data-table';
import { formatUtc } from '@/lib/format';
import type { MaintenanceWindow } from '@/lib/maintenance/schema';
import { scopeText } from '@/lib/maintenance/scope-text';
import { useDeleteMaintenance, useMaintenance, useRetrySilence } from '@/lib/queries/maintenance-hooks';
import { IdentityBanner, useCanEdit } from '../slo/identity-banner';
import styles from '../slo/slo.module.css';
import { MaintenanceForm } from './maintenance-form';
import { silenceText, spanText } from './maintenance-model';

const TONES = { good: styles.good, warn: styles.warn, bad: styles.bad, muted: styles.muted } as const;

/** Retry and delete of one window; its own component so each row has its own mutations and error. */
function WindowActions({ w }: { w: MaintenanceWindow }) {
  const remove = useDeleteMaintenance();
  const retry = useRetrySilence();
  const name = `window ${w.id} (${scopeText(w.scope)})`;
  return (
    <>
      <span className={styles.actions}>
        {silenceText(w.silence).retry && (
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
    </>
  );
}

function SilenceCell({ w }: { w: MaintenanceWindow }) {
  const silence = silenceText(w.silence);
  return <span className={TONES[silence.tone]}>{silence.text}</span>;
}

// Times sort by their instant, the length by seconds (longest first); the server's order (latest start first) until a header is clicked.
const COLUMNS: readonly Column<MaintenanceWindow>[] = [
  { key: 'scope', label: 'Scope', sortValue: (w) => scopeText(w.scope) },
  { key: 'start', label: 'Start', firstDirection: 'descending', sortValue: (w) => w.start, render: (w) => formatUtc(w.start) },
  { key: 'end', label: 'End', firstDirection: 'descending', sortValue: (w) => w.end, render: (w) => formatUtc(w.end) },
  { key: 'length', label: 'Length', numeric: true, sortValue: (w) => w.end - w.start, render: (w) => spanText(w.start, w.end) },
  { key: 'reason', label: 'Reason', sortValue: (w) => w.reason },
  { key: 'createdBy', label: 'Created by', sortValue: (w) => w.createdBy },
  { key: 'silence', label: 'Alertmanager silence', sortValue: (w) => silenceText(w.silence).text, render: (w) => <SilenceCell w={w} /> },
];
const ACTIONS: Column<MaintenanceWindow> = { key: 'actions', label: 'Actions', sortable: false, sortValue: () => null, render: (w) => <WindowActions w={w} /> };
const EDIT_COLUMNS = [...COLUMNS, ACTIONS];

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
        <DataTable caption="Maintenance windows, latest start first" rows={list.data.windows} columns={canEdit ? EDIT_COLUMNS : COLUMNS} rowKey={(w) => String(w.id)} />
      )}
      {canEdit && <MaintenanceForm />}
    </div>
  );
}

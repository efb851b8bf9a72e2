'use client';

import { useState } from 'react';
import { DataTable, type Column } from '@/components/ui/data-table';
import { useCanEdit, IdentityBanner } from '@/components/slo/identity-banner';
import styles from '@/components/slo/slo.module.css';
import type { MeshAlertSetting, MeshAlertsResponse } from '@/lib/mesh-alerts/catalog';
import { useMeshAlerts, useSaveMeshAlerts } from '@/lib/queries/mesh-alert-hooks';

type Row = MeshAlertsResponse['alerts'][number];
type Draft = Record<string, { enabled: boolean; threshold: string }>;

const draftOf = (rows: readonly Row[]): Draft => Object.fromEntries(rows.map((r) => [r.id, { enabled: r.enabled, threshold: String(r.threshold) }]));

/** The rows whose draft differs from what the server holds, as PUT settings; null while a threshold is not a number. */
function changes(rows: readonly Row[], draft: Draft): MeshAlertSetting[] | null {
  const out: MeshAlertSetting[] = [];
  for (const r of rows) {
    const d = draft[r.id];
    if (!d) continue;
    const threshold = Number(d.threshold);
    if (d.threshold.trim() === '' || !Number.isFinite(threshold)) return null;
    if (d.enabled !== r.enabled || threshold !== r.threshold) out.push({ id: r.id, enabled: d.enabled, threshold });
  }
  return out;
}

/** The mesh-health alerts Meshwatch writes beside the SLO rules: each on or off, with its threshold (editors change them). */
export function MeshAlertSettings() {
  const alerts = useMeshAlerts();
  const save = useSaveMeshAlerts();
  const canEdit = useCanEdit();
  const [draft, setDraft] = useState<Draft | null>(null);
  if (alerts.isPending) return <p className={styles.muted}>Loading…</p>;
  if (alerts.isError) return <p role="alert" className={`${styles.banner} ${styles.error}`}>{alerts.error.message}</p>;
  const rows = alerts.data.alerts;
  const current = draft ?? draftOf(rows);
  const pending = changes(rows, current);
  const set = (id: string, patch: Partial<Draft[string]>) => setDraft({ ...current, [id]: { ...(current[id] ?? { enabled: true, threshold: '' }), ...patch } });

  // The inputs live in the one table's cells: their columns do not sort (rows moving while typing would lose the place).
  const columns: Column<Row>[] = [
    {
      key: 'alert',
      label: 'Alert',
      sortValue: (r) => r.title,
      render: (r) => (
        <>
          {r.title}
          <div className={styles.muted}>{r.alert}</div>
        </>
      ),
    },
    { key: 'severity', label: 'Severity', sortValue: (r) => r.severity },
    {
      key: 'on',
      label: 'On',
      sortable: false,
      sortValue: () => null,
      render: (r) =>
        r.available ? (
          <input type="checkbox" aria-label={`${r.title}: on`} checked={current[r.id]?.enabled ?? r.enabled} disabled={!canEdit} onChange={(e) => set(r.id, { enabled: e.target.checked })} />
        ) : (
          <span className={styles.muted}>not on this mesh</span>
        ),
    },
    {
      key: 'threshold',
      label: 'Threshold',
      sortable: false,
      sortValue: () => null,
      render: (r) =>
        r.available ? (
          <label>
            <span className={styles.muted}>{r.meaning} </span>
            <input
              type="number"
              aria-label={`${r.title}: threshold in ${r.unit}`}
              min={r.min}
              max={r.max}
              step="any"
              value={current[r.id]?.threshold ?? String(r.threshold)}
              disabled={!canEdit}
              onChange={(e) => set(r.id, { threshold: e.target.value })}
              style={{ width: '6rem' }}
            />{' '}
            {r.unit}
            <span className={styles.muted}> (default {r.default})</span>
          </label>
        ) : (
          <span className={styles.muted}>{r.unavailableReason}</span>
        ),
    },
    { key: 'runbook', label: 'Runbook', sortable: false, sortValue: () => null, render: (r) => <a href={r.runbookUrl}>Runbook</a> },
  ];

  return (
    <section className={styles.page} aria-labelledby="mesh-alerts-title">
      <div className={styles.head}>
        <h1 id="mesh-alerts-title">Mesh-health alerts</h1>
        <span className={styles.muted}>Mesh: {alerts.data.mesh}</span>
      </div>
      <IdentityBanner />
      <p className={styles.muted}>
        Written into the same rule file as the SLO alerts and reloaded into Prometheus when saved. Each alert links its runbook.
      </p>
      {/* The server's bounds and messages decide (the inputs' min/max are hints): noValidate lets them show. */}
      <form
        noValidate
        className={styles.card}
        onSubmit={(e) => {
          e.preventDefault();
          if (pending && pending.length > 0) save.mutate(pending, { onSuccess: () => setDraft(null) });
        }}
      >
        <DataTable caption="Mesh-health alerts and their thresholds" captionHidden rows={rows} columns={columns} rowKey={(r) => r.id} rowData={(r) => ({ 'data-alert': r.id })} />
        <div className={styles.actions}>
          <button type="submit" disabled={!canEdit || save.isPending || pending === null || pending.length === 0}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
          {pending === null && <span role="alert">Every threshold must be a number.</span>}
          {save.isError && <span role="alert">{save.error.message}</span>}
          {save.isSuccess && draft === null && <span role="status">Saved; the rule file is rewritten.</span>}
        </div>
      </form>
    </section>
  );
}

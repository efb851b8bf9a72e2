'use client';

import { useRulesDelivery, useSlosAlerting } from '@/lib/queries/alerting-hooks';
import { formatPercent } from '@/components/format';
import { formatUtc } from '@/lib/format';
import { AlertingChip, alertingChipsFrom } from './alerting-chip';
import { PROMETHEUS_RULE_BUNDLE } from './alerting-model';
import styles from './slo.module.css';

/** `/slos/<name>`: whether Prometheus evaluates this SLO's rules, and its pending or firing burn-rate alerts. */
export function AlertingSection({ name, time }: { name: string; time: number | null }) {
  const alerting = useSlosAlerting(time);
  const delivery = useRulesDelivery();
  const entry = alerting.data?.slos.find((s) => s.name === name);
  const sync = delivery.data?.lastSync;
  return (
    <section className={styles.card} aria-label="Alerting in Prometheus">
      <h2>Alerting in Prometheus</h2>
      <p>
        <AlertingChip chip={alertingChipsFrom(alerting)(name)} />{' '}
        {alerting.data?.source === 'history' && <span className={styles.muted}>alerts as of the pinned time (ALERTS series)</span>}
      </p>
      {alerting.isError && <p role="alert">Rules and alerts unavailable: {alerting.error.message}</p>}
      {entry && entry.alerts.length > 0 && (
        <table className={styles.table} aria-label={`Pending and firing in Prometheus: ${name}`}>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">State (after for:)</th>
              <th scope="col">Windows</th>
              <th scope="col">Active since</th>
              <th scope="col" className={styles.num}>Error ratio</th>
            </tr>
          </thead>
          <tbody>
            {entry.alerts.map((a) => (
              <tr key={`${a.severity}-${a.longWindow ?? ''}-${a.shortWindow ?? ''}`}>
                <td>{a.severity}</td>
                <td className={a.state === 'firing' ? styles.bad : styles.warn}>{a.state}</td>
                <td>{a.longWindow ? `${a.longWindow} and ${a.shortWindow ?? '?'}` : '—'}</td>
                <td>{a.activeAt === null ? '—' : formatUtc(a.activeAt)}</td>
                <td className={styles.num}>{a.value === null ? '—' : `${formatPercent(a.value)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {delivery.data?.mode === 'file' && (
        <p className={styles.muted}>
          Rule file {delivery.data.file}:{' '}
          {sync
            ? `${sync.ok ? 'checked by promtool' : sync.excluded?.length ? 'written without the SLOs promtool rejects' : 'last change rejected by promtool, previous rules kept'}, reload ${sync.reload} at ${formatUtc(sync.at, { seconds: true })}${sync.error ? ` (${sync.error})` : ''}`
            : 'not synced yet'}
        </p>
      )}
      {delivery.data?.mode === 'gitops' && (
        <p className={styles.muted}>
          Rules are not written by Meshwatch here. <a href={PROMETHEUS_RULE_BUNDLE} download>Download the PrometheusRule resources of all SLOs</a> or{' '}
          <a href="/api/rules?format=yaml" download>one rule file</a>.
        </p>
      )}
      {sync && !sync.ok && sync.checkOutput && <pre className={styles.muted}>{sync.checkOutput}</pre>}
    </section>
  );
}

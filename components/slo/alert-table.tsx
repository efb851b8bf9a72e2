import type { SloAlerting } from '@/lib/slo/alerting-schema';
import type { SloStatus } from '@/lib/slo/status-schema';
import { prometheusStateOf } from './alerting-model';
import { formatBurn } from './slo-format';
import styles from './slo.module.css';

interface Props {
  alerts: SloStatus['alerts'];
  /** This SLO's rules and alerts as Prometheus holds them (GET /api/slos-alerting); undefined while unknown. */
  prometheus: SloAlerting | undefined;
}

/**
 * Multi-window alert pairs, with both answers to "is it firing?" named for what they are: whether both
 * burn rates exceed the threshold at the evaluated time, and what the Prometheus rule says after its `for:`.
 */
export function AlertTable({ alerts, prometheus }: Props) {
  return (
    <table className={styles.table} aria-label="Alerts">
      <caption className={styles.hint}>
        “Burn above threshold now” is computed here from both windows’ burn rates; Prometheus’ rule fires only once that has held for the rule’s for: (pending until then).
      </caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Long / short window</th>
          <th scope="col" className={styles.num}>Threshold</th>
          <th scope="col" className={styles.num}>Long burn</th>
          <th scope="col" className={styles.num}>Short burn</th>
          <th scope="col">Burn above threshold now</th>
          <th scope="col">In Prometheus (after for:)</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((a) => {
          const state = prometheusStateOf(a, prometheus);
          return (
            <tr key={`${a.severity}-${a.longWindow}-${a.shortWindow}`}>
              <td>{a.severity}</td>
              <td>
                {a.longWindow} / {a.shortWindow}
              </td>
              <td className={styles.num}>{formatBurn(a.threshold)}</td>
              <td className={styles.num}>{formatBurn(a.longBurnRate)}</td>
              <td className={styles.num}>{formatBurn(a.shortBurnRate)}</td>
              <td className={a.firing ? styles.bad : undefined}>{a.firing ? 'yes' : 'no'}</td>
              <td className={state.tone === 'muted' ? styles.muted : styles[state.tone]}>{state.label}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

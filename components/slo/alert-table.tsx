import type { SloStatus } from '@/lib/slo/status-schema';
import { formatBurn } from './slo-format';
import styles from './slo.module.css';

/** Multi-window alert pairs: both burn rates must exceed the threshold to fire. */
export function AlertTable({ alerts }: { alerts: SloStatus['alerts'] }) {
  return (
    <table className={styles.table} aria-label="Alerts">
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Long / short window</th>
          <th scope="col" className={styles.num}>Threshold</th>
          <th scope="col" className={styles.num}>Long burn</th>
          <th scope="col" className={styles.num}>Short burn</th>
          <th scope="col">Firing</th>
        </tr>
      </thead>
      <tbody>
        {alerts.map((a) => (
          <tr key={`${a.severity}-${a.longWindow}-${a.shortWindow}`}>
            <td>{a.severity}</td>
            <td>
              {a.longWindow} / {a.shortWindow}
            </td>
            <td className={styles.num}>{formatBurn(a.threshold)}</td>
            <td className={styles.num}>{formatBurn(a.longBurnRate)}</td>
            <td className={styles.num}>{formatBurn(a.shortBurnRate)}</td>
            <td className={a.firing ? styles.bad : undefined}>{a.firing ? 'firing' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

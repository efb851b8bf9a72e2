import type { RegionStatus, SloStatus } from '@/lib/slo/status-schema';
import { formatBudget, formatBurn, formatSli } from './slo-format';
import styles from './slo.module.css';

/** "page 1h/5m, ticket 1d/2h" for the pairs that fire; "none" when none does. */
export function firingText(alerts: RegionStatus['alerts']): string {
  const firing = alerts.filter((a) => a.firing).map((a) => `${a.severity} ${a.longWindow}/${a.shortWindow}`);
  return firing.length > 0 ? firing.join(', ') : 'none';
}

/** A perRegion SLO's figures per region (worst first, as the status orders them), the worst one named. */
export function RegionTable({ status }: { status: SloStatus }) {
  const regions = status.regions ?? [];
  if (regions.length === 0) return <p className={styles.muted}>No region served this service&apos;s requests in the SLO window.</p>;
  return (
    <>
      {status.worstRegion && (
        <p>
          Worst region: <strong>{status.worstRegion}</strong>
        </p>
      )}
      <table className={styles.table} aria-label="Status per region">
        <thead>
          <tr>
            <th scope="col">Region</th>
            <th scope="col" className={styles.num}>SLI</th>
            <th scope="col" className={styles.num}>Budget remaining</th>
            <th scope="col" className={styles.num}>Burn rate, 1h</th>
            <th scope="col">Firing alerts</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r.region}>
              <th scope="row">{r.region}</th>
              <td className={styles.num}>{formatSli(r.sli)}</td>
              <td className={styles.num}>{formatBudget(r.errorBudget.remaining)}</td>
              <td className={styles.num}>{formatBurn(r.burnRates['1h'])}</td>
              <td>{firingText(r.alerts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

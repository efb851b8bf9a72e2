import Link from 'next/link';
import { pageHref } from '@/lib/queries/slo-time';
import { AlertingChip } from './alerting-chip';
import type { AlertingChipModel } from './alerting-model';
import { budgetTone, formatBudget, formatBurn, formatSli, indicatorLabel, statusChip } from './slo-format';
import type { TeamGroup } from './slo-list-model';
import { StatusChip } from './status-chip';
import { MaintenanceHint } from './status-summary';
import styles from './slo.module.css';

interface Props {
  groups: TeamGroup[];
  time: number | null;
  statusPending: boolean;
  /** "Alerting in Prometheus" per SLO name (GET /api/slos-alerting). */
  alerting: (name: string) => AlertingChipModel;
}

/** One table per team; a row-group heading per service. */
export function SloListTable({ groups, time, statusPending, alerting }: Props) {
  return (
    <>
      {groups.map(({ team, services }) => (
        <section key={team} className={styles.card} aria-label={`Team ${team}`}>
          <h2>Team {team}</h2>
          <table className={styles.table} aria-label={`SLOs of team ${team}`}>
            <thead>
              <tr>
                <th scope="col">SLO</th>
                <th scope="col">Indicator</th>
                <th scope="col">Status</th>
                <th scope="col" className={styles.num}>SLI</th>
                <th scope="col" className={styles.num}>Objective</th>
                <th scope="col" className={styles.num}>Budget remaining</th>
                <th scope="col" className={styles.num}>Burn 1h</th>
                <th scope="col">Alerting in Prometheus</th>
              </tr>
            </thead>
            {services.map(({ service, namespace, rows }) => (
              <tbody key={`${namespace}/${service}`}>
                <tr>
                  <th scope="rowgroup" colSpan={8} className={styles.muted}>
                    {service} <span>({namespace})</span>
                  </th>
                </tr>
                {rows.map(({ spec, status, error }) => (
                  <tr key={spec.name}>
                    <th scope="row">
                      <Link href={pageHref(`/slos/${spec.name}`, time)}>{spec.name}</Link>
                    </th>
                    <td>{indicatorLabel(spec.indicator)}</td>
                    <td>
                      <StatusChip chip={statusChip(status, error, statusPending)} title={error ?? status?.recommendation.reason} />
                      {error && <div className={styles.fieldError}>{error}</div>}
                      {status?.state === 'exhausted' && <div className={styles.hint}>budget spent: hold risky releases</div>}
                    </td>
                    <td className={styles.num}>{status ? formatSli(status.sli) : '—'}</td>
                    <td className={styles.num}>
                      {spec.objective}% / {spec.window}
                    </td>
                    <td className={`${styles.num} ${styles[budgetTone(status?.errorBudget.remaining)] ?? ''}`}>
                      {formatBudget(status?.errorBudget.remaining)}
                      <MaintenanceHint excluding={spec.excludeMaintenance} maintenance={status?.maintenance} />
                    </td>
                    <td className={styles.num}>{formatBurn(status?.burnRates['1h'])}</td>
                    <td>
                      <AlertingChip chip={alerting(spec.name)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </section>
      ))}
    </>
  );
}

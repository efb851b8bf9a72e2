import type { Report } from '@/lib/report/schema';
import slo from '@/components/slo/slo.module.css';
import { formatBudget, teamSummary } from './report-format';
import styles from './report.module.css';

/** The first page: every team at a glance, and the services that have no SLO yet. */
export function OverviewSection({ report }: { report: Report }) {
  return (
    <section className={styles.overview} aria-labelledby="report-overview">
      <h2 id="report-overview">Teams</h2>
      {report.teams.length === 0 ? (
        <p className={slo.muted}>No SLOs are defined, so no team is measured by one.</p>
      ) : (
        <table className={slo.table}>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col">SLOs met</th>
              <th scope="col" className={slo.num}>
                Worst budget remaining
              </th>
            </tr>
          </thead>
          <tbody>
            {report.teams.map((t) => (
              <tr key={t.team}>
                <td>
                  <a href={`#team-${encodeURIComponent(t.team)}`}>{t.team}</a>
                </td>
                <td>{teamSummary(t)}</td>
                <td className={`${slo.num} ${t.worstBudgetRemaining !== null && t.worstBudgetRemaining < 0 ? slo.bad : ''}`}>{formatBudget(t.worstBudgetRemaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Services without SLOs</h2>
      {report.services.length === 0 ? (
        <p className={slo.muted}>Every service with traffic in the period has an SLO.</p>
      ) : (
        <table className={slo.table} aria-label="Services without SLOs">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Namespace</th>
              <th scope="col" className={slo.num}>
                Availability over the period
              </th>
            </tr>
          </thead>
          <tbody>
            {report.services.map((s) => (
              <tr key={`${s.namespace}/${s.service}`}>
                <td>{s.service}</td>
                <td>{s.namespace}</td>
                <td className={slo.num}>{`${(s.availability * 100).toFixed(3)}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

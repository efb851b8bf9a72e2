import { formatUtc } from '@/lib/format';
import { MaintenanceMark } from '@/components/maintenance/maintenance-periods';
import { maintenanceNote } from '@/lib/maintenance/note';
import slo from '@/components/slo/slo.module.css';
import { formatBudget, formatSli, incidentDuration, metChip, sliChange, teamSummary, type TeamSection as Section } from './report-format';
import styles from './report.module.css';

/** One team's page: its SLOs over the period and the incidents its alerts would have raised. */
export function TeamSection({ section, periodLabel }: { section: Section; periodLabel: string }) {
  const { team, slos, incidents } = section;
  const headingId = `team-${encodeURIComponent(team.team)}`;
  return (
    <section className={styles.team} aria-labelledby={headingId} data-team={team.team}>
      <h2 id={headingId}>Team {team.team}</h2>
      <p className={styles.teamLine}>
        {periodLabel}: {teamSummary(team)}, worst budget remaining {formatBudget(team.worstBudgetRemaining)}.
      </p>
      <table className={slo.table} aria-label={`SLOs of ${team.team}`}>
        <thead>
          <tr>
            <th scope="col">SLO</th>
            <th scope="col">Service</th>
            <th scope="col" className={slo.num}>
              Objective
            </th>
            <th scope="col" className={slo.num}>
              SLI
            </th>
            <th scope="col" className={slo.num}>
              Budget consumed
            </th>
            <th scope="col">Result</th>
            <th scope="col" className={slo.num}>
              SLI vs previous period
            </th>
          </tr>
        </thead>
        <tbody>
          {slos.map((s) => {
            const chip = metChip(s.met);
            return (
              <tr key={s.name}>
                <td>
                  <a href={`/slos/${encodeURIComponent(s.name)}`}>{s.name}</a>
                </td>
                <td>
                  {s.namespace}/{s.service}
                </td>
                <td className={slo.num}>{s.objective}%</td>
                <td className={slo.num}>{formatSli(s.sli)}</td>
                <td className={slo.num}>
                  {formatBudget(s.budgetConsumed)}
                  {s.maintenance && <div className={slo.hint}>{maintenanceNote(true, s.maintenance)}</div>}
                </td>
                <td>
                  <span className={`${slo.chip} ${chip.tone === 'muted' ? slo.muted : slo[chip.tone]}`}>{chip.label}</span>
                </td>
                <td className={slo.num}>{sliChange(s, s.previous)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>Incidents, longest first</h3>
      {incidents.length === 0 ? (
        <p className={slo.muted}>No page or ticket would have fired in the period.</p>
      ) : (
        <table className={slo.table} aria-label={`Incidents of ${team.team}`}>
          <thead>
            <tr>
              <th scope="col">SLO</th>
              <th scope="col">Severity</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Duration</th>
              <th scope="col" className={slo.num}>
                Budget spent
              </th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((i) => (
              <tr key={`${i.slo}:${i.severity}:${i.start}`}>
                <td>
                  {i.slo} <MaintenanceMark ids={i.maintenance} />
                </td>
                <td>
                  <span className={`${slo.chip} ${i.severity === 'page' ? slo.bad : slo.warn}`}>{i.severity}</span>
                </td>
                <td>{formatUtc(i.start)}</td>
                <td>{i.end === null ? 'still firing at the end' : formatUtc(i.end)}</td>
                <td>{incidentDuration(i)}</td>
                <td className={slo.num}>{formatBudget(i.budgetConsumed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

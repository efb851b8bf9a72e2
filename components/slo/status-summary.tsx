import { maintenanceNote } from '@/lib/maintenance/note';
import type { MaintenanceExclusion, SloStatus } from '@/lib/slo/status-schema';
import { budgetTone, exhaustedText, formatBudget, formatExhaustion, formatSli, statusChip } from './slo-format';
import { StatusChip } from './status-chip';
import styles from './slo.module.css';

interface Props {
  status: SloStatus;
  objective: number;
  /** The SLO window, and its burn-down curve once loaded: when an exhausted budget recovers. */
  window: string;
  curve?: ReadonlyArray<{ time: number; remaining: number | null }>;
  /** The spec's excludeMaintenance: its budget then says what it leaves out. */
  excludeMaintenance?: boolean;
}

/** SLI, budget remaining, time to exhaustion and the recommendation, as the server evaluated them. */
export function StatusSummary({ status, objective, window, curve, excludeMaintenance }: Props) {
  const tone = budgetTone(status.errorBudget.remaining);
  const exhausted = exhaustedText(status, window, curve);
  const maintenance = maintenanceNote(excludeMaintenance, status.maintenance);
  return (
    <>
      <dl className={styles.stats}>
        <div>
          <dt>SLI</dt>
          <dd>{formatSli(status.sli)}</dd>
          <span className={styles.muted}>objective {objective}%</span>
        </div>
        <div>
          <dt>Budget remaining</dt>
          <dd className={tone === 'muted' ? undefined : styles[tone]}>{formatBudget(status.errorBudget.remaining)}</dd>
          {maintenance && <span className={styles.warn}>{maintenance}</span>}
        </div>
        <div>
          <dt>Budget exhausted</dt>
          <dd>{formatExhaustion(status.timeToExhaustionSeconds)}</dd>
        </div>
        <div>
          <dt>Events in window</dt>
          <dd>{status.traffic.events.toLocaleString('en-US')}</dd>
          {status.traffic.lowTraffic && <span className={styles.warn}>low traffic</span>}
        </div>
      </dl>
      <p aria-label="Recommendation">
        <strong>Recommendation:</strong> <StatusChip chip={statusChip(status, undefined)} /> {status.recommendation.reason}
      </p>
      {exhausted && (
        <p aria-label="Error-budget policy" className={styles.bad}>
          <strong>Budget exhausted.</strong> {exhausted}
        </p>
      )}
    </>
  );
}

/** Beside a budget of an SLO that excludes maintenance: what it leaves out (nothing for other SLOs). */
export function MaintenanceHint({ excluding, maintenance }: { excluding: boolean | undefined; maintenance: MaintenanceExclusion | undefined }) {
  const note = maintenanceNote(excluding, maintenance);
  return note ? <div className={styles.hint}>{note}</div> : null;
}

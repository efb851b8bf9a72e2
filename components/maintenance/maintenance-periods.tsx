import { formatUtc } from '@/lib/format';
import { durationText } from '@/lib/maintenance/intervals';
import type { MaintenancePeriod } from '@/lib/maintenance/schema';
import { scopeText } from '@/lib/maintenance/scope-text';
import styles from '../slo/slo.module.css';

/** The maintenance windows of a backtest or a report period, so a marked episode or incident can be read against them. */
export function MaintenancePeriods({ periods, title }: { periods: readonly MaintenancePeriod[]; title: string }) {
  if (periods.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {periods.map((w) => (
          <li key={w.id}>
            <strong>#{w.id}</strong> {scopeText(w.scope)}: {formatUtc(w.start)} to {formatUtc(w.end)} ({durationText(w.end - w.start)}), {w.reason}{' '}
            <span className={styles.muted}>by {w.createdBy}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The mark of an episode or incident that overlaps maintenance windows; nothing when it overlaps none. */
export function MaintenanceMark({ ids }: { ids: readonly number[] | undefined }) {
  if (!ids || ids.length === 0) return null;
  return <span className={`${styles.chip} ${styles.muted}`}>during maintenance {ids.map((id) => `#${id}`).join(', ')}</span>;
}

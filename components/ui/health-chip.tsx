import { HEALTH_LABELS } from '@/lib/health/levels';
import type { Health } from '@/lib/health/schema';
import { HEALTH_MARKS, healthName } from './health-marks';
import styles from './health-chip.module.css';

/**
 * The one rendering of a health verdict on every page: mark, colour and level word, with the reason
 * as its accessible name and tooltip. It shows what the API decided and decides nothing itself.
 */
export function HealthChip({ health, prefix }: { health: Health; prefix?: string }) {
  const label = HEALTH_LABELS[health.level];
  return (
    <span className={styles.chip} data-level={health.level} role="img" aria-label={healthName(health, prefix ? `${prefix} ${label}` : label)} title={health.reason}>
      <span aria-hidden="true">
        {HEALTH_MARKS[health.level]}
        {label}
      </span>
    </span>
  );
}

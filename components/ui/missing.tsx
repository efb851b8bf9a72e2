import styles from './data-table.module.css';

/** A dash for a value that is not there, with the reason for screen readers and on hover (never 0 or NaN). */
export function Missing({ reason = 'no data' }: { reason?: string }) {
  return (
    <span className={styles.missing} title={reason}>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{reason}</span>
    </span>
  );
}

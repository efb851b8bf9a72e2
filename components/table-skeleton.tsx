import styles from './panel.module.css';

/** Grey bars shaped like a table while the first answer loads; hidden from screen readers. */
export function TableSkeleton({ rows = 4, columns = 4 }: { rows?: number; columns?: number }) {
  return (
    <div className={styles.skeleton} style={{ gridTemplateColumns: `2fr repeat(${columns - 1}, 1fr)` }} aria-hidden="true">
      {Array.from({ length: rows * columns }, (_, i) => (
        <span key={i} />
      ))}
    </div>
  );
}

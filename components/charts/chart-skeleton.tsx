import styles from './charts.module.css';

/** A grey block the size of a chart while data or the chart code loads; hidden from screen readers. */
export function ChartSkeleton({ height = 240 }: { height?: number }) {
  return <div className={styles.skeleton} style={{ height }} aria-hidden="true" />;
}

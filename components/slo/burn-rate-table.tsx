import type { SloStatus } from '@/lib/slo/status-schema';
import { formatBurn } from './slo-format';
import styles from './slo.module.css';

/** The highest alert threshold on each window (long or short), to mark on its bar. */
export function thresholdsByWindow(alerts: SloStatus['alerts']): Map<string, number> {
  const out = new Map<string, number>();
  for (const a of alerts) {
    for (const w of [a.longWindow, a.shortWindow]) out.set(w, Math.max(out.get(w) ?? 0, a.threshold));
  }
  return out;
}

/** Bar width: the threshold sits at the middle mark; twice the threshold or more fills the bar. */
export function barFraction(rate: number | null, threshold: number): number {
  if (rate === null || threshold <= 0) return 0;
  return Math.min(rate / threshold, 2) / 2;
}

/**
 * Burn rate per window as a bar against the alert threshold of that window (the mark in the middle).
 * Windows no alert uses are drawn against 1x, the rate that spends exactly the budget.
 */
export function BurnRateTable({ status }: { status: SloStatus }) {
  const thresholds = thresholdsByWindow(status.alerts);
  const entries = Object.entries(status.burnRates);
  return (
    <table className={styles.table} aria-label="Burn rate per window">
      <thead>
        <tr>
          <th scope="col">Window</th>
          <th scope="col" className={styles.num}>Burn rate</th>
          <th scope="col" className={styles.num}>Alert threshold</th>
          <th scope="col">Against the threshold (mark)</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(([window, rate]) => {
          const threshold = thresholds.get(window);
          const over = threshold !== undefined && rate !== null && rate >= threshold;
          return (
            <tr key={window}>
              <th scope="row">{window}</th>
              <td className={`${styles.num} ${over ? styles.bad : ''}`}>{formatBurn(rate)}</td>
              <td className={styles.num}>{threshold === undefined ? '—' : formatBurn(threshold)}</td>
              <td>
                <div className={styles.bar} aria-hidden="true">
                  <div className={`${styles.barFill} ${over ? styles.over : ''}`} style={{ width: `${barFraction(rate, threshold ?? 1) * 100}%` }} />
                  <div className={styles.barMark} style={{ left: '50%' }} />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

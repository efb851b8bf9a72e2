import { formatUtc } from '@/lib/format';
import { MaintenanceMark } from '@/components/maintenance/maintenance-periods';
import type { Episode } from '@/lib/slo/backtest/schema';
import { episodeDuration, formatPeak, formatShare } from './backtest-format';
import local from './backtest.module.css';
import styles from './slo.module.css';

/** Every period an alert would have fired, oldest first, in UTC like the chart. */
export function BacktestEpisodesTable({ episodes, to, caption }: { episodes: readonly Episode[]; to: number; caption: string }) {
  return (
    <table className={styles.table}>
      <caption className={local.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Start</th>
          <th scope="col">End</th>
          <th scope="col">Duration</th>
          <th scope="col" className={styles.num}>Peak burn</th>
          <th scope="col" className={styles.num}>Budget spent while firing</th>
          <th scope="col">Pairs</th>
        </tr>
      </thead>
      <tbody>
        {episodes.map((e) => (
          <tr key={`${e.severity}:${e.start}`}>
            <td>
              <span className={`${styles.chip} ${e.severity === 'page' ? styles.bad : styles.warn}`}>{e.severity}</span>
            </td>
            <td>{formatUtc(e.start)}</td>
            <td>{e.end === null ? 'still firing' : formatUtc(e.end)}</td>
            <td>{episodeDuration(e, to)}</td>
            <td className={styles.num}>{formatPeak(e.peakBurnRate)}</td>
            <td className={styles.num}>{formatShare(e.budgetConsumed)}</td>
            <td>
              {e.pairs.join(', ')} <MaintenanceMark ids={e.maintenance} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

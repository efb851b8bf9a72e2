import { errorRatioRecord, eventsRecord } from '@/lib/slo/rules/record-names';
import type { ReadSource, SloStatus } from '@/lib/slo/status-schema';
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

/** What the "Read from" cell says: the recording rule's series, or the raw mesh counters. */
export function sourceText(source: ReadSource | undefined, window: string): { text: string; title: string } | null {
  if (source === undefined) return null;
  return source === 'recorded'
    ? { text: 'Recording rule', title: `Read from ${errorRatioRecord(window)} and ${eventsRecord(window)}, kept by Prometheus` }
    : { text: 'Raw counters', title: `Computed with increase() over the mesh counters for ${window}: no recorded series at this instant` };
}

/** One line under the table: how many windows came from recorded series; null when the status does not say. */
export function sourceSummary(source: SloStatus['source']): string | null {
  if (!source) return null;
  const values = Object.values(source);
  const recorded = values.filter((v) => v === 'recorded').length;
  if (recorded === values.length) return 'Every window read from the recording rules Meshwatch generates.';
  if (recorded === 0) return 'Every window computed from raw counters: the recording rules are not loaded or have no series yet.';
  return `${recorded} of ${values.length} windows read from recording rules, the others from raw counters.`;
}

/**
 * Burn rate per window as a bar against the alert threshold of that window (the mark in the middle).
 * Windows no alert uses are drawn against 1x, the rate that spends exactly the budget.
 */
export function BurnRateTable({ status }: { status: SloStatus }) {
  const thresholds = thresholdsByWindow(status.alerts);
  const entries = Object.entries(status.burnRates);
  const summary = sourceSummary(status.source);
  return (
    <>
      <table className={styles.table} aria-label="Burn rate per window">
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col" className={styles.num}>Burn rate</th>
            <th scope="col" className={styles.num}>Alert threshold</th>
            <th scope="col">Against the threshold (mark)</th>
            {status.source && <th scope="col">Read from</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map(([window, rate]) => {
            const threshold = thresholds.get(window);
            const over = threshold !== undefined && rate !== null && rate >= threshold;
            const source = sourceText(status.source?.[window], window);
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
                {status.source && <td title={source?.title}>{source?.text ?? '—'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      {summary && <p className={styles.muted}>{summary}</p>}
    </>
  );
}

'use client';

import { useMemo, useState } from 'react';
import { useDraftBacktest } from '@/lib/queries/backtest-hooks';
import { nowUnixSeconds } from '@/lib/queries/time';
import { backtestRange, type RangeChoice } from './backtest-format';
import { BacktestPanel, RangeSelect } from './backtest-panel';
import local from './backtest.module.css';
import { compareRequest, compareRows } from './compare-model';
import type { SloForm } from './form-model';
import { useDebounced } from './use-debounced';
import styles from './slo.module.css';

/**
 * "Compare policies" in the create/edit form: the default policy and the candidate being edited,
 * replayed over the same history before anything is saved. Runs once edits settle, not per keystroke.
 */
export function PolicyCompare({ form, time }: { form: SloForm; time: number | null }) {
  const [choice, setChoice] = useState<RangeChoice>('window');
  const [now] = useState(() => nowUnixSeconds());
  const request = useMemo(() => compareRequest(form), [form]);
  // Debounce the JSON, not the objects: every render builds new ones.
  const settled = useDebounced(request ? JSON.stringify(request) : null);
  const parsed = useMemo(() => (settled ? (JSON.parse(settled) as NonNullable<typeof request>) : null), [settled]);
  const range = parsed ? backtestRange(choice, parsed.windowSeconds, time ?? now) : null;
  const spec = parsed ? (JSON.parse(parsed.specJson) as unknown) : null;
  const defaults = useDraftBacktest(spec, range, null);
  const candidate = useDraftBacktest(parsed?.candidate ? spec : null, range, parsed?.candidate ?? null);
  const sloWindow = form.window === 'custom' ? form.customWindow : form.window;
  const rows = compareRows(defaults.data?.summary, parsed?.candidate ? candidate.data?.summary : undefined);

  return (
    <section className={styles.card} aria-label="Compare policies">
      <h2>Compare policies</h2>
      <div className={local.controls}>
        <RangeSelect value={choice} onChange={setChoice} sloWindow={sloWindow || 'window'} label="Comparison range" />
      </div>
      {!parsed && <p className={styles.muted}>Pick a service, an objective and a window to replay the alert policies over this SLO’s history.</p>}
      {parsed && !parsed.candidate && <p className={styles.muted}>Turn on “Custom alert policy” to compare a candidate policy with the default one.</p>}
      {parsed?.candidate && (
        <table className={styles.table}>
          <caption className={local.caption}>Default policy vs candidate policy</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className={styles.num}>Default policy</th>
              <th scope="col" className={styles.num}>Candidate policy</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                <td className={styles.num}>{r.values[0]}</td>
                <td className={styles.num}>{r.values[1]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {parsed && (
        <div className={local.pair}>
          <BacktestPanel title="Default policy" query={defaults} />
          {parsed.candidate && <BacktestPanel title="Candidate policy" query={candidate} />}
        </div>
      )}
    </section>
  );
}

'use client';

import { useId, useState, type FormEvent } from 'react';
import { reportUrl, type ReportQuery } from '@/lib/queries/report-hooks';
import { parseUtcDay, utcDay } from './report-format';
import styles from './report.module.css';

const DAY = 86_400;

/**
 * The period pickers (a month, or a custom range of UTC days), the CSV download and Print. Hidden
 * when printing: the printed report names its period in its heading.
 */
export function ReportControls({ query, shown, onChange }: { query: ReportQuery; shown: { from: number; to: number; month: string | null } | undefined; onChange: (q: ReportQuery) => void }) {
  const id = useId();
  const [month, setMonth] = useState(query.month ?? shown?.month ?? '');
  const [fromDay, setFromDay] = useState(query.from !== undefined ? utcDay(query.from) : '');
  const [throughDay, setThroughDay] = useState(query.to !== undefined ? utcDay(query.to - DAY) : '');
  const [problem, setProblem] = useState<string | null>(null);

  const showMonth = (e: FormEvent) => {
    e.preventDefault();
    if (month) onChange({ month });
  };
  const showRange = (e: FormEvent) => {
    e.preventDefault();
    const from = parseUtcDay(fromDay);
    const through = parseUtcDay(throughDay);
    if (from === null || through === null || through < from) return setProblem('Choose a first and a last day, the last not before the first.');
    setProblem(null);
    // The last day is included: the period ends at the next day's 00:00 UTC.
    onChange({ from, to: through + DAY });
  };

  return (
    <div className={styles.controls}>
      <form onSubmit={showMonth} className={styles.form} aria-label="Report month">
        <label htmlFor={`${id}-month`}>Month (UTC)</label>
        <input id={`${id}-month`} type="month" value={month || shown?.month || ''} onChange={(e) => setMonth(e.target.value)} />
        <button type="submit">Show month</button>
      </form>
      <form onSubmit={showRange} className={styles.form} aria-label="Custom period">
        <label htmlFor={`${id}-from`}>From (UTC day)</label>
        <input id={`${id}-from`} type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        <label htmlFor={`${id}-through`}>through</label>
        <input id={`${id}-through`} type="date" value={throughDay} onChange={(e) => setThroughDay(e.target.value)} />
        <button type="submit">Show period</button>
        {problem && <span role="alert">{problem}</span>}
      </form>
      <div className={styles.actions}>
        <a href={reportUrl(shown?.month ? { month: shown.month } : shown ? { from: shown.from, to: shown.to } : query, 'csv')} download>
          Download CSV
        </a>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
      </div>
    </div>
  );
}

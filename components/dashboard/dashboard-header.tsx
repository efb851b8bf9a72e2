import type { ReactNode } from 'react';
import type { ResolvedRange } from '@/lib/queries/time-range';
import type { TimeState } from '@/lib/queries/time-state';
import { TimeRangePicker } from '../time-range-picker';
import styles from './dashboard-layout.module.css';

/** The page title with the time range picker beside it, and notes about URL values that were ignored. */
export function DashboardHeader({ title, subtitle, state, range }: { title: string; subtitle?: ReactNode; state: TimeState; range: ResolvedRange }) {
  return (
    <>
      <div className={styles.titleBar}>
        <div>
          <h1>{title}</h1>
          {subtitle && <p className={styles.subtitle}>{subtitle}</p>}
        </div>
        <TimeRangePicker state={state} range={range} />
      </div>
      {state.problems.length > 0 && (
        <ul role="status" className={styles.notice}>
          {state.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </>
  );
}

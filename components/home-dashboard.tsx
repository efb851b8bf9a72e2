'use client';

import Link from 'next/link';
import { useEvaluationTime } from '@/lib/queries/use-evaluation-time';
import type { DashboardParams } from '@/lib/queries/dashboard-params';
import { ServicesPanel } from './services/services-panel';
import styles from './dashboard.module.css';

/** The executive dashboard's panels, evaluated at the URL's pinned time or the browser's now. */
export function HomeDashboard({ time, window, namespace, problems }: DashboardParams) {
  const evaluation = useEvaluationTime(time);
  const liveHref = window === '5m' ? '/' : `/?window=${encodeURIComponent(window)}`;
  return (
    <div className={styles.stack}>
      {problems.length > 0 && (
        <ul role="status" className={styles.notice}>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {!evaluation.live && (
        <p className={styles.pinned}>
          Showing a pinned moment from a shared link. <Link href={liveHref}>Follow live data</Link>
        </p>
      )}
      <ServicesPanel time={evaluation.time} window={window} namespace={namespace} live={evaluation.live} />
    </div>
  );
}

'use client';

import { formatUtc } from '@/lib/format';
import { useSloHistory } from '@/lib/queries/slo-hooks';
import { diffSummary } from './history-diff';
import styles from './slo.module.css';

/** Every change, newest first: who, when, what, and the fields it changed. */
export function HistoryList({ name }: { name: string }) {
  const history = useSloHistory(name);
  return (
    <section className={styles.card} aria-label="Change history">
      <h2>Change history</h2>
      {history.isError && <p role="alert">Could not load the history: {history.error.message}</p>}
      {history.data && (
        <table className={styles.table} aria-label="Changes">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {history.data.entries.map((e) => (
              <tr key={e.id}>
                <td>{formatUtc(e.at, { seconds: true, label: false })}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>
                  {diffSummary(e.before, e.after).map((line) => (
                    <div key={line}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

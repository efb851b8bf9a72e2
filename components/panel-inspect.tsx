import styles from './panel.module.css';

/** A disclosure with the PromQL behind a panel, so anyone can rerun it in Prometheus. */
export function PanelInspect({ queries }: { queries: readonly string[] }) {
  if (queries.length === 0) return null;
  return (
    <details className={styles.inspect}>
      <summary>Inspect</summary>
      <p className={styles.muted}>PromQL run by the server ({queries.length} {queries.length === 1 ? 'query' : 'queries'}):</p>
      <ol>
        {queries.map((q) => (
          <li key={q}>
            <pre>
              <code>{q}</code>
            </pre>
          </li>
        ))}
      </ol>
    </details>
  );
}

import styles from './views.module.css';

/** A signal the mesh does not report as configured: what is missing and how to turn it on. */
export function MissingNotice({ reason, howToEnable }: { reason: string; howToEnable?: string }) {
  return (
    <div className={styles.missing}>
      <p>
        <strong>Signal not available.</strong> {reason}
      </p>
      {howToEnable && (
        <>
          <p>How to enable it:</p>
          <pre>
            <code>{howToEnable}</code>
          </pre>
        </>
      )}
    </div>
  );
}

import styles from './graph.module.css';

export interface LoadErrorProps {
  /** The whole sentence before the message, e.g. "Could not load the graph". */
  what: string;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
  /** The button's accessible name; distinct names keep two failures on one page apart. */
  retryLabel?: string;
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'something went wrong';
}

/** A failed graph fetch: what failed, the API's message, and a way to try again. */
export function LoadError({ what, error, retrying, onRetry, retryLabel = 'Retry' }: LoadErrorProps) {
  return (
    <div role="alert" className={styles.error}>
      <p className={styles.errorText}>
        {what}: {errorMessage(error)}
      </p>
      <button type="button" onClick={onRetry} disabled={retrying} aria-label={retryLabel === 'Retry' ? undefined : retryLabel}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}

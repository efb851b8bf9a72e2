'use client';

import { useId, type ReactNode } from 'react';
import { PanelInspect, type InspectQuery } from './panel-inspect';
import { TableSkeleton } from './table-skeleton';
import styles from './panel.module.css';

/** The part of a react-query result a panel needs; any `useQuery` result fits. */
export interface PanelQuery {
  data?: unknown;
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  /** True while the previous range's data is shown for a new range that is still loading. */
  isPlaceholderData?: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface PanelProps {
  title: string;
  /** What the panel answers, under the title. */
  description?: string;
  /** A short line under the title, e.g. the window and evaluation time. */
  meta?: ReactNode;
  query: PanelQuery;
  /** The PromQL behind the panel, shown under "Inspect". */
  queries?: readonly InspectQuery[];
  warnings?: readonly string[];
  isEmpty?: boolean;
  empty?: ReactNode;
  skeleton?: ReactNode;
  children?: ReactNode;
}

function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Something went wrong loading this panel.';
}

/** A dashboard panel: title, loading skeleton, error with retry, empty state, and the PromQL behind it. */
export function Panel({ title, description, meta, query, queries = [], warnings = [], isEmpty, empty, skeleton, children }: PanelProps) {
  const headingId = useId();
  const descriptionId = useId();
  const hasData = query.data !== undefined;
  // Busy while loading, and while an old range's data stands in for the new one.
  const busy = query.isPending || (query.isPlaceholderData === true && query.isFetching);
  return (
    <section
      className={styles.panel}
      aria-labelledby={headingId}
      aria-describedby={description ? descriptionId : undefined}
      aria-busy={busy || undefined}
    >
      <header className={styles.header}>
        <h2 id={headingId}>{title}</h2>
        {meta && <p className={styles.meta}>{meta}</p>}
      </header>
      {description && (
        <p id={descriptionId} className={styles.description}>
          {description}
        </p>
      )}
      {query.isError && (
        <div role="alert" className={styles.error}>
          <p>
            <strong>Could not load {title.toLowerCase()}:</strong> {errorMessage(query.error)}
          </p>
          {hasData && <p className={styles.muted}>Showing the last successful result below.</p>}
          <button type="button" onClick={() => void query.refetch()} disabled={query.isFetching}>
            {query.isFetching ? 'Retrying…' : 'Retry'}
          </button>
        </div>
      )}
      {query.isPending && !query.isError && (
        <>
          <p className="sr-only">Loading {title.toLowerCase()}…</p>
          {skeleton ?? <TableSkeleton />}
        </>
      )}
      {hasData && (isEmpty ? <p className={styles.empty}>{empty ?? 'No data.'}</p> : children)}
      {hasData && warnings.length > 0 && (
        <ul className={styles.warnings} aria-label="Warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {hasData && <PanelInspect queries={queries} />}
    </section>
  );
}

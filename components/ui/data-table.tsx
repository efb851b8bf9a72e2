'use client';

import { useMemo, useState, type ReactNode } from 'react';
import styles from './data-table.module.css';
import { nextSort, sortRows, type SortableColumn, type TableSort } from './sort-model';

export interface Column<T> extends SortableColumn<T> {
  label: string;
  /** Shown after the label, `Requests (req/s)`: the cells then carry bare numbers. */
  unit?: string;
  /** The cell; by default the sort value as text. Any content fits: links, buttons, chips, sparklines. */
  render?: (row: T) => ReactNode;
  /** false: a plain header, no sort button (actions, form inputs: an order by them means nothing). */
  sortable?: false;
}

export interface DataTableProps<T> {
  caption: string;
  /** The caption for screen readers only, where a visible title already names the table. */
  captionHidden?: boolean;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** The sort on first render; null keeps the rows' own order until a header is clicked. */
  initialSort?: TableSort;
  /** Ties after the sort column, e.g. by name; then the rows' own order. */
  tie?: (a: T, b: T) => number;
  /** The row key of the highlighted row. */
  selected?: string;
  /** `data-*` attributes of a row, e.g. `{ 'data-health': 'bad' }` for the red bar at its start. */
  rowData?: (row: T) => Record<`data-${string}`, string | undefined>;
  /** Rows rendered per page ("Show more" adds another): thousands of rows at once block the page for a second. */
  limit?: number;
  /** What a row is, for the "Show more" buttons ("calls"). */
  noun?: string;
}

function HeaderLabel({ column }: { column: Pick<Column<never>, 'label' | 'unit'> }) {
  return (
    <>
      {column.label}
      {column.unit && <span className={styles.unit}> ({column.unit})</span>}
    </>
  );
}

function SortArrow({ sort, column }: { sort: TableSort; column: string }) {
  const symbol = sort?.key !== column ? '↕' : sort.direction === 'ascending' ? '▲' : '▼';
  return (
    <span aria-hidden="true" className={styles.arrow}>
      {symbol}
    </span>
  );
}

/**
 * The one table of every page: a caption, headers that sort (aria-sort says how), the first column as
 * row headers, numbers right-aligned, and paging for long lists. Sorting covers every row, not the page.
 */
export function DataTable<T>({ caption, captionHidden, rows, columns, rowKey, initialSort = null, tie, selected, rowData, limit = Infinity, noun = 'rows' }: DataTableProps<T>) {
  const [sort, setSort] = useState<TableSort>(initialSort);
  const [count, setCount] = useState(limit);
  const sorted = useMemo(() => sortRows(rows, sort, columns, tie), [rows, sort, columns, tie]);
  const shown = sorted.length <= count ? sorted : sorted.slice(0, count);
  const next = Math.min(limit, sorted.length - shown.length);
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <caption className={captionHidden ? 'sr-only' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? styles.num : undefined} aria-sort={sort?.key === c.key ? sort.direction : undefined}>
                {c.sortable === false ? (
                  <HeaderLabel column={c} />
                ) : (
                  <button type="button" onClick={() => setSort(nextSort(sort, c))}>
                    <HeaderLabel column={c} />
                    <SortArrow sort={sort} column={c.key} />
                  </button>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => {
            const key = rowKey(row);
            return (
              <tr key={key} aria-selected={selected === key || undefined} {...rowData?.(row)}>
                {columns.map((c, i) => {
                  const content = c.render ? c.render(row) : c.sortValue(row);
                  const className = c.numeric ? styles.num : undefined;
                  return i === 0 ? (
                    <th key={c.key} scope="row" className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={c.key} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {shown.length < sorted.length && (
        <p className={styles.more} aria-live="polite">
          Showing the first {shown.length} of {sorted.length} {noun}.{' '}
          <button type="button" onClick={() => setCount(shown.length + next)}>
            Show {next} more {noun}
          </button>{' '}
          <button type="button" onClick={() => setCount(Infinity)}>
            Show all {sorted.length} {noun}
          </button>
        </p>
      )}
    </div>
  );
}

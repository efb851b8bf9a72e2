'use client';

import { useMemo, useState, type ReactNode } from 'react';
import styles from './graph.module.css';

export interface Column<T> {
  key: string;
  label: string;
  /** The sort key; null sorts last. */
  value: (row: T) => string | number | null;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
}

interface SortState {
  key: string;
  desc: boolean;
}

type Cell = string | number | null;

/** Ascending or descending, rows without a value (no traffic) always go last. */
function compare(a: Cell, b: Cell, desc = false): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a < b ? -1 : 1) * (desc ? -1 : 1);
}

export interface SortableTableProps<T> {
  caption: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  initial: SortState;
  selected?: string;
  /** Rows rendered per page ("Show more" adds another): thousands of rows at once block the page for a second. */
  limit?: number;
  /** What a row is, for the "Show more" buttons ("calls"). */
  noun?: string;
}

/** A table with a caption and column headers that sort (aria-sort tells screen readers how). */
export function SortableTable<T>({ caption, rows, columns, rowKey, initial, selected, limit = Infinity, noun = 'rows' }: SortableTableProps<T>) {
  const [sort, setSort] = useState(initial);
  const [count, setCount] = useState(limit);
  const col = columns.find((c) => c.key === sort.key);
  // Sorting runs over every row; only the first `limit` are rendered. Values are read once per row.
  const sorted = useMemo(() => {
    if (!col) return rows;
    const keyed = rows.map((r) => ({ r, v: col.value(r), k: rowKey(r) }));
    keyed.sort((a, b) => compare(a.v, b.v, sort.desc) || compare(a.k, b.k));
    return keyed.map((x) => x.r);
  }, [rows, col, rowKey, sort.desc]);
  const shown = sorted.length <= count ? sorted : sorted.slice(0, count);
  const next = Math.min(limit, sorted.length - shown.length);
  return (
    <div>
      <table className={styles.table}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'} className={c.numeric ? styles.num : undefined}>
                <button type="button" onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : Boolean(c.numeric) })}>
                  {c.label}
                  {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={rowKey(r)} aria-selected={selected === rowKey(r) || undefined}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? styles.num : undefined}>
                  {c.render ? c.render(r) : c.value(r)}
                </td>
              ))}
            </tr>
          ))}
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

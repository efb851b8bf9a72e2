'use client';

import { useState, type ReactNode } from 'react';
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

/** A table with a caption and column headers that sort (aria-sort tells screen readers how). */
export function SortableTable<T>({ caption, rows, columns, rowKey, initial, selected }: { caption: string; rows: readonly T[]; columns: Column<T>[]; rowKey: (row: T) => string; initial: SortState; selected?: string }) {
  const [sort, setSort] = useState(initial);
  const col = columns.find((c) => c.key === sort.key);
  const sorted = col ? [...rows].sort((a, b) => compare(col.value(a), col.value(b), sort.desc) || compare(rowKey(a), rowKey(b))) : rows;
  return (
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
        {sorted.map((r) => (
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
  );
}

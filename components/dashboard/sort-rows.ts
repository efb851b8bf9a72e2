// Sorting of generic panel tables by a column. Pure.
import type { Cell, Column } from '@/lib/dashboards/schema';

export type SortDirection = 'ascending' | 'descending';
/** null keeps the server's order, which already puts the worst first. */
export type TableSort = { key: string; direction: SortDirection } | null;

type Row = { id: string; cells: Record<string, Cell> };

/** The value a cell sorts by: numbers, text, a link's text, a sparkline's latest value. */
export function sortValue(cell: Cell | undefined): number | string | null {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string') return cell.toLowerCase();
  if ('text' in cell) return cell.text.toLowerCase();
  for (let i = cell.sparkline.length - 1; i >= 0; i -= 1) {
    const v = cell.sparkline[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** Text columns start A to Z; number columns start with the biggest (busiest, slowest, worst). */
export function nextTableSort(current: TableSort, column: Column): TableSort {
  if (current?.key === column.key) return { key: column.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const textual = column.kind === 'text' || column.kind === 'link';
  return { key: column.key, direction: textual ? 'ascending' : 'descending' };
}

/** A sorted copy; empty cells always go last, ties keep the server's order. */
export function sortRows<R extends Row>(rows: readonly R[], sort: TableSort): R[] {
  if (!sort) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row.cells[sort.key]) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const cmp = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value));
      return sign * cmp || a.index - b.index;
    })
    .map(({ row }) => row);
}

// The one sort model of every table: a column's sort value, its first direction, and a stable sort
// that keeps empty values last whichever way it runs. Pure, so it is unit-tested apart from React.

export type SortDirection = 'ascending' | 'descending';
/** What a cell sorts by; null (and NaN) is "no value": no traffic, no data, not applicable. */
export type SortValue = string | number | null;
/** null: the rows' own order (e.g. the server's, which puts the worst first). */
export type TableSort = { key: string; direction: SortDirection } | null;

export interface SortableColumn<T> {
  key: string;
  sortValue: (row: T) => SortValue;
  /** Numbers read right-aligned and start with the biggest (busiest, slowest, worst) unless firstDirection says otherwise. */
  numeric?: boolean;
  firstDirection?: SortDirection;
}

/** Text starts A to Z, numbers with the biggest; a column may say otherwise (success ratio: worst first). */
export function firstDirection(column: Pick<SortableColumn<never>, 'numeric' | 'firstDirection'>): SortDirection {
  return column.firstDirection ?? (column.numeric ? 'descending' : 'ascending');
}

/** Clicking the sorted column flips it; another column starts in its first direction. */
export function nextSort(current: TableSort, column: Pick<SortableColumn<never>, 'key' | 'numeric' | 'firstDirection'>): TableSort {
  if (current?.key === column.key) return { key: column.key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key: column.key, direction: firstDirection(column) };
}

const isEmpty = (v: SortValue): v is null => v === null || (typeof v === 'number' && Number.isNaN(v));

/** Numbers by value, text by letters ignoring case ('en' collation, so every browser agrees). */
export function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}

/**
 * A sorted copy (the input is left alone): empty values last in both directions, ties broken by `tie`
 * (e.g. the name) and then by the rows' own order. Values are read once per row: thousands of rows sort
 * in milliseconds.
 */
export function sortRows<T>(rows: readonly T[], sort: TableSort, columns: readonly SortableColumn<T>[], tie?: (a: T, b: T) => number): T[] {
  const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
  if (!sort || !column) return [...rows];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.sortValue(row) }))
    .sort((a, b) => {
      const emptyA = isEmpty(a.value);
      const emptyB = isEmpty(b.value);
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      const cmp = emptyA || emptyB ? 0 : sign * compareValues(a.value as string | number, b.value as string | number);
      return cmp || (tie ? tie(a.row, b.row) : 0) || a.index - b.index;
    })
    .map(({ row }) => row);
}

import { describe, expect, it } from 'vitest';
import { compareValues, firstDirection, nextSort, sortRows, type SortableColumn, type TableSort } from './sort-model';

interface Row {
  name: string;
  rps: number | null;
  success: number | null;
}
const row = (name: string, rps: number | null, success: number | null): Row => ({ name, rps, success });
const columns: SortableColumn<Row>[] = [
  { key: 'name', sortValue: (r) => r.name },
  { key: 'rps', numeric: true, sortValue: (r) => r.rps },
  { key: 'success', numeric: true, firstDirection: 'ascending', sortValue: (r) => r.success },
];
const rows = [row('payments', 4, 0.98), row('Catalog', 6, 0.999), row('idle', null, null), row('frontend', 10, 1), row('audit-export', 0.2, NaN)];
const names = (sort: TableSort) => sortRows(rows, sort, columns).map((r) => r.name);

describe('sortRows', () => {
  it.each<[TableSort, string[]]>([
    [null, ['payments', 'Catalog', 'idle', 'frontend', 'audit-export']],
    // Case is ignored: Catalog sits between audit-export and frontend.
    [{ key: 'name', direction: 'ascending' }, ['audit-export', 'Catalog', 'frontend', 'idle', 'payments']],
    [{ key: 'name', direction: 'descending' }, ['payments', 'idle', 'frontend', 'Catalog', 'audit-export']],
    // Empty values (null, NaN) last in both directions.
    [{ key: 'rps', direction: 'descending' }, ['frontend', 'Catalog', 'payments', 'audit-export', 'idle']],
    [{ key: 'rps', direction: 'ascending' }, ['audit-export', 'payments', 'Catalog', 'frontend', 'idle']],
    [{ key: 'success', direction: 'ascending' }, ['payments', 'Catalog', 'frontend', 'idle', 'audit-export']],
    [{ key: 'success', direction: 'descending' }, ['frontend', 'Catalog', 'payments', 'idle', 'audit-export']],
  ])('%j', (sort, expected) => {
    expect(names(sort)).toEqual(expected);
  });

  it('sorts numbers as numbers, not as text (10 after 9)', () => {
    const numbers = [row('a', 10, 0), row('b', 9, 0), row('c', 100, 0)];
    expect(sortRows(numbers, { key: 'rps', direction: 'ascending' }, columns).map((r) => r.rps)).toEqual([9, 10, 100]);
  });

  it('breaks ties with `tie`, then keeps the rows’ own order, and leaves the input alone', () => {
    const tied = [row('b', 1, 1), row('a', 1, 1), row('c', 1, 1)];
    expect(sortRows(tied, { key: 'rps', direction: 'descending' }, columns).map((r) => r.name)).toEqual(['b', 'a', 'c']);
    const byName = (x: Row, y: Row) => compareValues(x.name, y.name);
    expect(sortRows(tied, { key: 'rps', direction: 'descending' }, columns, byName).map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(tied.map((r) => r.name)).toEqual(['b', 'a', 'c']);
  });

  it('keeps the given order for a column it does not know', () => {
    expect(names({ key: 'nope', direction: 'ascending' })).toEqual(names(null));
  });
});

describe('nextSort', () => {
  it('starts text A to Z, numbers biggest first, and a column’s own first direction', () => {
    expect(firstDirection({})).toBe('ascending');
    expect(firstDirection({ numeric: true })).toBe('descending');
    expect(nextSort(null, { key: 'name' })).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, { key: 'rps', numeric: true })).toEqual({ key: 'rps', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, { key: 'success', numeric: true, firstDirection: 'ascending' })).toEqual({ key: 'success', direction: 'ascending' });
  });

  it('flips the sorted column', () => {
    expect(nextSort({ key: 'rps', direction: 'descending' }, { key: 'rps', numeric: true })).toEqual({ key: 'rps', direction: 'ascending' });
    expect(nextSort({ key: 'rps', direction: 'ascending' }, { key: 'rps', numeric: true })).toEqual({ key: 'rps', direction: 'descending' });
  });
});

import { describe, expect, it } from 'vitest';
import type { Cell } from '@/lib/dashboards/schema';
import { nextSort, sortRows, type SortableColumn } from '@/components/ui/sort-model';
import { cellSortValue } from './cell-sort-value';

type Row = { id: string; cells: Record<string, Cell> };
const row = (id: string, cells: Record<string, Cell>): Row => ({ id, cells });
const rows = [
  row('cart', { name: { text: 'cart', href: '/debug?service=cart' }, errors: 0.004, trend: { sparkline: [1, 3] } }),
  row('catalog', { name: { text: 'Catalog', href: '/debug?service=catalog' }, errors: null, trend: { sparkline: [5, null] } }),
  row('payments', { name: { text: 'payments', href: '/x' }, errors: 0.02, trend: { sparkline: [] } }),
];
// As the panel table builds its columns: numbers and sparklines are numeric.
const column = (key: string, numeric: boolean): SortableColumn<Row> => ({ key, numeric, sortValue: (r) => cellSortValue(r.cells[key]) });
const columns = [column('name', false), column('errors', true), column('trend', true)];
const ids = (r: Row[]) => r.map((x) => x.id);

describe('panel table cells in the one sort model', () => {
  it('keeps the server order until a column is chosen', () => {
    expect(ids(sortRows(rows, null, columns))).toEqual(['cart', 'catalog', 'payments']);
  });

  it('sorts numbers with empty cells last in both directions', () => {
    expect(ids(sortRows(rows, { key: 'errors', direction: 'descending' }, columns))).toEqual(['payments', 'cart', 'catalog']);
    expect(ids(sortRows(rows, { key: 'errors', direction: 'ascending' }, columns))).toEqual(['cart', 'payments', 'catalog']);
  });

  it('sorts links by their text, ignoring case', () => {
    expect(ids(sortRows(rows, { key: 'name', direction: 'ascending' }, columns))).toEqual(['cart', 'catalog', 'payments']);
  });

  it('sorts sparklines by their latest value, an empty one last', () => {
    expect(ids(sortRows(rows, { key: 'trend', direction: 'descending' }, columns))).toEqual(['catalog', 'cart', 'payments']);
  });

  it('starts numbers with the biggest and text from A, then flips', () => {
    expect(nextSort(null, columns[1] as SortableColumn<Row>)).toEqual({ key: 'errors', direction: 'descending' });
    expect(nextSort(null, columns[0] as SortableColumn<Row>)).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort({ key: 'errors', direction: 'descending' }, columns[1] as SortableColumn<Row>)).toEqual({ key: 'errors', direction: 'ascending' });
  });
});

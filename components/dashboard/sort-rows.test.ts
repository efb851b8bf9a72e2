import { describe, expect, it } from 'vitest';
import type { Cell, Column } from '@/lib/dashboards/schema';
import { nextTableSort, sortRows } from './sort-rows';

const row = (id: string, cells: Record<string, Cell>) => ({ id, cells });
const rows = [
  row('cart', { name: { text: 'cart', href: '/debug?service=cart' }, errors: 0.004, trend: { sparkline: [1, 3] } }),
  row('catalog', { name: { text: 'Catalog', href: '/debug?service=catalog' }, errors: null, trend: { sparkline: [5, null] } }),
  row('payments', { name: { text: 'payments', href: '/x' }, errors: 0.02, trend: { sparkline: [] } }),
];
const ids = (r: typeof rows) => r.map((x) => x.id);

describe('sortRows', () => {
  it('keeps the server order until a column is chosen', () => {
    expect(ids(sortRows(rows, null))).toEqual(['cart', 'catalog', 'payments']);
  });

  it('sorts numbers with empty cells last in both directions', () => {
    expect(ids(sortRows(rows, { key: 'errors', direction: 'descending' }))).toEqual(['payments', 'cart', 'catalog']);
    expect(ids(sortRows(rows, { key: 'errors', direction: 'ascending' }))).toEqual(['cart', 'payments', 'catalog']);
  });

  it('sorts links by their text, ignoring case', () => {
    expect(ids(sortRows(rows, { key: 'name', direction: 'ascending' }))).toEqual(['cart', 'catalog', 'payments']);
  });

  it('sorts sparklines by their latest value', () => {
    expect(ids(sortRows(rows, { key: 'trend', direction: 'descending' }))).toEqual(['catalog', 'cart', 'payments']);
  });
});

describe('nextTableSort', () => {
  const num: Column = { key: 'errors', label: 'Errors', kind: 'number', unit: 'ratio' };
  const text: Column = { key: 'name', label: 'Service', kind: 'link' };

  it('starts numbers with the biggest and text from A, then flips', () => {
    expect(nextTableSort(null, num)).toEqual({ key: 'errors', direction: 'descending' });
    expect(nextTableSort(null, text)).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextTableSort({ key: 'errors', direction: 'descending' }, num)).toEqual({ key: 'errors', direction: 'ascending' });
  });
});

import { describe, expect, it } from 'vitest';
import { nextSort, sortRows, type SortableColumn, type TableSort } from '@/components/ui/sort-model';
import { healthVerdict } from '@/lib/health';
import type { ServiceSummary } from '@/lib/queries/schemas';
import { byName, serviceColumns, SERVICES_DEFAULT_SORT } from './services-table';

const row = (service: string, rps: number | null, successRatio: number | null, p95Ms: number | null, namespace = 'shop'): ServiceSummary => ({
  namespace,
  service,
  rps,
  successRatio,
  p95Ms,
  reasons: {},
  // The API's verdict (lib/health) for these numbers; sorting only reads its level.
  health: healthVerdict({ errorRatio: successRatio === null ? null : 1 - successRatio, rps, windowSeconds: 300 }),
});

const rows = [
  row('payments', 4, 0.98, 300),
  row('catalog', 6, 0.999, 45),
  row('idle', 0, null, null),
  row('frontend', 10, 1, 80, 'edge'),
  row('audit-export', 0.2, 0.95, 1200, 'ops'),
];
const columns = serviceColumns();
const column = (key: string) => columns.find((c) => c.key === key) as SortableColumn<ServiceSummary>;

describe('services table order (the one sort model)', () => {
  it.each<[TableSort, string[]]>([
    [{ key: 'service', direction: 'ascending' }, ['audit-export', 'catalog', 'frontend', 'idle', 'payments']],
    [{ key: 'service', direction: 'descending' }, ['payments', 'idle', 'frontend', 'catalog', 'audit-export']],
    [{ key: 'rps', direction: 'descending' }, ['frontend', 'catalog', 'payments', 'audit-export', 'idle']],
    [{ key: 'successRatio', direction: 'ascending' }, ['audit-export', 'payments', 'catalog', 'frontend', 'idle']],
    [{ key: 'successRatio', direction: 'descending' }, ['frontend', 'catalog', 'payments', 'audit-export', 'idle']],
    [{ key: 'p95Ms', direction: 'ascending' }, ['catalog', 'frontend', 'payments', 'audit-export', 'idle']],
    // failing (5 %), warning (2 %), ok, ok, idle: worst first, ties by name.
    [{ key: 'health', direction: 'descending' }, ['audit-export', 'payments', 'catalog', 'frontend', 'idle']],
  ])('%j', (sort, expected) => {
    expect(sortRows(rows, sort, columns, byName).map((r) => r.service)).toEqual(expected);
  });

  it('starts worst first: the failing service on row 1, then the lower success within a level', () => {
    const tied = [row('a', 10, 0.999, 10), row('b', 10, 0.9985, 10), row('c', 10, 0.5, 10), row('d', 10, 0.97, 10)];
    // c fails (50 %), d warns (3 %), then two ok services, b (0.15 % errors) before a (0.1 %).
    expect(sortRows(tied, SERVICES_DEFAULT_SORT, columns, byName).map((r) => r.service)).toEqual(['c', 'd', 'b', 'a']);
  });

  it('breaks ties by name and leaves the input alone', () => {
    const tied = [row('b', 1, 1, 1), row('a', 1, 1, 1)];
    expect(sortRows(tied, { key: 'rps', direction: 'descending' }, columns, byName).map((r) => r.service)).toEqual(['a', 'b']);
    expect(tied.map((r) => r.service)).toEqual(['b', 'a']);
  });

  it.each<[TableSort, string, TableSort]>([
    [{ key: 'service', direction: 'ascending' }, 'service', { key: 'service', direction: 'descending' }],
    [{ key: 'service', direction: 'ascending' }, 'successRatio', { key: 'successRatio', direction: 'ascending' }],
    [{ key: 'service', direction: 'ascending' }, 'p95Ms', { key: 'p95Ms', direction: 'descending' }],
    [{ key: 'rps', direction: 'descending' }, 'rps', { key: 'rps', direction: 'ascending' }],
    [{ key: 'service', direction: 'ascending' }, 'health', { key: 'health', direction: 'descending' }],
  ])('%j + %s: worst or busiest first, a click flips', (current, key, expected) => {
    expect(nextSort(current, column(key))).toEqual(expected);
  });
});

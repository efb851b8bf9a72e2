import { describe, expect, it } from 'vitest';
import { healthVerdict } from '@/lib/health';
import type { ServiceSummary } from '@/lib/queries/schemas';
import { DEFAULT_SORT, nextSort, sortServices, type SortState } from './sort-services';

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

describe('sortServices', () => {
  it.each<[SortState, string[]]>([
    [{ key: 'service', direction: 'ascending' }, ['audit-export', 'catalog', 'frontend', 'idle', 'payments']],
    [{ key: 'service', direction: 'descending' }, ['payments', 'idle', 'frontend', 'catalog', 'audit-export']],
    [{ key: 'rps', direction: 'descending' }, ['frontend', 'catalog', 'payments', 'audit-export', 'idle']],
    [{ key: 'successRatio', direction: 'ascending' }, ['audit-export', 'payments', 'catalog', 'frontend', 'idle']],
    [{ key: 'successRatio', direction: 'descending' }, ['frontend', 'catalog', 'payments', 'audit-export', 'idle']],
    [{ key: 'p95Ms', direction: 'ascending' }, ['catalog', 'frontend', 'payments', 'audit-export', 'idle']],
    // failing (5 %), warning (2 %), ok, ok, idle: worst first, ties by name.
    [{ key: 'health', direction: 'descending' }, ['audit-export', 'payments', 'catalog', 'frontend', 'idle']],
  ])('%j', (sort, expected) => {
    expect(sortServices(rows, sort).map((r) => r.service)).toEqual(expected);
  });

  it('sorts worst first by default: health level, then the lower success within a level', () => {
    const failing = [row('a', 1, 0.9, 1), row('b', 1, 0.5, 1), row('c', 1, 0.999, 1)];
    expect(sortServices(failing, DEFAULT_SORT).map((r) => r.service)).toEqual(['b', 'a', 'c']);
    expect(sortServices(rows, DEFAULT_SORT)[0]?.service).toBe('audit-export');
  });

  it('breaks ties by name and leaves the input alone', () => {
    const tied = [row('b', 1, 1, 1), row('a', 1, 1, 1)];
    expect(sortServices(tied, { key: 'rps', direction: 'descending' }).map((r) => r.service)).toEqual(['a', 'b']);
    expect(tied.map((r) => r.service)).toEqual(['b', 'a']);
  });
});

describe('nextSort', () => {
  it.each<[SortState, SortState['key'], SortState]>([
    [{ key: 'service', direction: 'ascending' }, 'service', { key: 'service', direction: 'descending' }],
    [{ key: 'service', direction: 'ascending' }, 'successRatio', { key: 'successRatio', direction: 'ascending' }],
    [{ key: 'service', direction: 'ascending' }, 'p95Ms', { key: 'p95Ms', direction: 'descending' }],
    [{ key: 'rps', direction: 'descending' }, 'rps', { key: 'rps', direction: 'ascending' }],
    [{ key: 'service', direction: 'ascending' }, 'health', { key: 'health', direction: 'descending' }],
  ])('%j + %s', (current, key, expected) => {
    expect(nextSort(current, key)).toEqual(expected);
  });
});

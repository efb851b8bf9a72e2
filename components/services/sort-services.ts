import { HEALTH_RANK } from '@/lib/health/schema';
import type { ServiceSummary } from '@/lib/queries/schemas';

export type SortKey = 'service' | 'health' | 'rps' | 'successRatio' | 'p95Ms';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortState = { key: 'service', direction: 'ascending' };

/** The direction a column starts in: worst first for health and success, busiest/slowest first for the rest. */
export const FIRST_DIRECTION: Record<SortKey, SortDirection> = {
  service: 'ascending',
  health: 'descending',
  rps: 'descending',
  successRatio: 'ascending',
  p95Ms: 'descending',
};

/** Clicking the sorted column flips it; another column starts in its first direction. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key !== key) return { key, direction: FIRST_DIRECTION[key] };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

const byName = (a: ServiceSummary, b: ServiceSummary) =>
  compare(a.service, b.service) || compare(a.namespace, b.namespace);

function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy; services without a value (null) always go last, ties fall back to the name. */
export function sortServices(rows: readonly ServiceSummary[], { key, direction }: SortState): ServiceSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'service') return sign * byName(a, b);
    const x = key === 'health' ? HEALTH_RANK[a.health.level] : a[key];
    const y = key === 'health' ? HEALTH_RANK[b.health.level] : b[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * compare(x, y) || byName(a, b);
  });
}

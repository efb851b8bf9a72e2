import { HEALTH_RANK } from '@/lib/health/schema';
import type { ServiceSummary } from '@/lib/queries/schemas';

export type SortKey = 'service' | 'health' | 'rps' | 'successRatio' | 'p95Ms';
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: SortKey;
  direction: SortDirection;
}

/** Worst first: the service that needs someone is the first row, not the one whose name comes first. */
export const DEFAULT_SORT: SortState = { key: 'health', direction: 'descending' };

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

/** Within one health level, the lower success ratio is the worse; a service without one is the least bad. */
const bySuccess = (a: ServiceSummary, b: ServiceSummary) => compare(a.successRatio ?? 2, b.successRatio ?? 2);

function compare<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A sorted copy; services without a value (null) always go last, ties fall back to the name. */
export function sortServices(rows: readonly ServiceSummary[], { key, direction }: SortState): ServiceSummary[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'service') return sign * byName(a, b);
    if (key === 'health') return sign * (compare(HEALTH_RANK[a.health.level], HEALTH_RANK[b.health.level]) || bySuccess(b, a)) || byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * compare(x, y) || byName(a, b);
  });
}

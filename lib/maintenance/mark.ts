import { overlaps } from './intervals';
import { covers, type MaintenancePeriod } from './schema';

// Marking history with maintenance windows: backtest episodes and report incidents that overlap a
// window of their service carry the windows' ids, and each lists the windows of its range. Pure.

/** The windows of `target`'s service (or of every service, without a target) overlapping [from, to), as periods. */
export function periodsIn(windows: readonly MaintenancePeriod[], range: { from: number; to: number }, target?: { namespace: string; service: string }): MaintenancePeriod[] {
  return windows
    .filter((w) => (target === undefined || covers(w.scope, target)) && overlaps({ start: range.from, end: range.to }, w))
    .map(({ id, scope, start, end, reason, createdBy }) => ({ id, scope, start, end, reason, createdBy }))
    .sort((a, b) => a.start - b.start || a.id - b.id);
}

/** `item` with `maintenance`: the ids of the windows it overlaps; unchanged when none does. */
export function markOverlaps<T extends { start: number; end: number | null }>(item: T, windows: readonly MaintenancePeriod[]): T & { maintenance?: number[] } {
  const ids = windows.filter((w) => overlaps(item, w)).map((w) => w.id);
  return ids.length > 0 ? { ...item, maintenance: ids } : item;
}

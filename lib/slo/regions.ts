import { buildStatus, type WindowCounts } from './status';
import type { SloSpec } from './spec';
import type { RegionStatus, SloStatus } from './status-schema';

// Per-region figures of a perRegion SLO: the counts of each region's clusters (summed per region by
// the caller, never ratios averaged) through the same status math as the top level. Pure.

/** Region -> window -> counts of the requests its clusters served. */
export type RegionCounts = Readonly<Record<string, Readonly<Record<string, WindowCounts>>>>;

/** 2 while a page fires, 1 while only a ticket does, 0 otherwise. */
function firingRank(status: Pick<RegionStatus, 'alerts'>): number {
  if (status.alerts.some((a) => a.firing && a.severity === 'page')) return 2;
  return status.alerts.some((a) => a.firing) ? 1 : 0;
}

/**
 * Worst first: a firing page, then a firing ticket, then the least budget left (no traffic last),
 * then by name, so the order is stable.
 */
export function compareRegions(a: RegionStatus, b: RegionStatus): number {
  const remaining = (r: RegionStatus) => r.errorBudget.remaining ?? Number.POSITIVE_INFINITY;
  return firingRank(b) - firingRank(a) || remaining(a) - remaining(b) || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0);
}

/** Each region's status (worst first) from its per-window counts, at `time` (unix seconds). */
export function regionStatuses(spec: SloSpec, counts: RegionCounts, time: number): RegionStatus[] {
  return Object.entries(counts)
    .map(([region, windows]): RegionStatus => {
      const { sli, errorBudget, burnRates, alerts, traffic, recommendation, state } = buildStatus(spec, windows, time);
      return { region, sli, errorBudget, burnRates, alerts, traffic, recommendation, state };
    })
    .sort(compareRegions);
}

/** The worst region worth naming: null when no region had traffic in the SLO window. */
export function worstRegion(regions: readonly RegionStatus[]): string | null {
  const [first] = regions;
  return first && (firingRank(first) > 0 || first.errorBudget.remaining !== null) ? first.region : null;
}

/**
 * One region's figures in the place of the status's own, for code that reads whole statuses (the
 * executive's budget rows, lib/health's verdict); `source` goes, since regions are always read raw.
 */
export function regionAsStatus(status: SloStatus, region: RegionStatus): SloStatus {
  const { sli, errorBudget, burnRates, alerts, traffic, recommendation, state } = region;
  return { name: status.name, evaluatedAt: status.evaluatedAt, timeToExhaustionSeconds: null, sli, errorBudget, burnRates, alerts, traffic, recommendation, state };
}

/** `status` with its regions and the worst one named. */
export function withRegions(status: SloStatus, spec: SloSpec, counts: RegionCounts, time: number): SloStatus {
  const regions = regionStatuses(spec, counts, time);
  return { ...status, regions, worstRegion: worstRegion(regions) };
}

import 'server-only';
import { pool } from '@/lib/concurrency';
import type { PrometheusClient } from '@/lib/prometheus';
import { covers, mergeIntervals, totalSeconds, type Interval, type MaintenanceScope } from '@/lib/maintenance';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import type { WindowCounts } from '@/lib/slo/status';
import type { MaintenanceExclusion } from '@/lib/slo/status-schema';
import { windowSeconds } from '@/lib/slo/windows';
import { countsFromResults, planRawQueries, type CountQuery, type CountSample } from './bulk-queries';

// An SLO with `excludeMaintenance` leaves the requests inside its maintenance windows out of its
// budget: the counts over each (merged) window interval within the SLO window are subtracted from the
// SLO window's counts. One grouped query per interval and indicator kind, evaluated at the interval's
// end over its length, for every SLO that interval concerns (bulk-queries.ts plans them, as for the
// status windows). Only the SLO window is adjusted: the burn-rate windows of the alerts are not.

export interface ExclusionWindow {
  scope: MaintenanceScope;
  start: number;
  end: number;
}

export interface SpecExclusion {
  intervals: Interval[];
  /** How many maintenance windows the intervals merge. */
  windows: number;
}

/** Per SLO with excludeMaintenance, its windows' intervals within [time - SLO window, time]; none without any. */
export function exclusionsOf(specs: readonly SloSpec[], windows: readonly ExclusionWindow[], time: number): Map<string, SpecExclusion> {
  return exclusionsIn(specs, windows, (spec) => ({ from: time - windowSeconds(spec.window), to: time }));
}

/** The same within each SLO's own range (a report period: the same for every SLO). */
export function exclusionsIn(specs: readonly SloSpec[], windows: readonly ExclusionWindow[], rangeOf: (spec: SloSpec) => { from: number; to: number }): Map<string, SpecExclusion> {
  const out = new Map<string, SpecExclusion>();
  for (const spec of specs) {
    if (!spec.excludeMaintenance) continue;
    const { from, to: time } = rangeOf(spec);
    const mine = windows.filter((w) => covers(w.scope, spec) && w.start < time && w.end > from);
    const intervals = mergeIntervals(mine, from, time);
    if (intervals.length > 0) out.set(spec.name, { intervals, windows: mine.length });
  }
  return out;
}

const key = (i: Interval) => `${i.start}-${i.end}`;

/** The counts inside each SLO's intervals, summed over them; the queries that ran. */
export async function excludedCounts(
  specs: readonly SloSpec[],
  exclusions: ReadonlyMap<string, SpecExclusion>,
  sli: SliSource,
  opts: { client: PrometheusClient; signal?: AbortSignal; concurrency: number },
): Promise<{ counts: Map<string, WindowCounts>; queries: CountQuery[] }> {
  const byInterval = new Map<string, { interval: Interval; specs: SloSpec[] }>();
  for (const spec of specs) {
    for (const interval of exclusions.get(spec.name)?.intervals ?? []) {
      const entry = byInterval.get(key(interval)) ?? { interval, specs: [] };
      entry.specs.push(spec);
      byInterval.set(key(interval), entry);
    }
  }
  const counts = new Map<string, WindowCounts>();
  const ran: CountQuery[] = [];
  await pool([...byInterval.values()], opts.concurrency, async ({ interval, specs: concerned }) => {
    // Whole seconds: PromQL durations take no fraction, and an interval ends at the request's instant,
    // which is fractional when the caller gave no time (a live preview asks at Date.now() / 1000).
    const range = `${Math.max(1, Math.round(interval.end - interval.start))}s`;
    const queries = planRawQueries(concerned.map((spec) => ({ spec, windows: [range] })), sli);
    ran.push(...queries);
    const results = new Map<string, CountSample[]>();
    for (const q of queries) {
      const result = await opts.client.instantQuery(q.query, { time: interval.end, signal: opts.signal });
      results.set(q.id, result.resultType === 'vector' ? result.samples : []);
    }
    for (const spec of concerned) {
      const read = countsFromResults(spec, results, sli, [range]);
      const inside = read.ok ? read.counts[range] : undefined;
      if (!inside) continue;
      const sum = counts.get(spec.name) ?? { bad: 0, total: 0 };
      counts.set(spec.name, { bad: sum.bad + inside.bad, total: sum.total + inside.total });
    }
  });
  return { counts, queries: ran };
}

/** `whole` without the counts inside the maintenance intervals. */
export function subtractCounts(whole: WindowCounts, inside: WindowCounts | undefined): WindowCounts {
  const removed = inside ?? { bad: 0, total: 0 };
  return { bad: Math.max(0, whole.bad - removed.bad), total: Math.max(0, whole.total - removed.total) };
}

/** What a status or report row says about the exclusion. */
export const exclusionSummary = (exclusion: SpecExclusion, inside: WindowCounts | undefined): MaintenanceExclusion => ({
  windows: exclusion.windows,
  seconds: totalSeconds(exclusion.intervals),
  events: Math.round(inside?.total ?? 0),
});

/** The SLO window's counts without the maintenance intervals', and what the status says about it. */
export function withoutMaintenance(spec: SloSpec, counts: Record<string, WindowCounts>, exclusion: SpecExclusion, inside: WindowCounts | undefined): MaintenanceExclusion {
  counts[spec.window] = subtractCounts(counts[spec.window] ?? { bad: 0, total: 0 }, inside);
  return exclusionSummary(exclusion, inside);
}

/** The specs that have an exclusion. */
export const exclusionSubset = (specs: readonly SloSpec[], exclusions: ReadonlyMap<string, SpecExclusion>) => specs.filter((s) => exclusions.has(s.name));

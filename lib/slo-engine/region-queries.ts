import { regionOf, type RegionMap } from '@/lib/env-regions';
import { parseLe } from '@/lib/slo/queries';
import type { RegionCounts } from '@/lib/slo/regions';
import { isRegional } from '@/lib/slo/rules/region-rules';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { statusWindows, type WindowCounts } from '@/lib/slo/status';
import { sortWindows } from '@/lib/slo/windows';
import { availabilityQuery, latencyQuery, ofService, PART_LABEL, queryId, type CountQuery, type CountSample } from './bulk-queries';

// The per-region figures of perRegion SLOs: one query per window per indicator kind, grouped by
// service and serving cluster in PromQL, whatever the number of SLOs, clusters or regions; clusters
// become regions here (MESHWATCH_REGIONS), where counts are summed per region. Pure.

const KIND_SUFFIX = '-by-cluster';
const regionalKind = (kind: 'availability' | 'latency') => `${kind}${KIND_SUFFIX}`;

/** The specs evaluated per region: perRegion ones, when regions are configured at all. */
export function regionalSpecs(specs: readonly SloSpec[], regions: RegionMap): SloSpec[] {
  return specs.filter((s) => isRegional(s, regions));
}

/** Queries for every status window of `specs` (perRegion ones), grouped by service and cluster. */
export function planRegionQueries(specs: readonly SloSpec[], source: SliSource): CountQuery[] {
  const queries: CountQuery[] = [];
  for (const kind of ['availability', 'latency'] as const) {
    const ofKind = specs.filter((s) => s.indicator.type === kind);
    for (const window of sortWindows(ofKind.flatMap(statusWindows))) {
      const needing = ofKind.filter((s) => statusWindows(s).includes(window));
      const query = kind === 'availability' ? availabilityQuery(needing, window, source, 'cluster') : latencyQuery(needing, window, source, 'cluster');
      queries.push({ id: queryId(regionalKind(kind), window), query });
    }
  }
  return queries;
}

/** Samples of one service, per region of their cluster (samples of no cluster are dropped). */
function byRegion(samples: readonly CountSample[], source: SliSource, regions: RegionMap): Map<string, CountSample[]> {
  const out = new Map<string, CountSample[]>();
  for (const s of samples) {
    const region = regionOf(s.labels[source.clusterLabel], regions);
    if (region !== undefined) out.set(region, [...(out.get(region) ?? []), s]);
  }
  return out;
}

const sum = (samples: readonly CountSample[]) => samples.reduce((acc, s) => acc + (Number.isFinite(s.value) ? s.value : 0), 0);

/**
 * A region's counts over one window: errors and requests of its clusters summed (never ratios
 * averaged). Latency: all requests (+Inf) minus those within the threshold; a region whose
 * threshold bucket is missing gets no figure for the window rather than a wrong one.
 */
function regionWindow(spec: SloSpec, samples: readonly CountSample[]): WindowCounts | undefined {
  if (spec.indicator.type !== 'latency') {
    return { bad: sum(samples.filter((s) => s.labels[PART_LABEL] === 'bad')), total: sum(samples.filter((s) => s.labels[PART_LABEL] === 'total')) };
  }
  const threshold = spec.indicator.thresholdMs;
  const total = sum(samples.filter((s) => parseLe(s.labels.le ?? '') === Number.POSITIVE_INFINITY));
  const good = samples.filter((s) => parseLe(s.labels.le ?? '') === threshold);
  if (good.length === 0 && total > 0) return undefined;
  return { bad: total - sum(good), total };
}

/** Each region's per-window counts for `spec`, from the results of planRegionQueries(). */
export function regionCountsFromResults(spec: SloSpec, results: ReadonlyMap<string, readonly CountSample[]>, source: SliSource, regions: RegionMap): RegionCounts {
  const kind = spec.indicator.type === 'latency' ? 'latency' : 'availability';
  const counts: Record<string, Record<string, WindowCounts>> = {};
  for (const window of statusWindows(spec)) {
    const mine = (results.get(queryId(regionalKind(kind), window)) ?? []).filter(ofService(spec, source));
    for (const [region, samples] of byRegion(mine, source, regions)) {
      const c = regionWindow(spec, samples);
      counts[region] ??= {};
      if (c) counts[region][window] = c;
    }
  }
  return counts;
}

/** Whether a planned query is one of these (for a panel's Inspect wording). */
export const isRegionQuery = (q: CountQuery): boolean => q.id.split(':')[0]?.endsWith(KIND_SUFFIX) ?? false;

import { leRegex, parseLe, windowExprs } from '@/lib/slo/queries';
import type { ServiceMatch, SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import { statusWindows, type WindowCounts } from '@/lib/slo/status';
import { sortWindows } from '@/lib/slo/windows';

// Statuses of many SLOs from a bounded number of queries: one per window per indicator kind, each
// grouped by service (the mesh's service labels, from its SliSource), however many SLOs there are.
// Custom SLOs carry their own PromQL, which cannot be merged, so each costs one query per window.
// Pure: plans queries, reads results.

/** Label that tells the bad and the total half of a combined query apart. */
export const PART_LABEL = 'slo_part';
const byService = (source: SliSource) => `${source.serviceLabels.namespace}, ${source.serviceLabels.service}`;

export interface CountQuery {
  id: string;
  query: string;
}

export interface CountSample {
  labels: Record<string, string>;
  value: number;
}

export type SpecCounts = { ok: true; counts: Record<string, WindowCounts> } | { ok: false; missingThresholdMs: number };

const part = (expr: string, name: 'bad' | 'total') => `label_replace(${expr}, "${PART_LABEL}", "${name}", "", "")`;
const serviceKey = (namespace: string, service: string) => `${namespace}\u0000${service}`;
export const queryId = (kind: string, window: string, name?: string) => (name ? `${kind}:${name}:${window}` : `${kind}:${window}`);

/**
 * Grouped queries either per service or, for per-region SLOs, per service and serving cluster (series
 * without a cluster label are left out of the latter: they belong to no region).
 */
export type Grouping = 'service' | 'cluster';

function serviceFilter(specs: readonly SloSpec[], grouping: Grouping): ServiceMatch {
  return {
    namespace: ['=~', { literal: [...new Set(specs.map((s) => s.namespace))].sort() }],
    service: ['=~', { literal: [...new Set(specs.map((s) => s.service))].sort() }],
    ...(grouping === 'cluster' ? { cluster: ['!=', ''] as const } : {}),
  };
}

const groupLabels = (source: SliSource, grouping: Grouping) => (grouping === 'cluster' ? `${byService(source)}, ${source.clusterLabel}` : byService(source));

export function availabilityQuery(specs: readonly SloSpec[], window: string, source: SliSource, grouping: Grouping = 'service'): string {
  const filter = serviceFilter(specs, grouping);
  const sum = (selector: string) => `sum by (${groupLabels(source, grouping)}) (increase(${selector}[${window}]))`;
  return `${part(sum(source.failedRequests(filter)), 'bad')} or ${part(sum(source.allRequests(filter)), 'total')}`;
}

export function latencyQuery(specs: readonly SloSpec[], window: string, source: SliSource, grouping: Grouping = 'service'): string {
  const thresholds = [...new Set(specs.map((s) => (s.indicator.type === 'latency' ? s.indicator.thresholdMs : 0)))].sort((a, b) => a - b);
  const le = [...thresholds.map(leRegex), '\\+Inf'].join('|');
  return `sum by (${groupLabels(source, grouping)}, le) (increase(${source.latencyBuckets(serviceFilter(specs, grouping), ['=~', le])}[${window}]))`;
}

/** Windows of one SLO the raw counters must give (those without a recorded series, recorded-read.ts). */
export interface RawNeed {
  spec: SloSpec;
  windows: readonly string[];
}

/**
 * Raw queries for the windows each spec needs: one per window per indicator kind, grouped by
 * service over the specs needing that window, plus one per window per custom SLO.
 */
export function planRawQueries(needs: readonly RawNeed[], source: SliSource): CountQuery[] {
  const queries: CountQuery[] = [];
  for (const kind of ['availability', 'latency'] as const) {
    const ofKind = needs.filter((n) => n.spec.indicator.type === kind);
    for (const window of sortWindows(ofKind.flatMap((n) => n.windows))) {
      const needing = ofKind.filter((n) => n.windows.includes(window)).map((n) => n.spec);
      const query = kind === 'availability' ? availabilityQuery(needing, window, source) : latencyQuery(needing, window, source);
      queries.push({ id: queryId(kind, window), query });
    }
  }
  for (const { spec, windows } of needs.filter((n) => n.spec.indicator.type === 'custom')) {
    for (const window of windows) {
      const { bad, total } = windowExprs(spec, window, source);
      queries.push({ id: queryId('custom', window, spec.name), query: `${part(bad, 'bad')} or ${part(total, 'total')}` });
    }
  }
  return queries;
}

/** The queries that give every window of every spec: bounded by windows x kinds, plus custom SLOs. */
export function planCountQueries(specs: readonly SloSpec[], source: SliSource): CountQuery[] {
  return planRawQueries(
    specs.map((spec) => ({ spec, windows: statusWindows(spec) })),
    source,
  );
}

/** Whether a grouped sample (or series) is `spec`'s service's, by the mesh's service labels. */
export const ofService =
  (spec: Pick<SloSpec, 'namespace' | 'service'>, source: SliSource) =>
  (s: { labels: Record<string, string> }): boolean =>
    serviceKey(s.labels[source.serviceLabels.namespace] ?? '', s.labels[source.serviceLabels.service] ?? '') === serviceKey(spec.namespace, spec.service);

function partCounts(samples: readonly CountSample[]): WindowCounts {
  const value = (name: string) => samples.find((s) => s.labels[PART_LABEL] === name)?.value;
  // No bad series (a service that never failed) is zero errors; no total series is no traffic.
  return { bad: value('bad') ?? 0, total: value('total') ?? 0 };
}

/** Reads one spec's per-window counts (all its status windows by default) out of the planned queries' results. */
export function countsFromResults(
  spec: SloSpec,
  results: ReadonlyMap<string, readonly CountSample[]>,
  source: SliSource,
  windows: readonly string[] = statusWindows(spec),
): SpecCounts {
  const counts: Record<string, WindowCounts> = {};
  for (const window of windows) {
    const kind = spec.indicator.type;
    const samples = results.get(queryId(kind, window, kind === 'custom' ? spec.name : undefined)) ?? [];
    if (spec.indicator.type !== 'latency') {
      counts[window] = partCounts(kind === 'custom' ? samples : samples.filter(ofService(spec, source)));
      continue;
    }
    const threshold = spec.indicator.thresholdMs;
    const buckets = samples.filter(ofService(spec, source));
    // Every spelling of a bound adds up ("250" and "250.0" side by side for a window after a Prometheus
    // 2 -> 3 upgrade), as the generated rule's le=~ does and region-queries.ts does.
    const bucket = (le: number) => {
      const matching = buckets.filter((s) => parseLe(s.labels.le ?? '') === le);
      return matching.length === 0 ? undefined : matching.reduce((sum, s) => sum + s.value, 0);
    };
    const total = bucket(Number.POSITIVE_INFINITY) ?? 0;
    const good = bucket(threshold);
    if (good === undefined && total > 0) return { ok: false, missingThresholdMs: threshold };
    counts[window] = { bad: total - (good ?? 0), total };
  }
  return { ok: true, counts };
}

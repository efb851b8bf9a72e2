import { escapeLabelValue, escapeRegex } from '@/lib/promql';
import { hasRegions, type RegionMap } from '@/lib/env-regions';
import { counterSelectors } from '../queries';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';

// Recording expressions of a perRegion SLO, grouped by region: the serving cluster (the mesh's label,
// from its SliSource) becomes a `region` label in PromQL itself, so Prometheus alone can alert per
// region, with unmapped clusters their own region as everywhere else (lib/env-regions.ts). Pure.

/** The label of region-grouped recorded series and of their alerts (absent on all-regions ones). */
export const REGION_LABEL = 'region';

/** Whether `spec` gets region-grouped rules under `regions`: perRegion, regions configured, an indicator with a known cluster label. */
export const isRegional = (spec: SloSpec, regions: RegionMap): boolean => spec.perRegion === true && spec.indicator.type !== 'custom' && hasRegions(regions);

/**
 * `expr` with a `region` label: the cluster's own name, then each mapped region over its clusters
 * (label_replace anchors its regex, so `a|b` matches exactly a or b). One call per region, not per cluster.
 */
export function withRegionLabel(expr: string, clusterLabel: string, regions: RegionMap): string {
  const clustersOf = new Map<string, string[]>();
  for (const [cluster, region] of Object.entries(regions)) clustersOf.set(region, [...(clustersOf.get(region) ?? []), cluster]);
  const quote = (text: string) => `"${escapeLabelValue(text)}"`;
  let out = `label_replace(${expr}, ${quote(REGION_LABEL)}, "$1", ${quote(clusterLabel)}, "(.+)")`;
  for (const [region, clusters] of [...clustersOf].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // `$` would be read as a capture group reference in the replacement.
    out = `label_replace(${out}, ${quote(REGION_LABEL)}, ${quote(region.split('$').join('$$'))}, ${quote(clusterLabel)}, ${quote(clusters.sort().map(escapeRegex).join('|'))})`;
  }
  return out;
}

/**
 * Region-grouped counterparts of windowExprs(): `sum by (region)` of the increases over series that
 * name a cluster. A region without failures records 0, not nothing (`or total * 0`); a region without
 * traffic records no ratio. Latency: all requests minus those within the threshold, per region.
 */
export function regionWindowExprs(spec: SloSpec, window: string, source: SliSource, regions: RegionMap): { ratio: string; total: string } {
  const sel = counterSelectors(spec, source, ['!=', '']);
  if (sel === null) throw new Error(`SLO ${spec.name}: a custom indicator has no region-grouped rules`);
  const sum = (selector: string) => `sum by (${REGION_LABEL}) (${withRegionLabel(`increase(${selector}[${window}])`, source.clusterLabel, regions)})`;
  const total = sum(sel.total);
  if (sel.good !== undefined) return { ratio: `(${total} - ${sum(sel.good)}) / (${total} > 0)`, total };
  return { ratio: `(${sum(sel.bad ?? '')} or ${total} * 0) / (${total} > 0)`, total };
}

/** Whether a recording rule's expression (ours, or Prometheus' reprint of it) is one of the region-grouped ones. */
export const isRegionGrouped = (expr: string): boolean => new RegExp(`sum\\s*by\\s*\\(\\s*${REGION_LABEL}\\s*\\)`).test(expr);

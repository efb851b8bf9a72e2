import { durationToPromql } from '@/lib/promql';
import { regionOf, type RegionMap } from '@/lib/env-regions';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';
import { isRegional } from './region-rules';
import { seriesText, syntheticCounters } from './rule-test-series';

// The per-region case of a perRegion SLO's rule tests: one region burns, another serves normal
// traffic at the same time; the alerts must fire for the first region only. Pure.

export interface TestCluster {
  cluster: string;
  region: string;
}

/** Two clusters of different regions for the tests: mapped ones where the map has two regions. */
export interface TestClusters {
  burning: TestCluster;
  normal: TestCluster;
}

/** The clusters a perRegion SLO's rule tests use under `regions`; null when the SLO has no regional rules. */
export function testClusters(spec: SloSpec, regions: RegionMap): TestClusters | null {
  if (!isRegional(spec, regions)) return null;
  const mapped = Object.keys(regions).sort();
  const first = mapped[0] ?? '';
  const burning = { cluster: first, region: regionOf(first, regions) ?? first };
  const other = mapped.find((c) => regionOf(c, regions) !== burning.region);
  if (other !== undefined) return { burning, normal: { cluster: other, region: regionOf(other, regions) ?? other } };
  // A single mapped region: a cluster nobody mapped is a region of its own.
  let cluster = `${first}-other`;
  while (Object.hasOwn(regions, cluster) || cluster === burning.region) cluster += '-x';
  return { burning, normal: { cluster, region: cluster } };
}

interface RegionTestParams {
  stepS: number;
  eventsPerMinute: number;
  burnBad: number;
  normalBad: number;
  /** Samples per series. */
  end: number;
  /** The burn test's last case: every reachable alert fired, labelled with the burning region. */
  last: { eval_time: string; alertname: string; exp_alerts: unknown[] };
}

export function regionTest(spec: SloSpec, source: SliSource, clusters: TestClusters, p: RegionTestParams) {
  const series = (bad: number, cluster: string) =>
    syntheticCounters(spec, source, bad, p.eventsPerMinute, cluster).map((c) => ({ series: seriesText(c), values: `0+${c.perMinute}x${p.end}` }));
  return {
    name: `${spec.name}: region ${clusters.burning.region} burns while ${clusters.normal.region} serves normal traffic: only ${clusters.burning.region}'s alerts fire`,
    interval: durationToPromql(p.stepS),
    input_series: [...series(p.burnBad, clusters.burning.cluster), ...series(p.normalBad, clusters.normal.cluster)],
    alert_rule_test: [p.last],
  };
}

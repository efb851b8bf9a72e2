// MESHWATCH_REGIONS parsing for lib/env.ts (pure; reads no environment itself), and the one mapping
// from a mesh cluster to its region that the SLO engine, the rules and the dashboards share.

import { parsePairs } from './env-pairs';

// Cluster names are Kubernetes-style names (lowercase DNS labels, dots allowed as in `prod.us-east`);
// region names end up in Prometheus label values, alert routes and the UI, so they keep the same shape.
const NAME = /^[a-z0-9]([-a-z0-9._]{0,251}[a-z0-9])?$/;

/** cluster -> region; empty when MESHWATCH_REGIONS is unset (a single-cluster mesh: no region anywhere). */
export type RegionMap = Readonly<Record<string, string>>;

/**
 * `prod-us-east=us-east,prod-eu-west=eu-west`: cluster -> region. Several clusters may share a region.
 * Returns a problem description instead of throwing.
 */
export function parseRegions(text: string | undefined): Record<string, string> | string {
  const valid = (name: string) => NAME.test(name);
  return parsePairs(text, { key: 'cluster', value: 'region', validKey: valid, validValue: valid, valueHint: "lowercase letters, digits, '-', '.', '_'" });
}

/** Whether regions are configured at all: without, no region figure, column or rule exists. */
export const hasRegions = (regions: RegionMap): boolean => Object.keys(regions).length > 0;

/**
 * The region of a cluster: the mapped one, else the cluster's own name (a cluster nobody mapped is
 * its own region); undefined for series without a cluster label, which count only in the totals.
 */
export function regionOf(cluster: string | undefined, regions: RegionMap): string | undefined {
  if (cluster === undefined || cluster === '') return undefined;
  return Object.hasOwn(regions, cluster) ? regions[cluster] : cluster;
}

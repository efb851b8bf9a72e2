import 'server-only';
import type { PrometheusClient } from '@/lib/prometheus';
import { detectedMesh } from '@/lib/mesh-detected';

// The clusters a mesh spans, for the dashboards' cluster filter (shown only with more than one).
// One label-values call over every block Prometheus holds (like mesh detection), so a pinned
// historical view knows its clusters too; cached per process, since clusters come and go rarely.

/** Clusters rarely change; look again after this long so a newly joined cluster appears. */
const CLUSTERS_TTL_MS = 5 * 60_000;

let cached: { key: string; clusters: string[]; at: number } | undefined;

/** The mesh's clusters, sorted; one or none on a single-cluster mesh. */
export async function meshClusters(client: PrometheusClient, signal?: AbortSignal): Promise<string[]> {
  const { adapter } = await detectedMesh(client, signal);
  const { label, match } = adapter.clusterDiscovery;
  const key = `${adapter.kind} ${label} ${match}`;
  if (cached && cached.key === key && Date.now() - cached.at < CLUSTERS_TTL_MS) return cached.clusters;
  const values = await client.labelValues(label, { match: [match], signal });
  const clusters = [...new Set(values.filter((v) => v !== ''))].sort();
  cached = { key, clusters, at: Date.now() };
  return clusters;
}

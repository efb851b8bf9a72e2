// Deployments read from telemetry: a revision is deployed when its first series appears. Pure.
import { readDim, type MeshQuery } from '@/lib/mesh';
import type { Series } from '@/lib/prometheus/query-schemas';
import type { Marker } from '../../schema';

export interface Rollout {
  namespace: string;
  service: string;
  revision: string;
  /** First evaluation time (ms) the revision was seen: at most one step after it started serving. */
  timeMs: number;
  /** Revisions of the same service seen earlier in the range. */
  previous: string[];
}

/**
 * Rollouts within a range query of the adapter's `revisions` (one series per namespace, service and
 * revision). A revision already present at the first evaluation time existed before the range: not
 * a rollout in it. Sorted newest first.
 */
export function findRollouts(series: readonly Series[], query: MeshQuery, rangeStartMs: number): Rollout[] {
  const rollouts: Rollout[] = [];
  for (const s of series) {
    const first = s.points.find(([, v]) => v > 0)?.[0];
    if (first === undefined || first <= rangeStartMs) continue;
    const namespace = readDim(s.labels, query, 'namespace');
    const service = readDim(s.labels, query, 'service');
    const previous = series
      .filter((o) => o !== s && readDim(o.labels, query, 'namespace') === namespace && readDim(o.labels, query, 'service') === service)
      .filter((o) => o.points.some(([t, v]) => t < first && v > 0))
      .map((o) => readDim(o.labels, query, 'revision'))
      .sort();
    rollouts.push({ namespace, service, revision: readDim(s.labels, query, 'revision'), timeMs: first, previous });
  }
  return rollouts.sort((a, b) => b.timeMs - a.timeMs);
}

export function rolloutMarkers(rollouts: readonly Rollout[]): Marker[] {
  return rollouts.map((r) => ({ timeMs: r.timeMs, label: `${r.namespace}/${r.service} → ${r.revision}`, kind: 'deployment' }));
}

// Restarts read from a range query of restart counters: a restart is a step where the count grows. Pure.
import { readDim, type MeshQuery } from '@/lib/mesh';
import type { Series } from '@/lib/prometheus/query-schemas';
import type { Marker } from '../../schema';

/**
 * One marker per increase of a pod's restart counter, at the first evaluation time that saw it
 * (the restart happened within the step before). Only pods whose name starts with `podPrefix`.
 */
export function restartMarkers(series: readonly Series[], query: MeshQuery, podPrefix = ''): Marker[] {
  const markers: Marker[] = [];
  for (const s of series) {
    const pod = readDim(s.labels, query, 'pod');
    if (!pod.startsWith(podPrefix)) continue;
    for (let i = 1; i < s.points.length; i += 1) {
      const [t, v] = s.points[i] as [number, number];
      const before = s.points[i - 1]?.[1] ?? v;
      if (v > before) markers.push({ timeMs: t, label: `restart ${readDim(s.labels, query, 'namespace')}/${pod}`, kind: 'other' });
    }
  }
  return markers.sort((a, b) => a.timeMs - b.timeMs);
}

// Which mesh produced the telemetry, from the metric names present. Pure: the caller runs the lookup.
import type { MeshKind } from './types';

/** Request counters that identify each mesh's proxies. */
export const MESH_MARKERS: Readonly<Record<MeshKind, string>> = {
  istio: 'istio_requests_total',
  linkerd: 'request_total',
};

/** Series matcher for a `/api/v1/label/__name__/values` lookup of the marker metrics. */
export const MESH_MARKER_MATCH = `{__name__=~"${Object.values(MESH_MARKERS).join('|')}"}`;

export interface Detection {
  kind: MeshKind;
  /** Why this mesh was chosen, when it was not obvious. */
  warning?: string;
}

/**
 * Picks the mesh from the metric names present: `MESH=istio|linkerd` wins; with `auto`, the mesh
 * whose request counter exists. Istio is the default when neither or both exist, with a warning.
 */
export function chooseMesh(configured: MeshKind | 'auto', metricNames: readonly string[]): Detection {
  if (configured !== 'auto') return { kind: configured };
  const present = (Object.keys(MESH_MARKERS) as MeshKind[]).filter((k) => metricNames.includes(MESH_MARKERS[k]));
  if (present.length === 1 && present[0]) return { kind: present[0] };
  if (present.length === 0) {
    return { kind: 'istio', warning: 'No mesh request metrics (istio_requests_total, request_total) found; assuming Istio. Set MESH to choose.' };
  }
  return { kind: 'istio', warning: 'Both Istio and Linkerd request metrics are present; showing Istio. Set MESH=linkerd to switch.' };
}

import 'server-only';
import { getEnv } from '@/lib/env';
import { chooseMesh, istioAdapter, linkerdAdapter, MESH_MARKER_MATCH, type MeshAdapter, type MeshKind } from '@/lib/mesh';
import { isPrometheusError, type PrometheusClient } from '@/lib/prometheus';
import type { SliSource } from '@/lib/slo/sli-source';

// The mesh adapter this process uses: MESH when set, else detected from the metric names Prometheus
// holds. Lives outside lib/mesh because it does I/O; every route that asks mesh questions shares it
// (and its cache), so the home page and the dashboards never disagree about the mesh.

/** Metric names rarely change; look again after this long so a newly scraped mesh is picked up. */
const DETECTION_TTL_MS = 5 * 60_000;

const ADAPTERS: Record<MeshKind, MeshAdapter> = { istio: istioAdapter, linkerd: linkerdAdapter };

let detected: { kind: MeshKind; warning?: string; at: number } | undefined;

async function detectMesh(client: PrometheusClient, signal?: AbortSignal): Promise<{ kind: MeshKind; warning?: string }> {
  const configured = getEnv().mesh;
  if (configured !== 'auto') return chooseMesh(configured, []);
  if (detected && Date.now() - detected.at < DETECTION_TTL_MS) return detected;
  // Label values cover every block Prometheus holds, so detection works for historical data too.
  const names = await client.labelValues('__name__', { match: [MESH_MARKER_MATCH], signal });
  detected = { ...chooseMesh('auto', names), at: Date.now() };
  return detected;
}

/** The mesh adapter for this process, with any warning about how the mesh was chosen. */
export async function detectedMesh(client: PrometheusClient, signal?: AbortSignal): Promise<{ adapter: MeshAdapter; warnings: string[] }> {
  const { kind, warning } = await detectMesh(client, signal);
  return { adapter: ADAPTERS[kind], warnings: warning ? [warning] : [] };
}

/** The detected mesh's SLI counters: specs are mesh-neutral, their PromQL and rules read these. */
export async function detectedSli(client: PrometheusClient, signal?: AbortSignal): Promise<SliSource> {
  return (await detectedMesh(client, signal)).adapter.sli;
}

/**
 * For answers made from the spec alone (rules, exports, rule tests): the detected mesh's counters, or,
 * while Prometheus cannot be asked, the last detected mesh's (Istio before any detection, the default
 * chooseMesh takes when the data does not tell), so those stay readable during an outage. The rules
 * sync does not fall back: it keeps the previous file until the mesh is known.
 */
export async function specSli(client: PrometheusClient, signal?: AbortSignal): Promise<SliSource> {
  try {
    return await detectedSli(client, signal);
  } catch (err) {
    if (!isPrometheusError(err)) throw err;
    return ADAPTERS[detected?.kind ?? 'istio'].sli;
  }
}

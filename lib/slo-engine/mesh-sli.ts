import 'server-only';
import { detectedSli } from '@/lib/mesh-detected';
import type { PrometheusClient } from '@/lib/prometheus';
import type { SliSource } from '@/lib/slo/sli-source';

/** The caller's SLI counters (tests, a pinned mesh), else the detected mesh's (MESH, or the metric names). */
export async function meshSli(client: PrometheusClient, signal?: AbortSignal, given?: SliSource): Promise<SliSource> {
  return given ?? detectedSli(client, signal);
}

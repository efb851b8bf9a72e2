import 'server-only';
import { getEnv } from '@/lib/env';
import { detectedMesh } from '@/lib/mesh-detected';
import type { PrometheusClient } from '@/lib/prometheus';
import type { PanelContext } from './types';

/** The mesh adapter and panel configuration for this process, with any warning about the mesh choice. */
export async function panelContext(client: PrometheusClient, signal?: AbortSignal): Promise<{ ctx: PanelContext; warnings: string[] }> {
  const env = getEnv();
  const { adapter, warnings } = await detectedMesh(client, signal);
  return {
    ctx: { mesh: adapter, config: { traceUrlTemplate: env.traceUrlTemplate, teams: env.teams, regions: env.regions, health: env.health } },
    warnings,
  };
}

import { apiHandler } from '@/lib/api';
import { meshClusters } from '@/lib/mesh-clusters';
import { getPrometheusClient } from '@/lib/prometheus';
import type { ClustersResponse } from '@/lib/queries/schemas';

export const dynamic = 'force-dynamic';

/** GET /api/clusters: the mesh clusters in the telemetry (the dashboards offer a cluster filter when there are several). */
export const GET = apiHandler('/api/clusters', async (request: Request) => {
  const body: ClustersResponse = { clusters: await meshClusters(getPrometheusClient(), request.signal) };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

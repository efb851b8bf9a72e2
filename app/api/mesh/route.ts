import { apiHandler } from '@/lib/api';
import { detectedMesh } from '@/lib/mesh-detected';
import { getPrometheusClient } from '@/lib/prometheus';
import type { MeshInfoResponse } from '@/lib/queries/schemas';

export const dynamic = 'force-dynamic';

/** GET /api/mesh: the mesh Meshwatch reads (MESH, or detected) and its PromQL editor hints. */
export const GET = apiHandler('/api/mesh', async (request: Request) => {
  const { adapter, warnings } = await detectedMesh(getPrometheusClient(), request.signal);
  const body: MeshInfoResponse = { kind: adapter.kind, editor: adapter.editorHints, warnings };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

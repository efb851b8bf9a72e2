import { apiHandler } from '@/lib/api';
import { readJson } from '@/lib/api/body';
import { createMaintenanceWindow } from '@/lib/alertmanager';
import { requireRole } from '@/lib/auth';
import { getEnv } from '@/lib/env';
import { maintenanceInputSchema, type MaintenanceList } from '@/lib/maintenance';
import { validationError } from '@/lib/slo-engine/http';
import { getMaintenanceStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/maintenance: every maintenance window, the latest start first, and whether Meshwatch can silence. */
export const GET = apiHandler('/api/maintenance', () => {
  const body: MaintenanceList = { windows: getMaintenanceStore().list(), alertmanager: getEnv().alertmanager.url !== undefined };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

/** POST /api/maintenance: saves a window (editor), then silences its scope in Alertmanager; 201 whatever the silence's outcome. */
export const POST = apiHandler('/api/maintenance', async (request: Request) => {
  const { user } = requireRole(request, 'editor');
  const parsed = maintenanceInputSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(parsed.error, 'maintenance window');
  const created = await createMaintenanceWindow(parsed.data, user);
  return Response.json(created, { status: 201, headers: { location: `/api/maintenance/${created.id}`, 'cache-control': 'no-store' } });
});

import { apiHandler } from '@/lib/api';
import { deleteMaintenanceWindow } from '@/lib/alertmanager';
import { requireRole } from '@/lib/auth';
import { maintenanceIdOf } from '@/lib/maintenance/id-param';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ id: string }> };

/** DELETE /api/maintenance/{id}: expires the window's silence, then removes it (editor); 204, or 502 keeping it when Alertmanager cannot expire the silence. */
export const DELETE = apiHandler('/api/maintenance/[id]', async (request: Request, { params }: Context) => {
  requireRole(request, 'editor');
  await deleteMaintenanceWindow(maintenanceIdOf((await params).id));
  return new Response(null, { status: 204 });
});

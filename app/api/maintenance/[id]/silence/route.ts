import { apiHandler } from '@/lib/api';
import { retrySilence } from '@/lib/alertmanager';
import { requireRole } from '@/lib/auth';
import { maintenanceIdOf } from '@/lib/maintenance/id-param';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ id: string }> };

/** POST /api/maintenance/{id}/silence: tries a pending or failed silence again (editor); the window with its silence state. */
export const POST = apiHandler('/api/maintenance/[id]/silence', async (request: Request, { params }: Context) => {
  requireRole(request, 'editor');
  return Response.json(await retrySilence(maintenanceIdOf((await params).id)), { headers: { 'cache-control': 'no-store' } });
});

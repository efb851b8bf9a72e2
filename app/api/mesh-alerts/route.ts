import { apiHandler } from '@/lib/api';
import { readJson } from '@/lib/api/body';
import { requireRole } from '@/lib/auth';
import { getEnv } from '@/lib/env';
import { specSli } from '@/lib/mesh-detected';
import { meshAlertSettingsUpdateSchema } from '@/lib/mesh-alerts';
import { getPrometheusClient } from '@/lib/prometheus';
import { meshAlertsBody, requestRulesSync } from '@/lib/rules-sync';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const ROUTE = '/api/mesh-alerts';

async function answer(request: Request): Promise<Response> {
  // The mesh decides which alerts exist (Linkerd has no rejected pushes); the last detected one while Prometheus is down.
  const source = await specSli(getPrometheusClient(), request.signal);
  return Response.json(meshAlertsBody(source, getEnv().http.publicOrigins[0]), { headers: { 'cache-control': 'no-store' } });
}

/** GET /api/mesh-alerts: every mesh-health alert with its setting (on/off, threshold), bounds, runbook and availability on this mesh. */
export const GET = apiHandler(ROUTE, answer);

/** PUT /api/mesh-alerts `{ alerts: [{ id, enabled, threshold }] }` (editor): saves those settings and rewrites the rule file. */
export const PUT = apiHandler(ROUTE, async (request: Request) => {
  const { user } = requireRole(request, 'editor');
  const update = meshAlertSettingsUpdateSchema.parse(await readJson(request));
  getSloStore().putMeshAlertSettings(update.alerts, user);
  void requestRulesSync(); // saved whatever the sync's outcome (GET /api/rules reports it)
  return answer(request);
});

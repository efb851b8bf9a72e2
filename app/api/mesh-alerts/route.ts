import { z } from 'zod';
import { apiHandler, parseSearchParams } from '@/lib/api';
import { readJson } from '@/lib/api/body';
import { requireRole } from '@/lib/auth';
import { getEnv } from '@/lib/env';
import { specSli } from '@/lib/mesh-detected';
import { MESH_ADAPTERS } from '@/lib/mesh';
import { MESH_RULES_FILE, MESH_TESTS_FILE, meshAlertSettingsUpdateSchema, meshRuleTestsYaml, meshRulesYaml } from '@/lib/mesh-alerts';
import { getPrometheusClient } from '@/lib/prometheus';
import { meshAlertsBody, requestRulesSync } from '@/lib/rules-sync';
import { yamlResponse } from '@/lib/slo-engine/http';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const ROUTE = '/api/mesh-alerts';

const paramsSchema = z.object({ format: z.enum(['rules', 'tests'], { error: 'must be rules or tests' }).optional() });

async function answer(request: Request): Promise<Response> {
  // The mesh decides which alerts exist (Linkerd has no rejected pushes); the last detected one while Prometheus is down.
  const source = await specSli(getPrometheusClient(), request.signal);
  return Response.json(meshAlertsBody(source, getEnv().http.publicOrigins[0]), { headers: { 'cache-control': 'no-store' } });
}

/**
 * GET /api/mesh-alerts: every mesh-health alert with its setting (on/off, threshold), bounds, runbook and
 * availability on this mesh. `?format=rules` is their rule group as a file, `?format=tests` its
 * `promtool test rules` file (save both side by side, as MESH_RULES_FILE names the first).
 */
export const GET = apiHandler(ROUTE, async (request: Request) => {
  const { format } = parseSearchParams(paramsSchema, request.url);
  if (format === undefined) return answer(request);
  const source = await specSli(getPrometheusClient(), request.signal);
  const adapter = MESH_ADAPTERS[source.mesh === 'linkerd' ? 'linkerd' : 'istio'];
  const settings = getSloStore().meshAlertSettings();
  const publicUrl = getEnv().http.publicOrigins[0];
  return format === 'rules'
    ? yamlResponse(meshRulesYaml(adapter.healthSignals(), settings, publicUrl), MESH_RULES_FILE)
    : yamlResponse(meshRuleTestsYaml(adapter.healthSignals(), settings, publicUrl), MESH_TESTS_FILE);
});

/** PUT /api/mesh-alerts `{ alerts: [{ id, enabled, threshold }] }` (editor): saves those settings and rewrites the rule file. */
export const PUT = apiHandler(ROUTE, async (request: Request) => {
  const { user } = requireRole(request, 'editor');
  const update = meshAlertSettingsUpdateSchema.parse(await readJson(request));
  getSloStore().putMeshAlertSettings(update.alerts, user);
  void requestRulesSync(); // saved whatever the sync's outcome (GET /api/rules reports it)
  return answer(request);
});

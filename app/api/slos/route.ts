import { apiHandler } from '@/lib/api';
import { requireRole } from '@/lib/auth';
import { parseSpec, readJson, specResponse } from '@/lib/slo-engine/http';
import { assertRulesAccepted, requestRulesSync } from '@/lib/rules-sync';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/slos: every SLO spec, by name. Reads the store only, never Prometheus. */
export const GET = apiHandler('/api/slos', () =>
  Response.json(
    getSloStore()
      .list()
      .map((s) => s.spec),
    { headers: { 'cache-control': 'no-store' } },
  ),
);

/** POST /api/slos: creates an SLO (editor); 201 with its ETag, 409 when the name is taken. */
export const POST = apiHandler('/api/slos', async (request: Request) => {
  const { user } = requireRole(request, 'editor');
  const spec = parseSpec(await readJson(request));
  await assertRulesAccepted([spec]); // 422 before the store is touched when promtool rejects its rules
  const stored = getSloStore().create(spec, user);
  void requestRulesSync(); // saved whatever the sync's outcome (GET /api/rules reports it)
  return specResponse(stored, { status: 201, headers: { location: `/api/slos/${stored.spec.name}` } });
});

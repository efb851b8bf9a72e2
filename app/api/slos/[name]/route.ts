import { apiHandler } from '@/lib/api';
import { requireRole } from '@/lib/auth';
import { ifMatchVersion, parseSpec, readJson, specResponse, storedOr404 } from '@/lib/slo-engine/http';
import { assertRulesAccepted, requestRulesSync } from '@/lib/rules-sync';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

type Context = { params: Promise<{ name: string }> };
const ROUTE = '/api/slos/[name]';

/** GET /api/slos/{name}: the spec, with its version as ETag. */
export const GET = apiHandler(ROUTE, async (_request: Request, { params }: Context) => specResponse(storedOr404((await params).name)));

/** PUT /api/slos/{name}: replaces the spec (editor); If-Match makes it conditional (409 when stale). */
export const PUT = apiHandler(ROUTE, async (request: Request, { params }: Context) => {
  const { user } = requireRole(request, 'editor');
  const { name } = await params;
  const expected = ifMatchVersion(request);
  const spec = parseSpec(await readJson(request), name);
  await assertRulesAccepted([spec]); // 422 before the store is touched when promtool rejects its rules
  const stored = getSloStore().update(name, spec, user, expected);
  void requestRulesSync(); // saved whatever the sync's outcome (GET /api/rules reports it)
  return specResponse(stored);
});

/** DELETE /api/slos/{name}: removes the SLO (editor), keeping its history; 204. */
export const DELETE = apiHandler(ROUTE, async (request: Request, { params }: Context) => {
  const { user } = requireRole(request, 'editor');
  getSloStore().delete((await params).name, user, ifMatchVersion(request));
  void requestRulesSync();
  return new Response(null, { status: 204 });
});

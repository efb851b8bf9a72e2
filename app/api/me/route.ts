import { apiHandler } from '@/lib/api';
import { describeIdentity } from '@/lib/auth';
import type { MeResponse } from '@/lib/slo';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/me: `{ user, role, demo }`; the UI shows the demo editor mode when `demo` is true. */
export const GET = apiHandler('/api/me', (request: Request) => {
  const body: MeResponse = describeIdentity(request);
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

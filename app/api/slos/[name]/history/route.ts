import { apiHandler } from '@/lib/api';
import type { HistoryResponse } from '@/lib/slo';
import { getSloStore, SloNotFoundError } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/slos/{name}/history: every change, newest first (who, when, action, before/after); kept after delete. */
export const GET = apiHandler('/api/slos/[name]/history', async (_request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { name } = await params;
  const entries = getSloStore().history(name);
  if (entries.length === 0) throw new SloNotFoundError(name);
  const body: HistoryResponse = { name, entries };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

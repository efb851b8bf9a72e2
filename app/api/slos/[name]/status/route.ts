import { z } from 'zod';
import { apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient, liveTime } from '@/lib/prometheus';
import { evaluateSlo } from '@/lib/slo-engine/evaluate';
import { storedOr404 } from '@/lib/slo-engine/http';
import { storedHints } from '@/lib/slo-engine/recorded-expect';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ time: timeParamSchema });

/** GET /api/slos/{name}/status?time=<unix s>: the DESIGN.md Status at `time` (default now). */
export const GET = apiHandler('/api/slos/[name]/status', async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  // Now on the live grid, as /api/services: live viewers refreshing within seconds share one answer.
  const { time = liveTime() } = parseSearchParams(paramsSchema, request.url);
  const stored = storedOr404((await params).name);
  const status = await evaluateSlo(stored.spec, { client: getPrometheusClient(), time, signal: request.signal, recordedHints: storedHints([stored]) });
  return Response.json(status, { headers: { 'cache-control': 'no-store' } });
});

import { z } from 'zod';
import { apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient, liveTime } from '@/lib/prometheus';
import { slosStatusResponse } from '@/lib/slo-engine/statuses-response';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ time: timeParamSchema });

/**
 * GET /api/slos-status?time=: the status of every SLO from one query for the recording rules' series,
 * then, for the SLOs and windows without them, one raw query per window per indicator kind (plus one
 * per window per custom SLO); SLOs that cannot be evaluated are listed under `errors`.
 */
export const GET = apiHandler('/api/slos-status', async (request: Request) => {
  // Now on the live grid, as /api/services: live viewers refreshing within seconds share one answer.
  const { time = liveTime() } = parseSearchParams(paramsSchema, request.url);
  const body = await slosStatusResponse({ client: getPrometheusClient(), time, signal: request.signal });
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

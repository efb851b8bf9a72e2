import { z } from 'zod';
import { apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient, liveTime } from '@/lib/prometheus';
import type { BudgetResponse } from '@/lib/slo';
import { budgetCurve } from '@/lib/slo-engine/evaluate-curve';
import { storedOr404 } from '@/lib/slo-engine/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ time: timeParamSchema });

/** GET /api/slos/{name}/budget?time=: the budget burn-down over the SLO window ending at `time`. */
export const GET = apiHandler('/api/slos/[name]/budget', async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  // Now on the live grid, as /api/services: live viewers refreshing within seconds share one answer.
  const { time = liveTime() } = parseSearchParams(paramsSchema, request.url);
  const { spec } = storedOr404((await params).name);
  const curve = await budgetCurve(spec, { client: getPrometheusClient(), time, signal: request.signal });
  const body: BudgetResponse = { name: spec.name, ...curve };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

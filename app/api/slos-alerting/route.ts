import { z } from 'zod';
import { apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient } from '@/lib/prometheus';
import { readSloAlerting, rulesDelivery } from '@/lib/rules-sync';
import type { SlosAlertingResponse } from '@/lib/slo/alerting-schema';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ time: timeParamSchema });

/**
 * GET /api/slos-alerting?time=: per SLO, whether Prometheus has loaded its rules as generated now
 * (/api/v1/rules) and which of its burn-rate alerts are pending or firing (/api/v1/alerts; the ALERTS
 * series for a past `time`). Two or three upstream calls whatever the number of SLOs.
 */
export const GET = apiHandler('/api/slos-alerting', async (request: Request) => {
  const now = Date.now() / 1000;
  const { time = now } = parseSearchParams(paramsSchema, request.url);
  const specs = getSloStore()
    .list()
    .map((s) => s.spec);
  const delivery = rulesDelivery();
  const { source, slos } = await readSloAlerting(getPrometheusClient(), specs, { time, now, signal: request.signal, lastSync: delivery.lastSync });
  const body: SlosAlertingResponse = { evaluatedAt: new Date(time * 1000).toISOString(), source, mode: delivery.mode, slos };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

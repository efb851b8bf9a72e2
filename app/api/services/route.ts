import { z } from 'zod';
import { apiHandler, namespaceParamSchema, parseSearchParams, timeParamSchema, windowParamSchema } from '@/lib/api';
import { serviceSummary } from '@/lib/dashboards/services-summary';
import { getPrometheusClient } from '@/lib/prometheus';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  time: timeParamSchema,
  window: windowParamSchema.default('5m'),
  namespace: namespaceParamSchema,
});

/** GET /api/services?time=<unix s>&window=5m&namespace=<ns>: rate, success ratio, p95 and health per
 * service, in the detected mesh's PromQL (lib/mesh-detected); health also reads the SLOs at `time`. */
export const GET = apiHandler('/api/services', async (request: Request) => {
  const { time = Date.now() / 1000, window, namespace } = parseSearchParams(paramsSchema, request.url);
  const body = await serviceSummary({ client: getPrometheusClient(), time, window, namespace, signal: request.signal });
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

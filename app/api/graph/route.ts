import { z } from 'zod';
import { apiHandler, namespaceParamSchema, parseSearchParams, timeParamSchema, windowParamSchema } from '@/lib/api';
import { fetchGraph } from '@/lib/graph/fetch-graph';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  time: timeParamSchema,
  window: windowParamSchema.default('5m'),
  namespace: namespaceParamSchema,
  view: z.literal('service', { error: 'only the service view is available' }).default('service'),
});

/** GET /api/graph?window=5m&time=<unix s>&namespace=<ns>: services and their calls, laid out. */
export const GET = apiHandler('/api/graph', async (request: Request) => {
  const { time = Math.floor(Date.now() / 1000), window, namespace } = parseSearchParams(paramsSchema, request.url);
  const body = await fetchGraph({ time, window, namespace, signal: request.signal });
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});

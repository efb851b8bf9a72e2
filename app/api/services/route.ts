import { z } from 'zod';
import { apiHandler, namespaceParamSchema, parseSearchParams, sharedJson, timeParamSchema, windowParamSchema } from '@/lib/api';
import { serviceSummary } from '@/lib/dashboards/services-summary';
import { getPrometheusClient, liveTime } from '@/lib/prometheus';
import { sloStoreRevision } from '@/lib/store';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  time: timeParamSchema,
  window: windowParamSchema.default('5m'),
  namespace: namespaceParamSchema,
});

/** GET /api/services?time=<unix s>&window=5m&namespace=<ns>: rate, success ratio, p95 and health per
 * service, in the detected mesh's PromQL (lib/mesh-detected); health also reads the SLOs at `time`. */
export const GET = apiHandler('/api/services', async (request: Request) => {
  // Without a time, now on the live grid: viewers within the same seconds share the answer.
  const { time = liveTime(), window, namespace } = parseSearchParams(paramsSchema, request.url);
  // The health column reads stored SLOs: kept under the store's revision, so an edit shows at once.
  const revision = sloStoreRevision();
  return sharedJson(request, (signal) => serviceSummary({ client: getPrometheusClient(), time, window, namespace, signal }), { keep: revision !== undefined, revision });
});

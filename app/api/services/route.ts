import { apiHandler, sharedJson } from '@/lib/api';
import { servicesWork } from './services-work';

export const dynamic = 'force-dynamic';

/** GET /api/services?time=<unix s>&window=5m&namespace=<ns>: rate, success ratio, p95 and health per
 * service, in the detected mesh's PromQL (lib/mesh-detected); health also reads the SLOs at `time`. */
export const GET = apiHandler('/api/services', async (request: Request) => {
  const { run, options } = servicesWork(request.url);
  return sharedJson(request, run, options);
});

import { apiHandler } from '@/lib/api';
import { checkPrometheusReadiness, getPrometheusClient } from '@/lib/prometheus';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** Readiness: Prometheus answers. The reason names the failure, never the URL or credentials. */
export const GET = apiHandler('/api/readyz', async () => {
  const readiness = await checkPrometheusReadiness(getPrometheusClient());
  return readiness.ready
    ? Response.json({ status: 'ready', prometheus: { version: readiness.version } })
    : Response.json({ status: 'not ready', reason: readiness.reason }, { status: 503 });
});

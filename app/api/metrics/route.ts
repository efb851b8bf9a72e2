import { apiHandler } from '@/lib/api';
import { getRegistry } from '@/lib/metrics';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The app's own metrics in the Prometheus text format. */
export const GET = apiHandler('/api/metrics', async () => {
  const registry = getRegistry();
  return new Response(await registry.metrics(), { headers: { 'Content-Type': registry.contentType } });
});

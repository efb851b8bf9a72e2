import { z } from 'zod';
import { apiHandler, clusterParamSchema, namespaceParamSchema, parseSearchParams, sharedJson, timeParamSchema, windowParamSchema } from '@/lib/api';
import { GRAPH_VIEWS } from '@/lib/graph';
import { fetchGraph } from '@/lib/graph/fetch-graph';
import { liveTime } from '@/lib/prometheus';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({
  time: timeParamSchema,
  window: windowParamSchema.default('5m'),
  namespace: namespaceParamSchema,
  cluster: clusterParamSchema,
  // One node per service and cluster (ids `namespace/service@cluster`), edges with both ends' clusters.
  split: z.enum(['cluster'], { error: 'split must be cluster' }).optional(),
  view: z.enum(GRAPH_VIEWS, { error: `view must be one of ${GRAPH_VIEWS.join(', ')}` }).default('service'),
});

/** GET /api/graph?window=5m&time=<unix s>&namespace=<ns>&cluster=<c>&split=cluster&view=service|workload: nodes and their calls, laid out. */
export const GET = apiHandler('/api/graph', async (request: Request) => {
  const { time = liveTime(), window, namespace, cluster, split, view } = parseSearchParams(paramsSchema, request.url);
  const byCluster = split === 'cluster';
  // Nodes carry their SLOs' state: shared only while in flight, so a new SLO colours the graph at once.
  return sharedJson(request, (signal) => fetchGraph({ time, window, namespace, cluster, byCluster, view, signal }), { keep: false });
});

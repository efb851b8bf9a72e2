import 'server-only';
import { getEnv } from '@/lib/env';
import { GRAPH_QUERY_NAMES, type GraphView } from '@/lib/mesh';
import { detectedMesh } from '@/lib/mesh-detected';
import { getPrometheusClient, type InstantResult } from '@/lib/prometheus';
import { serviceSloStatusesOrWarning } from '@/lib/slo-engine/stored-statuses';
import { emptyVectors } from './assemble';
import { graphResponse } from './response';
import type { GraphResponse } from './schema';

export interface FetchGraphParams {
  time: number;
  window: string;
  namespace?: string;
  cluster?: string;
  byCluster?: boolean;
  view?: GraphView;
  signal?: AbortSignal;
}

function samples(result: InstantResult) {
  // Every graph query aggregates to a vector; anything else is a bug worth a 500, not an empty graph.
  if (result.resultType !== 'vector') throw new Error(`expected a vector, got a ${result.resultType}`);
  return result.samples;
}

/** Runs the mesh's constant set of graph queries at one instant, assembles and lays out the graph, and
 * judges every node and edge (service nodes with their SLOs at the same instant). */
export async function fetchGraph({ time, window, namespace, cluster, byCluster = false, view = 'service', signal }: FetchGraphParams): Promise<GraphResponse> {
  const client = getPrometheusClient();
  const { adapter, warnings } = await detectedMesh(client, signal);
  const plan = adapter.graphQueries({ window, namespace, cluster, byCluster, view });
  const names = GRAPH_QUERY_NAMES.filter((n) => plan.queries[n] !== undefined);
  // SLOs measure services: the workload view's nodes are judged by their error ratio alone. Every
  // namespace's SLOs, since a namespace's graph also draws its callers and callees from other ones.
  const [judged, results] = await Promise.all([
    view === 'service' ? serviceSloStatusesOrWarning({ client, time, signal }) : Promise.resolve(undefined),
    Promise.all(names.map((n) => client.instantQuery(plan.queries[n]?.promql ?? '', { time, signal }))),
  ]);
  const vectors = emptyVectors();
  for (const [i, n] of names.entries()) vectors[n] = samples(results[i] as InstantResult);
  return graphResponse({
    vectors,
    plan,
    time,
    window,
    view,
    namespace: namespace ?? null,
    cluster,
    byCluster,
    warnings: [...new Set([...warnings, ...results.flatMap((r) => r.warnings), ...(judged?.warnings ?? [])])],
    health: { ...(judged ? { slos: judged.slos } : {}), thresholds: getEnv().health },
  });
}
